package org.chat.message.order;

import java.util.Collection;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.chat.message.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * After start-up and after every partition assignment, the clock observes the highest stamp stored, so a
 * partition taken over from an instance whose clock ran ahead keeps its order. Seeding runs inside the next
 * batch (not in the rebalance callback), so a store outage only delays it like any other write.
 */
public class ClockSeeder implements ConsumerRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(ClockSeeder.class);

	private final HybridClock clock;

	private final MessageStore messages;

	private volatile boolean stale = true;

	public ClockSeeder(HybridClock clock, MessageStore messages) {
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		log.info("Assigned {}", partitions);
		this.stale = true;
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		log.info("Revoked {}", partitions);
	}

	public Mono<Void> seedIfNeeded() {
		if (!this.stale) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			this.stale = false;
			return this.messages.maxSeq().doOnNext(this.clock::observe);
		}).doOnError(ex -> this.stale = true).then();
	}

}
