package org.chat.chassis.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * Logs records Kafka did not acknowledge at most once per {@code interval}, with how many failed since the last
 * line, and once more when records are acknowledged again, with the failures not logged yet. Spring Kafka's default
 * listener logs every failed record at ERROR with its stack trace: when a broker stalls, a gateway at 2,000 msgs/s
 * wrote 37,187 of them in one 4-second stall, formatting them on the threads that should be recovering. Every caller
 * handles its own failures (a client gets {@code unavailable}, a consumer retries its batch) and the produce meters
 * count them, so a few lines per stall are what an operator needs.
 */
public final class ThrottledProducerListener<K, V> implements ProducerListener<K, V> {

	private static final Logger log = LoggerFactory.getLogger(ThrottledProducerListener.class);

	private final Clock clock;

	private final Duration interval;

	/** Guarded by this. */
	private Instant nextLine = Instant.MIN;

	/** Written under this: failures not logged yet; read without it by every success. */
	private volatile long unlogged;

	public ThrottledProducerListener(Clock clock, Duration interval) {
		this.clock = clock;
		this.interval = interval;
	}

	@Override
	public void onError(ProducerRecord<K, V> record, RecordMetadata metadata, Exception exception) {
		long failed;
		synchronized (this) {
			this.unlogged++;
			Instant now = this.clock.instant();
			if (now.isBefore(this.nextLine)) {
				return;
			}
			this.nextLine = now.plus(this.interval);
			failed = this.unlogged;
			this.unlogged = 0;
		}
		log.warn("{} record(s) not acknowledged by Kafka since the last such line (at most one per {} s); the latest, to {}: {}",
				failed, this.interval.toSeconds(), record.topic(), exception.toString());
	}

	@Override
	public void onSuccess(ProducerRecord<K, V> record, RecordMetadata metadata) {
		if (this.unlogged == 0) {
			return;
		}
		long failed;
		synchronized (this) {
			failed = this.unlogged;
			this.unlogged = 0;
		}
		if (failed > 0) {
			log.warn("Kafka acknowledges records again; {} more record(s) were not acknowledged since the last such line",
					failed);
		}
	}

}
