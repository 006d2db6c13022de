package org.chat.message.receipt;

import java.time.Duration;
import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.ClientPayloads.MessageDelivered;
import org.chat.message.support.CapturingPublisher.Published;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.delivered;
import static org.chat.message.support.Records.send;

class DeliveredHandlerTest {

	private Harness h;

	@BeforeEach
	void setUp() {
		this.h = new Harness();
		this.h.routing.online("bob", "gw-b").online("alice", "gw-a1", "gw-a2");
		this.h.process(send(0, 1, "alice", "bob", "m1"));
		this.h.published.clear();
	}

	@Test
	void setsDeliveredAtOnceAndTellsTheSenderOnce() {
		this.h.process(delivered(0, 2, "bob", "m1", "alice"));
		var first = this.h.message("m1").deliveredAt();
		this.h.clock.advance(Duration.ofSeconds(5));
		this.h.process(delivered(0, 3, "bob", "m1", "alice"), delivered(0, 2, "bob", "m1", "alice"));

		assertThat(first).isEqualTo(this.h.clock.instant().minusSeconds(5));
		assertThat(this.h.message("m1").deliveredAt()).isEqualTo(first);
		GatewayMessage expected = GatewayMessage.toUsers(List.of("alice"), ClientEvents.MESSAGE_DELIVERED,
				new MessageDelivered("m1", "bob"));
		assertThat(this.h.published.all()).containsExactlyInAnyOrder(new Published("gw-a1", expected),
				new Published("gw-a2", expected));
	}

	@Test
	void onlyTheRecipientCanReportDelivery() {
		this.h.process(delivered(0, 2, "mallory", "m1", "alice"), delivered(0, 3, "alice", "m1", "alice"));

		assertThat(this.h.message("m1").deliveredAt()).isNull();
		assertThat(this.h.published.all()).isEmpty();
	}

	@Test
	void reportForAnUnknownMessageChangesNothing() {
		this.h.process(delivered(0, 2, "bob", "nope", "alice"));

		assertThat(this.h.published.all()).isEmpty();
	}

}
