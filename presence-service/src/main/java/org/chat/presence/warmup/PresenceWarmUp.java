package org.chat.presence.warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.chassis.warmup.WarmUp;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.Typing;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.typing.TypingIndicator;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The presence consumer's in-memory steps: session and typing records as the gateway writes them, decoded, their
 * payloads read, and the typing indicator and user list serialised as the fan-out sends them. Every tenth round a
 * Redis {@code PING} on the service's own template warms Lettuce's command path; nothing is written, so no
 * session, online set or channel sees the warm-up.
 */
class PresenceWarmUp implements WarmUp {

	private static final SessionRef SESSION = new SessionRef("warm-up-a", "warm-up-session", "warm-up-gateway", 1);

	private final ReactiveStringRedisTemplate redis;

	private long offset;

	PresenceWarmUp(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public String name() {
		return "presence";
	}

	@Override
	public void round() {
		long n = ++this.offset;
		Envelope registered = decode(Envelope.of(EventType.SESSION_REGISTERED, "r" + n, SESSION,
				new Profile("Warm Up", "warm-up@example.invalid", null)), n);
		Envelope typing = decode(Envelope.of(EventType.TYPING, "t" + n, SESSION, new Typing("warm-up-b", true)), n);
		Profile profile = registered.payloadAs(Profile.class);
		Typing indicator = typing.payloadAs(Typing.class);
		GatewayBatch.toJson(List.of(
				GatewayMessage.toUsers(List.of(indicator.toUserId()), ClientEvents.TYPING_INDICATOR_PRIVATE,
						new TypingIndicator(typing.userId(), indicator.isTyping())),
				GatewayMessage.broadcast(ClientEvents.USER_LIST,
						List.of(Map.of("userId", registered.userId(), "name", profile.name(), "online", true)))));
		if (n % 10 == 0) {
			String pong = this.redis.execute(connection -> connection.ping()).blockFirst(Duration.ofSeconds(5));
			if (!"PONG".equals(pong)) {
				throw new IllegalStateException("Redis answered " + pong + " to PING");
			}
		}
	}

	/** Through the record, as the consumer receives it. */
	private static Envelope decode(Envelope envelope, long offset) {
		ProducerRecord<String, byte[]> produced = EnvelopeRecords.toRecord(envelope.userId(), envelope);
		return EnvelopeRecords.decode(new ConsumerRecord<>(produced.topic(), 0, offset, Instant.now().toEpochMilli(),
				TimestampType.CREATE_TIME, produced.key().length(), produced.value().length, produced.key(),
				produced.value(), produced.headers(), Optional.empty()));
	}

}
