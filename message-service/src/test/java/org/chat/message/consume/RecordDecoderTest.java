package org.chat.message.consume;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.support.Records;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordDecoderTest {

	@Test
	void sendsAndReceiptsAreDecodedStraightToTheirPayload() {
		InboundRecord send = Records.send(2, 7, "alice", "bob", "m1");
		InboundRecord receipt = Records.delivered(2, 8, "bob", "m1", "alice");

		List<InboundRecord> decoded = RecordDecoder.decode(List.of(bytes(send), bytes(receipt)));

		assertThat(decoded).hasSize(2);
		assertThat(decoded.get(0).decodedPayload()).isEqualTo(send.payload(SendMessage.class));
		assertThat(decoded.get(0).payload(SendMessage.class)).isEqualTo(send.payload(SendMessage.class));
		assertThat(decoded.get(0).envelope().sentAt()).isEqualTo(send.envelope().sentAt());
		assertThat(decoded.get(0).envelope().sessionId()).isEqualTo(send.envelope().sessionId());
		assertThat(decoded.get(0)).extracting(InboundRecord::partition, InboundRecord::offset, InboundRecord::type)
			.containsExactly(2, 7L, EventType.MESSAGE_SEND);
		assertThat(decoded.get(1).decodedPayload()).isEqualTo(new MessageDelivered("m1", "alice"));
		assertThat(decoded.get(1).userId()).isEqualTo("bob");
	}

	@Test
	void otherTypesKeepTheirTree() {
		InboundRecord read = Records.read(0, 1, "bob", "alice");

		InboundRecord decoded = RecordDecoder.decode(List.of(bytes(read))).get(0);

		assertThat(decoded.decodedPayload()).isNull();
		assertThat(decoded.payload(MarkRead.class)).isEqualTo(new MarkRead("alice"));
	}

	@Test
	void aSendInAnotherFieldOrderTakesTheGeneralPath() {
		String json = "{\"payload\":{\"messageId\":\"m1\",\"toUserId\":\"bob\",\"text\":\"hi\"},"
				+ "\"type\":\"message.send\",\"eventId\":\"e1\",\"userId\":\"alice\"}";

		InboundRecord decoded = RecordDecoder.decode(List.of(raw(json))).get(0);

		assertThat(decoded.decodedPayload()).isNull();
		assertThat(decoded.payload(SendMessage.class)).isEqualTo(new SendMessage("m1", "bob", "hi", null, null));
	}

	@Test
	void aSendWhosePayloadDoesNotFitIsStillReportedWhenItsPayloadIsRead() {
		String json = "{\"type\":\"message.send\",\"eventId\":\"e1\",\"userId\":\"alice\","
				+ "\"payload\":{\"messageId\":\"m1\",\"createdAt\":\"yesterday\"}}";

		InboundRecord decoded = RecordDecoder.decode(List.of(raw(json))).get(0);

		assertThatThrownBy(() -> decoded.payload(SendMessage.class)).isInstanceOf(ContractViolation.class);
	}

	@Test
	void undecodableAndEmptyRecordsAreSkipped() {
		List<InboundRecord> decoded = RecordDecoder.decode(List.of(raw("{\"type\":\"message.send\",\"eventId\""),
				raw("{\"type\":\"message.send\",\"payload\":{}}"), raw("{\"type\":\"nope\",\"eventId\":\"e\",\"userId\":\"u\"}"),
				new ConsumerRecord<>(Topics.MESSAGES, 0, 9, "k", null)));

		assertThat(decoded).isEmpty();
	}

	private static ConsumerRecord<String, byte[]> bytes(InboundRecord record) {
		return new ConsumerRecord<>(Topics.MESSAGES, record.partition(), record.offset(), record.userId(),
				record.envelope().toBytes());
	}

	private static ConsumerRecord<String, byte[]> raw(String json) {
		return new ConsumerRecord<>(Topics.MESSAGES, 0, 1, "k", json.getBytes(StandardCharsets.UTF_8));
	}

}
