package org.chat.message.consume;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.message.support.Records;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordDecoderTest {

	private static final String SEND_PAYLOAD_FIRST = "{\"payload\":{\"messageId\":\"m1\",\"toUserId\":\"bob\",\"text\":\"hi\"},"
			+ "\"type\":\"message.send\",\"eventId\":\"e1\",\"userId\":\"alice\"}";

	@Test
	void sendsAndReceiptsAreDecodedStraightToTheirPayload() {
		InboundRecord send = Records.send(2, 7, "alice", "bob", "m1");
		InboundRecord receipt = Records.delivered(2, 8, "bob", "m1", "alice");

		List<InboundRecord> decoded = RecordDecoder.decode(List.of(produced(send), produced(receipt)));

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
	void theHeaderNotTheFieldOrderPicksTheDirectDecoder() {
		InboundRecord decoded = RecordDecoder.decode(List.of(withHeader(SEND_PAYLOAD_FIRST, "message.send"))).get(0);

		assertThat(decoded.type()).isEqualTo(EventType.MESSAGE_SEND);
		assertThat(decoded.decodedPayload()).isEqualTo(new SendMessage("m1", "bob", "hi", null, null));
	}

	@Test
	void otherTypesKeepTheirTree() {
		InboundRecord read = Records.read(0, 1, "bob", "alice");

		InboundRecord decoded = RecordDecoder.decode(List.of(produced(read))).get(0);

		assertThat(decoded.decodedPayload()).isNull();
		assertThat(decoded.payload(MarkRead.class)).isEqualTo(new MarkRead("alice"));
	}

	@Test
	void aRecordWrittenBeforeTheHeaderExistedIsReadByItsTypeField() {
		InboundRecord send = Records.send(0, 3, "alice", "bob", "m1");
		ConsumerRecord<String, byte[]> old = new ConsumerRecord<>(Topics.MESSAGES, 0, 3, "k", send.envelope().toBytes());

		List<InboundRecord> decoded = RecordDecoder.decode(List.of(old, raw(SEND_PAYLOAD_FIRST)));

		assertThat(decoded).extracting(InboundRecord::type).containsExactly(EventType.MESSAGE_SEND, EventType.MESSAGE_SEND);
		assertThat(decoded.get(0).payload(SendMessage.class)).isEqualTo(send.payload(SendMessage.class));
		assertThat(decoded.get(1).payload(SendMessage.class)).isEqualTo(new SendMessage("m1", "bob", "hi", null, null));
	}

	@Test
	void aRecordWhoseValueIsNotTheTypeItsHeaderNamesIsSkipped() {
		String read = "{\"type\":\"message.read\",\"eventId\":\"e1\",\"userId\":\"bob\",\"payload\":{\"otherUserId\":\"alice\"}}";

		assertThat(RecordDecoder.decode(List.of(withHeader(SEND_PAYLOAD_FIRST, "message.delivered"),
				withHeader(read, "query.history")))).isEmpty();
	}

	@Test
	void undecodableEmptyAndUnknownRecordsAreSkippedAndTheRestKept() {
		String fits = "{\"type\":\"message.delivered\",\"eventId\":\"e2\",\"userId\":\"bob\","
				+ "\"payload\":{\"messageId\":\"m1\",\"senderId\":\"alice\"}}";
		List<InboundRecord> decoded = RecordDecoder.decode(List.of(
				withHeader("{\"type\":\"message.send\",\"eventId\"", "message.send"),
				withHeader("{\"type\":\"message.send\",\"eventId\":\"e\",\"userId\":\"u\",\"payload\":{\"createdAt\":\"yesterday\"}}",
						"message.send"),
				withHeader("{\"type\":\"message.send\",\"eventId\":\"e\",\"userId\":\"u\"}", "message.send"),
				withHeader("{\"type\":\"nope\",\"eventId\":\"e\",\"userId\":\"u\"}", "nope"),
				raw("{\"type\":\"nope\",\"eventId\":\"e\",\"userId\":\"u\"}"), raw("{\"type\":\"message.read\""),
				new ConsumerRecord<>(Topics.MESSAGES, 0, 9, "k", null), withHeader(fits, "message.delivered")));

		assertThat(decoded).singleElement()
			.extracting(InboundRecord::decodedPayload)
			.isEqualTo(new MessageDelivered("m1", "alice"));
	}

	/** As the gateway produces it: through {@link EnvelopeRecords}, header included. */
	private static ConsumerRecord<String, byte[]> produced(InboundRecord record) {
		var produced = EnvelopeRecords.toRecord(record.userId(), record.envelope());
		var consumed = new ConsumerRecord<>(produced.topic(), record.partition(), record.offset(), produced.key(),
				produced.value());
		produced.headers().forEach(consumed.headers()::add);
		return consumed;
	}

	private static ConsumerRecord<String, byte[]> withHeader(String json, String type) {
		ConsumerRecord<String, byte[]> record = raw(json);
		record.headers().add(Topics.EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static ConsumerRecord<String, byte[]> raw(String json) {
		return new ConsumerRecord<>(Topics.MESSAGES, 0, 1, "k", json.getBytes(StandardCharsets.UTF_8));
	}

}
