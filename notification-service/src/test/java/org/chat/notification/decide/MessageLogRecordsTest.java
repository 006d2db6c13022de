package org.chat.notification.decide;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageLogRecordsTest {

	private static final SessionRef ALICE = new SessionRef("alice", "s1", "gw-1", 3);

	private static final SendMessage SEND = new SendMessage("m1", "bob", "hi", "c1",
			Instant.parse("2026-12-04T10:00:00.123Z"));

	@Test
	void sendsReceiptsAndReadsAsTheGatewaysProduceThemDecodeToTheirPayloadAndTheTokensUser() {
		assertThat(MessageLogRecords.decode(produced(EventType.MESSAGE_SEND, SEND)))
			.isEqualTo(new MessageLogRecords.Event("alice", SEND));
		assertThat(MessageLogRecords.decode(produced(EventType.MESSAGE_DELIVERED, new MessageDelivered("m1", "bob"))))
			.isEqualTo(new MessageLogRecords.Event("alice", new MessageDelivered("m1", "bob")));
		assertThat(MessageLogRecords.decode(produced(EventType.MESSAGES_READ, new MarkRead("bob"))))
			.isEqualTo(new MessageLogRecords.Event("alice", new MarkRead("bob")));
	}

	@Test
	void aRecordWithoutTheTypeHeaderIsReadAsAWholeEnvelope() {
		Envelope send = Envelope.of(EventType.MESSAGE_SEND, "e1", ALICE, SEND);
		ConsumerRecord<String, byte[]> old = new ConsumerRecord<>(Topics.MESSAGES, 0, 0, "k", send.toBytes());

		assertThat(MessageLogRecords.decode(old)).isEqualTo(new MessageLogRecords.Event("alice", SEND));
		assertThat(MessageLogRecords.decode(new ConsumerRecord<>(Topics.MESSAGES, 0, 0, "k",
				Envelope.of(EventType.LAST_SEEN, "e2", ALICE, null).toBytes())))
			.isNull();
	}

	@Test
	void otherTypesAreNotParsedAtAll() {
		ConsumerRecord<String, byte[]> profile = labelled(EventType.PROFILE_UPDATE,
				"not json".getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<String, byte[]> future = record("not json".getBytes(StandardCharsets.UTF_8));
		future.headers().add(Topics.EVENT_TYPE_HEADER, "call.started".getBytes(StandardCharsets.UTF_8));

		assertThat(MessageLogRecords.decode(profile)).isNull();
		assertThat(MessageLogRecords.decode(future)).isNull();
	}

	@Test
	void aValueThatIsNotItsHeadersTypeOrLacksItsUserOrPayloadIsAContractViolation() {
		ConsumerRecord<String, byte[]> mislabelled = produced(EventType.MESSAGE_SEND, SEND);
		mislabelled.headers().add(Topics.EVENT_TYPE_HEADER, "message.delivered".getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<String, byte[]> noPayload = labelled(EventType.MESSAGE_DELIVERED,
				new Envelope("message.delivered", "e1", "alice", null, null, 0, null, null).toBytes());
		ConsumerRecord<String, byte[]> badInstant = labelled(EventType.MESSAGE_SEND, ("{\"type\":\"message.send\","
				+ "\"eventId\":\"e1\",\"userId\":\"alice\",\"payload\":{\"messageId\":\"m1\",\"createdAt\":\"soon\"}}")
			.getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> MessageLogRecords.decode(mislabelled)).isInstanceOf(ContractViolation.class)
			.hasMessage("header says message.delivered, value says message.send");
		assertThatThrownBy(() -> MessageLogRecords.decode(noPayload)).isInstanceOf(ContractViolation.class)
			.hasMessage("message.delivered without eventId, userId or payload");
		assertThatThrownBy(() -> MessageLogRecords.decode(badInstant)).isInstanceOf(ContractViolation.class)
			.hasMessageStartingWith("undecodable message.send: ");
		assertThatThrownBy(() -> MessageLogRecords.decode(record(null))).isInstanceOf(ContractViolation.class)
			.hasMessage("null value");
		assertThatThrownBy(() -> MessageLogRecords.decode(labelled(EventType.MESSAGE_DELIVERED,
				"[]".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("undecodable message.delivered: not an object");
		byte[] receipt = produced(EventType.MESSAGE_DELIVERED, new MessageDelivered("m1", "bob")).value();
		byte[] twice = new byte[receipt.length * 2];
		System.arraycopy(receipt, 0, twice, 0, receipt.length);
		System.arraycopy(receipt, 0, twice, receipt.length, receipt.length);
		assertThatThrownBy(() -> MessageLogRecords.decode(labelled(EventType.MESSAGE_DELIVERED, twice)))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("undecodable message.delivered: trailing content");
	}

	/** As the gateway produces it: through {@link EnvelopeRecords}, header included. */
	private static ConsumerRecord<String, byte[]> produced(EventType type, Object payload) {
		return consumed(EnvelopeRecords.toRecord("k", Envelope.of(type, "e1", ALICE, payload)));
	}

	/** The type header of {@code type} on a value written as given. */
	private static ConsumerRecord<String, byte[]> labelled(EventType type, byte[] value) {
		ConsumerRecord<String, byte[]> record = record(value);
		record.headers().add(Topics.EVENT_TYPE_HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
		ConsumerRecord<String, byte[]> record = record(produced.value());
		produced.headers().forEach(record.headers()::add);
		return record;
	}

	private static ConsumerRecord<String, byte[]> record(byte[] value) {
		return new ConsumerRecord<>(Topics.MESSAGES, 0, 0, "k", value);
	}

}
