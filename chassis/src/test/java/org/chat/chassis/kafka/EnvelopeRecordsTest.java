package org.chat.chassis.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
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

	private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, 0, produced.key(),
				produced.value());
		produced.headers().forEach(record.headers()::add);
		return record;
	}

}
