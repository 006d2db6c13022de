package org.chat.message.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.send;

/** The delivered path of the store: what changes and what it reports, now that it selects by _id only. */
class MarkDeliveredAllTest {

	private final Harness h = new Harness();

	private Instant first;

	@BeforeEach
	void setUp() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"),
				send(1, 3, "carol", "dave", "m3"));
		this.first = this.h.clock.instant();
	}

	@Test
	void setsOnlyTheRecipientsUnsetMessagesAndReportsThem() {
		var changed = this.h.messages
			.markDeliveredAll(Map.of("m1", Set.of("bob"), "m2", Set.of("mallory"), "m3", Set.of("alice", "dave"),
					"nope", Set.of("bob")), this.first)
			.collectList()
			.block(Harness.TIMEOUT);

		assertThat(changed).containsExactlyInAnyOrder(new DeliveredMessage("m1", "alice", "bob"),
				new DeliveredMessage("m3", "carol", "dave"));
		assertThat(this.h.message("m1").deliveredAt()).isEqualTo(this.first);
		assertThat(this.h.message("m2").deliveredAt()).as("reported by the wrong user").isNull();
		assertThat(this.h.message("m3").deliveredAt()).isEqualTo(this.first);
	}

	@Test
	void aRepeatedReportChangesNothingAndReportsNothing() {
		this.h.messages.markDeliveredAll(Map.of("m1", Set.of("bob")), this.first).blockLast(Harness.TIMEOUT);

		var again = this.h.messages
			.markDeliveredAll(Map.of("m1", Set.of("bob"), "m2", Set.of("bob")), this.first.plus(Duration.ofMinutes(1)))
			.collectList()
			.block(Harness.TIMEOUT);

		assertThat(again).extracting(DeliveredMessage::id).containsExactly("m2");
		assertThat(this.h.message("m1").deliveredAt()).isEqualTo(this.first);
		assertThat(this.h.message("m2").deliveredAt()).isEqualTo(this.first.plus(Duration.ofMinutes(1)));
	}

	@Test
	void otherFieldsAreUntouched() {
		StoredMessage before = this.h.message("m1");

		this.h.messages.markDeliveredAll(Map.of("m1", Set.of("bob")), this.first).blockLast(Harness.TIMEOUT);

		assertThat(this.h.message("m1")).usingRecursiveComparison().ignoringFields("deliveredAt").isEqualTo(before);
	}

}
