package org.chat.chassis.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.json.ContractViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeRecordsTest {

	private static final SessionRef ALICE = new SessionRef("alice", "s1", "gw", 1);

	@Test
	void aProducedRecordGoesToItsTypesTopicWithTheTypeInAHeader() {
		Envelope typing = Envelope.of(EventType.TYPING, "e1", ALICE, null);

		ProducerRecord<String, byte[]> record = EnvelopeRecords.toRecord("alice", typing);

		assertThat(record.topic()).isEqualTo(Topics.PRESENCE);
		assertThat(record.key()).isEqualTo("alice");
		assertThat(new String(record.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("typing");
		assertThat(EnvelopeRecords.decode(consumed(record))).isEqualTo(typing);
		assertThat(EnvelopeRecords.declaredType(consumed(record))).isEqualTo("typing");
	}

	@Test
	void anUnknownTypeIsNotProduced() {
		Envelope future = new Envelope("call.started", "e1", "alice", null, null, 0, null, null);

		assertThatThrownBy(() -> EnvelopeRecords.toRecord("alice", future)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("call.started");
	}

	@Test
	void aRecordWithoutTheHeaderIsReadByItsTypeField() {
		Envelope typing = Envelope.of(EventType.TYPING, "e1", ALICE, null);
		ConsumerRecord<String, byte[]> old = new ConsumerRecord<>(Topics.PRESENCE, 0, 0, "alice", typing.toBytes());

		assertThat(EnvelopeRecords.declaredType(old)).isNull();
		assertThat(EnvelopeRecords.decode(old)).isEqualTo(typing);
	}

	@Test
	void aValueThatIsNotTheHeadersTypeOrNoEnvelopeIsAContractViolation() {
		ConsumerRecord<String, byte[]> record = consumed(
				EnvelopeRecords.toRecord("alice", Envelope.of(EventType.TYPING, "e1", ALICE, null)));
		record.headers().add(Topics.EVENT_TYPE_HEADER, "session.closed".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> EnvelopeRecords.decode(record)).isInstanceOf(ContractViolation.class)
			.hasMessage("header says session.closed, value says typing");
		assertThatThrownBy(() -> EnvelopeRecords.decode(new ConsumerRecord<>(Topics.PRESENCE, 0, 0, "k", null)))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("null value");
		assertThatThrownBy(() -> EnvelopeRecords
			.decode(new ConsumerRecord<>(Topics.PRESENCE, 0, 0, "k", "{\"type\"".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("undecodable envelope");
	}

	@Test
	void aTypedDecodeGivesEveryEnvelopeFieldAndThePayloadAsItsRecord() {
		SendMessage send = new SendMessage("m1", "bob", "hi \"there\"", "c1",
				Instant.parse("2026-12-04T10:15:30.123Z"));
		Envelope envelope = Envelope.of(EventType.MESSAGE_SEND, "e1", ALICE, send);

		EnvelopeRecords.Typed<SendMessage> typed = EnvelopeRecords.decodeTyped("message.send",
				EnvelopeRecords.toRecord("k", envelope).value(), SendMessage.class);

		assertThat(typed.payload()).isEqualTo(send);
		assertThat(typed.envelope()).isEqualTo(new Envelope(envelope.type(), "e1", "alice", "s1", "gw", 1,
				envelope.sentAt(), null));
	}

	@Test
	void aTypedDecodeSkipsUnknownFieldsAndTakesTheFieldsInAnyOrder() {
		String value = "{\"future\":{\"a\":[1,2]},\"payload\":{\"messageId\":\"m1\",\"senderId\":\"bob\"},"
				+ "\"userId\":\"alice\",\"eventId\":\"e1\",\"sessionId\":null,\"type\":\"message.delivered\"}";

		EnvelopeRecords.Typed<MessageDelivered> typed = EnvelopeRecords.decodeTyped("message.delivered",
				value.getBytes(StandardCharsets.UTF_8), MessageDelivered.class);

		assertThat(typed.payload()).isEqualTo(new MessageDelivered("m1", "bob"));
		assertThat(typed.envelope().userId()).isEqualTo("alice");
		assertThat(typed.envelope().sessionId()).isNull();
	}

	@Test
	void aTypedDecodeRefusesWhatIsNotAnEnvelopeOfTheDeclaredType() {
		byte[] send = EnvelopeRecords.toRecord("k", Envelope.of(EventType.MESSAGE_SEND, "e1", ALICE,
				new SendMessage("m1", "bob", "hi", null, Instant.EPOCH))).value();

		assertThatThrownBy(() -> EnvelopeRecords.decodeTyped("message.delivered", send, MessageDelivered.class))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("header says message.delivered, value says message.send");
		assertThatThrownBy(() -> decodeTyped("{\"type\":\"message.delivered\",\"eventId\":\"e1\",\"payload\":"
				+ "{\"messageId\":\"m1\"}}"))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("message.delivered without eventId, userId or payload");
		assertThatThrownBy(() -> decodeTyped("{\"type\":\"message.delivered\",\"eventId\":\"e1\",\"userId\":\"a\","
				+ "\"payload\":{\"messageId\":\"m1\"}} {}"))
			.isInstanceOf(ContractViolation.class)
			.hasMessage("undecodable message.delivered: trailing content");
		assertThatThrownBy(() -> decodeTyped("[1]")).isInstanceOf(ContractViolation.class)
			.hasMessage("undecodable message.delivered: not an object");
		assertThatThrownBy(() -> decodeTyped("{\"type\":\"message.delivered\",\"payload\":[1]}"))
			.isInstanceOf(ContractViolation.class)
			.hasMessageStartingWith("undecodable message.delivered: ");
	}

	private static EnvelopeRecords.Typed<MessageDelivered> decodeTyped(String value) {
		return EnvelopeRecords.decodeTyped("message.delivered", value.getBytes(StandardCharsets.UTF_8),
				MessageDelivered.class);
	}

	private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, 0, produced.key(),
				produced.value());
		produced.headers().forEach(record.headers()::add);
		return record;
	}

}
