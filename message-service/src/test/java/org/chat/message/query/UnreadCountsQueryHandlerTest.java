package org.chat.message.query;

import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.ClientPayloads.CountsAck;
import org.chat.message.fanout.ClientPayloads.UnreadCount;
import org.chat.message.support.CapturingPublisher;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.read;
import static org.chat.message.support.Records.send;
import static org.chat.message.support.Records.unreadCounts;

class UnreadCountsQueryHandlerTest {

	private final Harness h = new Harness();

	@Test
	void answersSendersWithUnreadMessages() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"),
				send(1, 1, "carol", "bob", "m3"), send(2, 1, "bob", "dave", "m4"));
		this.h.process(read(1, 2, "bob", "carol"));
		this.h.published.clear();

		var query = unreadCounts(3, 1, "bob");
		this.h.process(query);

		List<UnreadCount> counts = List.of(new UnreadCount("alice", 2));
		assertThat(this.h.published.all()).singleElement().satisfies(p -> {
			assertThat(p.gatewayId()).isEqualTo("gw-bob");
			assertThat(p.message()).isEqualTo(CapturingPublisher.wire(GatewayMessage.reply("bob-s1",
					query.envelope().eventId(), ClientEvents.UNREAD_COUNTS, counts, new CountsAck(true, counts))));
		});
	}

}
