package org.chat.message.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The query listener, on its own topic and consumer group: a reconnecting client's sync is answered while a
 * backlog of message traffic waits on {@link Topics#MESSAGES}. Queries change nothing, so a batch's queries run
 * concurrently and a redelivery only answers again.
 * <p>
 * A query older than {@code deadline} (by its envelope's {@code sentAt}) when it comes up is skipped: its gateway
 * stopped waiting at its reply timeout and answered {@code unavailable}, and the client asks again. Under a backlog
 * (a reconnect storm's syncs) the service then spends its time on the queries someone still waits for, instead of
 * answering each one after its client gave up on it. A gateway clock ahead of this one only makes a query look
 * younger; one behind it by more than the deadline's margin turns queries away that a client then retries.
 */
public class QueriesListener {

	public static final String ID = "message-service-queries";

	/** Queries of one batch in flight at once: each is a few lookups by {@code _id}. */
	private static final int CONCURRENCY = 32;

	private final Function<InboundRecord, Mono<Void>> dispatch;

	private final Duration timeout;

	private final Duration deadline;

	private final Clock clock;

	private final Counter expired;

	public QueriesListener(Function<InboundRecord, Mono<Void>> dispatch, Duration timeout, Duration deadline, Clock clock,
			MeterRegistry meters) {
		this.dispatch = dispatch;
		this.timeout = timeout;
		this.deadline = deadline;
		this.clock = clock;
		this.expired = Counter.builder("chat.queries.expired")
			.description("queries skipped unanswered: older than chat.messages.query-deadline, their gateway had "
					+ "answered unavailable")
			.register(meters);
	}

	@KafkaListener(id = ID, topics = Topics.QUERIES, groupId = Topics.MESSAGE_QUERIES_GROUP,
			batch = "true")
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		answer(RecordDecoder.decode(records));
	}

	void answer(List<InboundRecord> queries) {
		Instant oldest = this.clock.instant().minus(this.deadline);
		Flux.fromIterable(queries)
			.filter(query -> stillAwaited(query, oldest))
			.flatMap(this.dispatch, CONCURRENCY)
			.then()
			.block(this.timeout);
	}

	private boolean stillAwaited(InboundRecord query, Instant oldest) {
		Instant sentAt = query.envelope().sentAt();
		if (sentAt == null || !sentAt.isBefore(oldest)) {
			return true;
		}
		this.expired.increment();
		return false;
	}

}
