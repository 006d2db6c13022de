package org.chat.message.query;

import java.util.ArrayList;
import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.consume.InboundRecord;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.delivered;
import static org.chat.message.support.Records.send;
import static org.chat.message.support.Records.sync;

class SyncQueryHandlerTest {

	private Harness h;

	private final List<String> toBob = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.h = new Harness();
		this.h.routing.online("alice", "gw-a").online("carol", "gw-c");
		List<InboundRecord> records = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String from = i % 2 == 0 ? "alice" : "carol";
			// conversations live on different partitions; one batch interleaves them
			records.add(send(from.equals("alice") ? 0 : 1, i, from, "bob", "m" + i));
			this.toBob.add("m" + i);
		}
		records.add(send(0, 100, "bob", "alice", "mine"));
		this.h.process(records.toArray(InboundRecord[]::new));
		this.h.process(delivered(0, 101, "bob", "m0", "alice"));
		this.h.published.clear();
	}

	@Test
	void pagesEverythingToMeOldestFirstInConsumptionOrder() {
		List<String> seen = new ArrayList<>();
		String since = null;
		boolean hasMore = true;
		int pages = 0;
		while (hasMore) {
			GatewayMessage reply = ask("bob", since, 5);
			reply.ack().get("messages").forEach(m -> seen.add(m.get("id").asString()));
			hasMore = reply.ack().get("hasMore").asBoolean();
			since = seen.get(seen.size() - 1);
			pages++;
		}
		assertThat(seen).containsExactlyElementsOf(this.toBob);
		assertThat(pages).isEqualTo(3);
		assertThat(ask("bob", since, 5).ack().get("messages")).isEmpty();
	}

	@Test
	void sinceMayBeAMessageISent() {
		GatewayMessage reply = ask("bob", "mine", 100);
		assertThat(reply.ack().get("messages")).isEmpty();
		assertThat(reply.ack().get("ok").asBoolean()).isTrue();
	}

	@Test
	void syncedMessagesCountAsDeliveredOnce() {
		ask("bob", null, 100);
		List<String> notified = this.h.published.withEvent(ClientEvents.MESSAGE_DELIVERED)
			.stream()
			.map(p -> p.message().data().get("messageId").asString())
			.toList();
		// m0 was delivered live before the sync
		assertThat(notified).containsExactlyInAnyOrderElementsOf(this.toBob.subList(1, this.toBob.size()));
		assertThat(this.h.allMessages()).filteredOn(m -> m.recipient().equals("bob")).allMatch(m -> m.deliveredAt() != null);

		this.h.published.clear();
		ask("bob", null, 100);
		assertThat(this.h.published.withEvent(ClientEvents.MESSAGE_DELIVERED)).isEmpty();
	}

	@Test
	void unknownOrForeignSinceIsInvalidPayload() {
		assertThat(ask("carol", "m0", 10).ack().get("error").get("code").asString()).isEqualTo("invalid_payload");
		assertThat(ask("bob", "nope", 10).ack().get("ok").asBoolean()).isFalse();
	}

	private GatewayMessage ask(String me, String since, int limit) {
		InboundRecord query = sync(5, 0, me, since, limit);
		this.h.process(query);
		return this.h.published.all()
			.stream()
			.map(p -> p.message())
			.filter(m -> query.envelope().eventId().equals(m.replyTo()))
			.findFirst()
			.orElseThrow();
	}

}
