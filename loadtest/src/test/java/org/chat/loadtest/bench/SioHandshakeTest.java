package org.chat.loadtest.bench;

import org.chat.loadtest.bench.SioHandshake.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SioHandshakeTest {

	private static final String OPEN = "0{\"sid\":\"eio-1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

	@Test
	void openPacketIsParsed() {
		EngineOpen open = EngineOpen.parse(OPEN);

		assertThat(open).isEqualTo(new EngineOpen("eio-1", 25000, 20000));
	}

	@Test
	void openWithoutSidOrOtherFramesAreNotAnOpen() {
		assertThat(EngineOpen.parse("0{\"pingInterval\":25000}")).isNull();
		assertThat(EngineOpen.parse("40{\"sid\":\"x\"}")).isNull();
		assertThat(EngineOpen.parse("0{\"sid\":\"x\"}").pingIntervalMillis()).isEqualTo(-1);
	}

	@Test
	void openIsAnsweredWithConnectCarryingTheToken() {
		SioHandshake handshake = new SioHandshake("tok\"en");

		SioHandshake.Step step = handshake.onFrame(OPEN);

		assertThat(step.reply()).isEqualTo("40{\"token\":\"tok\\\"en\"}");
		assertThat(step.outcome()).isEqualTo(Outcome.NONE);
		assertThat(handshake.open().sid()).isEqualTo("eio-1");
		assertThat(handshake.connected()).isFalse();
	}

	@Test
	void connectAnswerWithSidConnects() {
		SioHandshake handshake = new SioHandshake("t");
		handshake.onFrame(OPEN);

		SioHandshake.Step step = handshake.onFrame("40{\"sid\":\"sio-1\"}");

		assertThat(step).isEqualTo(new SioHandshake.Step(null, Outcome.CONNECTED));
		assertThat(handshake.connected()).isTrue();
	}

	@Test
	void pingIsAnsweredWithPongBeforeAndAfterConnect() {
		SioHandshake handshake = new SioHandshake("t");
		assertThat(handshake.onFrame("2")).isEqualTo(new SioHandshake.Step("3", Outcome.NONE));
		handshake.onFrame(OPEN);
		handshake.onFrame("40{\"sid\":\"s\"}");

		assertThat(handshake.onFrame("2")).isEqualTo(new SioHandshake.Step("3", Outcome.NONE));
	}

	@Test
	void connectErrorIsARefusal() {
		SioHandshake handshake = new SioHandshake("t");
		handshake.onFrame(OPEN);

		assertThat(handshake.onFrame("44{\"message\":\"invalid token\"}").outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(handshake.connected()).isFalse();
	}

	@Test
	void framesOutOfOrderAreProtocolErrors() {
		assertThat(new SioHandshake("t").onFrame("40{\"sid\":\"s\"}").outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
		assertThat(new SioHandshake("t").onFrame("0{}").outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
		SioHandshake twice = new SioHandshake("t");
		twice.onFrame(OPEN);
		assertThat(twice.onFrame(OPEN).outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
		SioHandshake noSid = new SioHandshake("t");
		noSid.onFrame(OPEN);
		assertThat(noSid.onFrame("40{}").outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
	}

	@Test
	void otherFramesAfterConnectNeedNoAnswer() {
		SioHandshake handshake = new SioHandshake("t");
		handshake.onFrame(OPEN);
		handshake.onFrame("40{\"sid\":\"s\"}");

		assertThat(handshake.onFrame("42[\"presence\",{}]")).isEqualTo(SioHandshake.Step.NOTHING);
		assertThat(handshake.onFrame("6")).isEqualTo(SioHandshake.Step.NOTHING);
	}

}
