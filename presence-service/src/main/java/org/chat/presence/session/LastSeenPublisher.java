package org.chat.presence.session;

import java.time.Duration;
import java.time.Instant;

import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.LastSeen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells the message-service (owner of Mongo {@code users}) that a user went offline, keyed by user id.
 * Redis keeps lastSeenAt in the profile hash either way; a failed send is logged, not retried (the
 * script that decided "offline" would say "unchanged" on a replay).
 */
public class LastSeenPublisher {

	private static final Logger log = LoggerFactory.getLogger(LastSeenPublisher.class);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaTemplate<String, byte[]> kafka;

	public LastSeenPublisher(KafkaTemplate<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	/** @param causeId id of the event (or sweep) that took the user offline; the record's id derives from it */
	public Mono<Void> publish(SessionRef session, String causeId, long lastSeenAtMillis) {
		Envelope envelope = Envelope.of(EventType.LAST_SEEN, causeId + ":last-seen", session,
				new LastSeen(Instant.ofEpochMilli(lastSeenAtMillis)));
		return Mono
			.fromFuture(() -> this.kafka.send(EnvelopeRecords.toRecord(session.userId(), envelope)))
			// send() may block for topic metadata: keep that off the Redis event loop that called us
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(SEND_TIMEOUT)
			.doOnError(ex -> log.error("user.last_seen for {} not sent: {}", session.userId(), ex.toString()))
			.onErrorComplete()
			.then();
	}

}
