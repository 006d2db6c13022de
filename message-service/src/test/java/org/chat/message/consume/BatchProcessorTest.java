package org.chat.message.consume;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.send;

class BatchProcessorTest {

	private final Harness h = new Harness();

	@Test
	void undecodableAndUnknownRecordsAreSkippedWithoutBlockingThePartition() {
		Envelope unknown = new Envelope("message.future", "e1", "alice", "s", "g", 1, null,
				JsonNodeFactory.instance.objectNode());
		List<ConsumerRecord<String, byte[]>> batch = List.of(
				record(0, "not json".getBytes(StandardCharsets.UTF_8)), record(1, null),
				record(2, unknown.toBytes()), record(3, send(0, 3, "alice", "bob", "m1").envelope().toBytes()));

		this.h.processor.process(batch).block(Harness.TIMEOUT);

		assertThat(this.h.allMessages()).extracting(StoredMessage::id, StoredMessage::offset)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("m1", 3L));
	}

	@Test
	void aBadPayloadOnANonSendRecordIsSkipped() {
		var badRead = new InboundRecord(0, 1, org.chat.contracts.envelope.EventType.MESSAGES_READ,
				new Envelope("message.read", "e", "bob", "s", "g", 1, null, JsonNodeFactory.instance.textNode("x")));

		this.h.process(badRead, send(0, 2, "alice", "bob", "m1"));

		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
	}

	private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
		return new ConsumerRecord<>(Topics.MESSAGES, 0, offset, "alice:bob", value);
	}

}
