package org.chat.message.fanout;

import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.support.CapturingPublisher.Publish;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.delivered;
import static org.chat.message.support.Records.send;

/** One PUBLISH per gateway per processing step, carrying that gateway's messages in order. */
class FanoutBatchingTest {

	private final Harness h = new Harness();

	@BeforeEach
	void setUp() {
		this.h.routing.online("bob", "gw-b").online("alice", "gw-a1", "gw-a2").online("carol", "gw-b");
	}

	@Test
	void aBatchOfSendsIsOnePublishPerGatewayInBatchOrder() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"),
				send(1, 3, "carol", "bob", "m3"), send(0, 4, "bob", "alice", "m4"));

		assertThat(this.h.published.publishes()).extracting(Publish::gatewayId)
			.containsExactlyInAnyOrder("gw-b", "gw-a1", "gw-a2");
		assertThat(lines(publish("gw-b"))).containsExactly(
				"bob receive_private_message m1", "bob unread_count_update 1",
				"bob receive_private_message m2", "bob unread_count_update 2",
				"bob receive_private_message m3", "bob unread_count_update 1",
				"carol receive_private_message m3",
				"bob receive_private_message m4");
		for (String gateway : List.of("gw-a1", "gw-a2")) {
			assertThat(lines(publish(gateway))).containsExactly("alice receive_private_message m1",
					"alice receive_private_message m2", "alice receive_private_message m4",
					"alice unread_count_update 1");
		}
	}

	@Test
	void deliveryNoticesOfABatchAreOnePublishPerGatewayInReportOrder() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(1, 2, "carol", "bob", "m2"),
				send(0, 3, "alice", "bob", "m3"));
		this.h.published.clear();
		int lookupsBefore = this.h.routing.lookups();

		this.h.process(delivered(0, 4, "bob", "m3", "alice"), delivered(1, 5, "bob", "m2", "carol"),
				delivered(0, 6, "bob", "m1", "alice"), delivered(0, 7, "bob", "m1", "alice"));

		assertThat(this.h.routing.lookups() - lookupsBefore).as("one lookup for both senders").isEqualTo(1);
		assertThat(this.h.published.publishes()).extracting(Publish::gatewayId)
			.containsExactlyInAnyOrder("gw-b", "gw-a1", "gw-a2");
		assertThat(lines(publish("gw-a1"))).containsExactly("alice message_delivered m3",
				"alice message_delivered m1");
		assertThat(lines(publish("gw-a2"))).isEqualTo(lines(publish("gw-a1")));
		assertThat(lines(publish("gw-b"))).containsExactly("carol message_delivered m2");
	}

	@Test
	void aFailedPublishDropsThatGatewaysBatchAndCountsOnce() {
		this.h.published.failing(true);

		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"));

		assertThat(this.h.meters.get("chat.messages.fanout.failures").tag("stage", "publish").counter().count())
			.as("one failed publish per gateway, not per message").isEqualTo(3);
		assertThat(this.h.message("m2")).isNotNull();
	}

	private Publish publish(String gateway) {
		return this.h.published.publishes()
			.stream()
			.filter(p -> p.gatewayId().equals(gateway))
			.findFirst()
			.orElseThrow();
	}

	/** "user event id-or-count" for each message of a publish. */
	private static List<String> lines(Publish publish) {
		return publish.messages().stream().map(FanoutBatchingTest::line).toList();
	}

	private static String line(GatewayMessage m) {
		String what = switch (m.event()) {
			case ClientEvents.UNREAD_COUNT_UPDATE -> m.data().tree().get("count").asString();
			case ClientEvents.MESSAGE_DELIVERED -> m.data().tree().get("messageId").asString();
			default -> m.data().tree().get("_id").asString();
		};
		return String.join(" ", m.users()) + " " + m.event() + " " + what;
	}

}
