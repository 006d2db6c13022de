package org.chat.contracts.envelope;

import java.nio.charset.StandardCharsets;

import org.chat.contracts.events.SendMessage;
import org.chat.contracts.events.Typing;
import org.chat.contracts.json.ContractViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

	private final SessionRef alice = new SessionRef("alice", "s1", "gw-a", 7);

	@Test
	void roundTripsThroughBytes() {
		Envelope sent = Envelope.of(EventType.MESSAGE_SEND, "e1", this.alice,
				new SendMessage("m1", "bob", "hi", "c1", null));

		Envelope read = Envelope.fromBytes(sent.toBytes());

		assertThat(read).isEqualTo(sent);
		assertThat(read.eventType()).isEqualTo(EventType.MESSAGE_SEND);
		assertThat(read.session()).isEqualTo(this.alice);
		assertThat(read.payloadAs(SendMessage.class)).isEqualTo(new SendMessage("m1", "bob", "hi", "c1", null));
	}

	@Test
	void writesTheDocumentedFieldNames() {
		String json = new String(Envelope.of(EventType.TYPING, "e2", this.alice, new Typing("bob", true)).toBytes(),
				StandardCharsets.UTF_8);

		assertThat(json).contains("\"type\":\"typing\"", "\"eventId\":\"e2\"", "\"userId\":\"alice\"",
				"\"sessionId\":\"s1\"", "\"gatewayId\":\"gw-a\"", "\"epoch\":7", "\"sentAt\":\"",
				"\"payload\":{\"toUserId\":\"bob\",\"isTyping\":true}");
	}

	@Test
	void unknownTypeDecodesButIsNotKnown() {
		Envelope read = Envelope.fromBytes(
				"{\"type\":\"future.thing\",\"eventId\":\"e\",\"userId\":\"u\",\"payload\":{}}".getBytes());

		assertThat(read.eventType()).isNull();
	}

	@Test
	void garbageIsAContractViolation() {
		assertThatThrownBy(() -> Envelope.fromBytes("{not json".getBytes())).isInstanceOf(ContractViolation.class);
		assertThatThrownBy(() -> Envelope.fromBytes("{\"type\":\"typing\"}".getBytes()))
			.isInstanceOf(ContractViolation.class);
	}

	@Test
	void payloadOfTheWrongShapeIsAContractViolation() {
		Envelope bad = Envelope.fromBytes(
				"{\"type\":\"typing\",\"eventId\":\"e\",\"userId\":\"u\",\"payload\":{\"isTyping\":{\"a\":1}}}"
					.getBytes());

		assertThatThrownBy(() -> bad.payloadAs(Typing.class)).isInstanceOf(ContractViolation.class);
	}

}
