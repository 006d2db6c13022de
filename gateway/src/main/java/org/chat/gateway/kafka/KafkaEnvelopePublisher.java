package org.chat.gateway.kafka;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.envelope.Envelope;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * {@link KafkaTemplate#send} can block for up to {@code max.block.ms} while metadata is missing (broker
 * down), which must never happen on a Netty event loop. Sends are therefore handed to one dedicated thread:
 * one thread keeps the call order, so a socket's records keep their order within a partition.
 */
public class KafkaEnvelopePublisher implements EnvelopePublisher, DisposableBean {

	private final KafkaTemplate<String, byte[]> template;

	private final ChatKafkaProperties properties;

	private final ThreadPoolExecutor sender;

	public KafkaEnvelopePublisher(KafkaTemplate<String, byte[]> template, ChatKafkaProperties properties) {
		this.template = template;
		this.properties = properties;
		this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(properties.maxQueuedSends()), new CustomizableThreadFactory("kafka-send-"));
	}

	@Override
	public CompletableFuture<Void> publish(String key, Envelope envelope) {
		ProducerRecord<String, byte[]> record;
		try {
			record = EnvelopeRecords.toRecord(key, envelope);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<Void> acked = new CompletableFuture<>();
		try {
			this.sender.execute(() -> send(record, acked));
		}
		catch (RejectedExecutionException ex) {
			acked.completeExceptionally(new KafkaUnavailable("send queue full", ex));
		}
		return acked.orTimeout(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	private void send(ProducerRecord<String, byte[]> record, CompletableFuture<Void> acked) {
		try {
			this.template.send(record).whenComplete((result, error) -> {
				if (error != null) {
					acked.completeExceptionally(new KafkaUnavailable("not acknowledged", error));
				}
				else {
					acked.complete(null);
				}
			});
		}
		catch (RuntimeException ex) {
			acked.completeExceptionally(new KafkaUnavailable("send failed", ex));
		}
	}

	@Override
	public void flush(Duration timeout) {
		try {
			// a marker task: once it runs, every earlier record has been handed to the producer
			CompletableFuture.runAsync(() -> { }, this.sender)
				.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.exceptionally(ex -> null)
				.join();
		}
		catch (RejectedExecutionException ex) {
			// queue full or shut down: flush what the producer has
		}
		this.template.flush();
	}

	@Override
	public void destroy() {
		this.sender.shutdown();
	}

}
