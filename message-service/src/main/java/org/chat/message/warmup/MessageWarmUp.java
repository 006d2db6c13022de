package org.chat.message.warmup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.chassis.warmup.WarmUp;
import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.RawJson;
import org.chat.message.consume.InboundRecord;
import org.chat.message.consume.RecordDecoder;
import org.chat.message.order.HybridClock;
import org.chat.message.send.PendingSend;
import org.chat.message.send.SendParser;
import org.chat.message.store.StoredMessage;

/**
 * The batch pipeline's in-memory steps for a send and its delivery receipt: the records as the gateway writes
 * them, decoded by their type header, the send parsed into the message to store, its BSON document encoded, its
 * client view and fan-out batch serialised. Nothing is read from or written to Kafka, MongoDB or Redis, and the
 * parser has a clock of its own, so the service's message order is untouched.
 */
class MessageWarmUp implements WarmUp {

	private static final SessionRef SENDER = new SessionRef("warm-up-a", "warm-up-session", "warm-up-gateway", 1);

	private static final DocumentCodec BSON = new DocumentCodec();

	private final SendParser parser = new SendParser(new HybridClock(Clock.systemUTC()));

	private long offset;

	@Override
	public String name() {
		return "batch-pipeline";
	}

	@Override
	public void round() {
		long n = ++this.offset;
		String messageId = "warm-up-" + n;
		String conversation = ConversationId.of(SENDER.userId(), "warm-up-b");
		Envelope send = Envelope.of(EventType.MESSAGE_SEND, "e" + n, SENDER,
				new SendMessage(messageId, "warm-up-b", "warm-up message " + n + " lorem ipsum dolor sit amet", "c" + n,
						Instant.now()));
		Envelope delivered = Envelope.of(EventType.MESSAGE_DELIVERED, "d" + n,
				new SessionRef("warm-up-b", "warm-up-session-b", "warm-up-gateway", 1),
				new MessageDelivered(messageId, SENDER.userId()));
		List<InboundRecord> batch = RecordDecoder.decode(List.of(consumed(conversation, send, n),
				consumed(conversation, delivered, n + 1)));
		if (batch.size() != 2) {
			throw new IllegalStateException("warm-up records not decoded: " + batch);
		}
		PendingSend pending = this.parser.parse(batch.get(0))
			.orElseThrow(() -> new IllegalStateException("warm-up send refused"));
		batch.get(1).payload(MessageDelivered.class);

		StoredMessage message = pending.message();
		Document document = message.toDocument();
		new RawBsonDocument(document, BSON);
		RawJson view = RawJson.of(message.view());
		GatewayBatch.toJson(List.of(
				GatewayMessage.toUsers(List.of(message.recipient()), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
					.withReceipt(new DeliveryReceipt(message.id(), message.sender())),
				GatewayMessage.toUsers(List.of(message.sender()), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
					.except(List.of(SENDER.sessionId()))));
	}

	/** The record as the consumer would get it from the gateway's producer record. */
	private static ConsumerRecord<String, byte[]> consumed(String key, Envelope envelope, long offset) {
		ProducerRecord<String, byte[]> produced = EnvelopeRecords.toRecord(key, envelope);
		return new ConsumerRecord<>(produced.topic(), 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
				key.length(), produced.value().length, key, produced.value(), produced.headers(), Optional.empty());
	}

}
