package org.chat.message.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.Json;
import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Queries whose gateway stopped waiting are skipped; every other query is answered. */
class QueriesListenerTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final List<String> answered = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final QueriesListener listener = new QueriesListener(query -> Mono.fromRunnable(
			() -> this.answered.add(query.envelope().eventId())), Duration.ofSeconds(5), Duration.ofSeconds(10),
			new MutableClock(NOW), this.meters);

	@Test
	void aQueryOlderThanTheDeadlineIsSkippedAndCountedTheRestAreAnswered() {
		this.listener.answer(List.of(query("fresh", NOW.minusMillis(20)), query("stale", NOW.minusSeconds(11)),
				query("at-the-deadline", NOW.minusSeconds(10)), query("from-a-clock-ahead", NOW.plusSeconds(2)),
				query("no-sentAt", null)));

		assertThat(this.answered).containsExactlyInAnyOrder("fresh", "at-the-deadline", "from-a-clock-ahead",
				"no-sentAt");
		assertThat(this.meters.get("chat.queries.expired").counter().count()).isEqualTo(1.0);
	}

	private static InboundRecord query(String eventId, Instant sentAt) {
		Envelope envelope = new Envelope(EventType.SYNC_QUERY.wireName(), eventId, "alice", "alice-s1", "gw-a", 1,
				sentAt, Json.MAPPER.createObjectNode());
		return new InboundRecord(0, 1, EventType.SYNC_QUERY, envelope);
	}

}
