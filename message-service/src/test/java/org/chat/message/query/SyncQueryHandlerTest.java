package org.chat.message.query;

import java.util.ArrayList;
import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.consume.InboundRecord;
import org.chat.message.support.Harness;
import org.chat.message.support.Harness.SyncPage;
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
		SyncPage page = this.h.sync("bob", null, 5);
		seen.addAll(page.ids());
		int pages = 1;
		while (page.hasMore()) {
			page = this.h.sync("bob", page.next(), 5);
			seen.addAll(page.ids());
			pages++;
		}
		assertThat(seen).containsExactlyElementsOf(this.toBob);
		assertThat(pages).isEqualTo(3);
		SyncPage after = this.h.sync("bob", page.next(), 5);
		assertThat(after.ids()).isEmpty();
		assertThat(after.hasMore()).isFalse();
		assertThat(after.next()).isEqualTo(page.next());
	}

	@Test
	void theTokenOfAnEmptyAnswerReturnsWhatCameLater() {
		SyncPage all = this.h.sync("bob", null, 100);
		assertThat(all.ids()).hasSize(12);
		this.h.process(send(1, 50, "carol", "bob", "later"));
		assertThat(this.h.sync("bob", all.next(), 100).ids()).containsExactly("later");
	}

	@Test
	void aMessageIdAsSinceMeansStampedAfterIt() {
		assertThat(this.h.sync("bob", "m9", 100).ids()).containsExactly("m10", "m11");
		// a message I sent is a cursor too: everything to me came before it
		SyncPage mine = this.h.sync("bob", "mine", 100);
		assertThat(mine.ids()).isEmpty();
		// and its answer carries a real token
		this.h.process(send(1, 51, "carol", "bob", "later"));
		assertThat(this.h.sync("bob", mine.next(), 100).ids()).containsExactly("later");
	}

	@Test
	void syncedMessagesCountAsDeliveredOnce() {
		this.h.sync("bob", null, 100);
		List<String> notified = this.h.published.withEvent(ClientEvents.MESSAGE_DELIVERED)
			.stream()
			.map(p -> p.message().data().tree().get("messageId").asString())
			.toList();
		// m0 was delivered live before the sync
		assertThat(notified).containsExactlyInAnyOrderElementsOf(this.toBob.subList(1, this.toBob.size()));
		assertThat(this.h.allMessages()).filteredOn(m -> m.recipient().equals("bob")).allMatch(m -> m.deliveredAt() != null);

		this.h.published.clear();
		this.h.sync("bob", null, 100);
		assertThat(this.h.published.withEvent(ClientEvents.MESSAGE_DELIVERED)).isEmpty();
	}

	@Test
	void unknownForeignOrForgedSinceIsInvalidPayload() {
		assertThat(error("carol", "m0")).isEqualTo("invalid_payload");
		assertThat(error("bob", "nope")).isEqualTo("invalid_payload");
		assertThat(error("bob", "t1.@@@")).isEqualTo("invalid_payload");
		assertThat(error("bob", "t1.MDo")).isEqualTo("invalid_payload");
	}

	private String error(String me, String since) {
		GatewayMessage reply = this.h.ask(sync(5, 0, me, since, 10));
		assertThat(reply.ack().tree().get("ok").asBoolean()).isFalse();
		return reply.ack().tree().get("error").get("code").asString();
	}

}
