package org.chat.presence.consume;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceConsumerTest {

	private static final Envelope OPENED = Envelope.of(EventType.SESSION_OPENED, "e1",
			new SessionRef("alice", "s1", "gw", 3), null);

	@Test
	void aRecordIsDecodedByItsTypeHeader() {
		assertThat(PresenceConsumer.decode(withHeader(OPENED.toBytes(), "session.opened"))).isEqualTo(OPENED);
	}

	@Test
	void aRecordWrittenBeforeTheHeaderExistedIsDecodedByItsTypeField() {
		assertThat(PresenceConsumer.decode(new ConsumerRecord<>(Topics.PRESENCE, 0, 0, "alice", OPENED.toBytes())))
			.isEqualTo(OPENED);
	}

	@Test
	void aHeaderNamingAnotherTopicsOrAnUnknownTypeSkipsTheRecord() {
		Envelope read = Envelope.of(EventType.MESSAGES_READ, "e2", new SessionRef("alice", "s1", "gw", 3), null);
		Envelope future = new Envelope("call.started", "e3", "alice", "s1", "gw", 3, null, null);

		assertThat(PresenceConsumer.decode(withHeader(read.toBytes(), "message.read"))).isNull();
		assertThat(PresenceConsumer.decode(withHeader(future.toBytes(), "call.started"))).isNull();
	}

	@Test
	void aValueThatIsNotItsHeadersTypeIsSkipped() {
		assertThat(PresenceConsumer.decode(withHeader(OPENED.toBytes(), "session.closed"))).isNull();
		assertThat(PresenceConsumer.decode(withHeader("{\"type\"".getBytes(StandardCharsets.UTF_8), "typing"))).isNull();
	}

	private static ConsumerRecord<String, byte[]> withHeader(byte[] value, String type) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.PRESENCE, 0, 0, "alice", value);
		record.headers().add(Topics.EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
