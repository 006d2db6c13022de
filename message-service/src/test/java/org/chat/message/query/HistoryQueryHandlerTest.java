package org.chat.message.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.consume.InboundRecord;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.history;
import static org.chat.message.support.Records.send;

class HistoryQueryHandlerTest {

	private Harness h;

	/** Conversation order: the order of the records in partition 0. */
	private final List<String> order = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.h = new Harness();
		List<InboundRecord> records = new ArrayList<>();
		IntStream.range(0, 25).forEach(i -> {
			String id = "m" + i;
			this.order.add(id);
			records.add(i % 3 == 0 ? send(0, i, "bob", "alice", id) : send(0, i, "alice", "bob", id));
		});
		records.add(send(1, 0, "alice", "carol", "other"));
		// two batches, so order also holds across batches
		this.h.process(records.subList(0, 10).toArray(InboundRecord[]::new));
		this.h.process(records.subList(10, records.size()).toArray(InboundRecord[]::new));
	}

	@Test
	void pagesNewestFirstInConversationOrderWithTheBeforeCursor() {
		List<String> seen = new ArrayList<>();
		String before = null;
		for (int page = 0; page < 5; page++) {
			List<String> ids = ask("alice", "bob", before, 10);
			if (ids.isEmpty()) {
				break;
			}
			assertThat(ids.size()).isLessThanOrEqualTo(10);
			seen.addAll(ids);
			before = ids.get(ids.size() - 1);
		}
		List<String> newestFirst = new ArrayList<>(this.order);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void bothParticipantsSeeTheSameOrder() {
		assertThat(ask("bob", "alice", null, 100)).containsExactlyElementsOf(ask("alice", "bob", null, 100));
	}

	@Test
	void limitDefaultsAndIsCapped() {
		assertThat(ask("alice", "bob", null, 0)).hasSize(25);
		assertThat(ask("alice", "bob", null, 3)).containsExactly("m24", "m23", "m22");
	}

	@Test
	void onlyConversationsTheAskingUserIsPartOf() {
		// carol asks for her conversation with bob: the id is built from her own user id, so nothing of alice:bob
		assertThat(ask("carol", "bob", null, 100)).isEmpty();
		assertThat(ask("carol", "alice", null, 100)).containsExactly("other");
		// and a cursor from someone else's conversation is rejected
		assertThat(reply("carol", "alice", "m3", 10).ack().tree().get("ok").asBoolean()).isFalse();
		assertThat(reply("carol", "alice", "m3", 10).ack().tree().get("error").get("code").asString())
			.isEqualTo("invalid_payload");
	}

	@Test
	void repliesToTheAskingSessionOnItsGateway() {
		GatewayMessage reply = reply("alice", "bob", null, 1);
		assertThat(this.h.published.all()).singleElement().satisfies(p -> assertThat(p.gatewayId()).isEqualTo("gw-alice"));
		assertThat(reply.kind()).isEqualTo(GatewayMessage.Kind.REPLY);
		assertThat(reply.sessions()).containsExactly("alice-s1");
		assertThat(reply.event()).isNull();
		JsonNode message = reply.ack().tree().get("messages").get(0);
		assertThat(message.get("id").asString()).isEqualTo("m24");
		assertThat(message.get("_id").asString()).isEqualTo("m24");
		assertThat(message.get("createdAt").asString()).isEqualTo("2026-01-01T10:00:00Z");
	}

	private List<String> ask(String me, String other, String before, int limit) {
		List<String> ids = new ArrayList<>();
		reply(me, other, before, limit).ack().tree().get("messages").forEach(m -> ids.add(m.get("id").asString()));
		return ids;
	}

	private GatewayMessage reply(String me, String other, String before, int limit) {
		this.h.published.clear();
		InboundRecord query = history(2, 0, me, other, before, limit);
		this.h.process(query);
		GatewayMessage reply = this.h.published.all().get(0).message();
		assertThat(reply.replyTo()).isEqualTo(query.envelope().eventId());
		return reply;
	}

}
