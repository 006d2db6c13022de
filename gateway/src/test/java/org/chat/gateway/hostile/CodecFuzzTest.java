package org.chat.gateway.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.chat.gateway.engineio.codec.EngineCodec;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.engineio.codec.EnginePacketType;
import org.chat.gateway.engineio.codec.EngineProtocolException;
import org.chat.gateway.socketio.codec.BinaryAssembler;
import org.chat.gateway.socketio.codec.SioCodec;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioProtocolException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Engine.IO and Socket.IO decoders under hostile input: whatever the frame, the only exceptions that leave
 * the codecs are their protocol exceptions (which the transport turns into a clean close), and what decodes
 * re-encodes stably. Random cases come from a seeded generator, each named by its seed;
 * {@code -Dchat.test.seed=N} replays a run.
 */
class CodecFuzzTest {

	private static final int CASES = 40;

	private static final int FRAMES_PER_CASE = 500;

	@Test
	void theNastyCorpusOnlyEverRaisesProtocolExceptions() {
		for (String frame : NastyFrames.corpus()) {
			decodeLikeTheServer(frame, new Random(frame.hashCode()));
		}
	}

	@Test
	void deepNestingAndHugeNumbersAreRefusedAsProtocolViolations() {
		for (String frame : List.of("42[\"echo\"," + "[".repeat(10_000) + "]".repeat(10_000) + "]",
				"42[\"echo\"," + "9".repeat(5_000) + "]", "42" + "9".repeat(40) + "[\"echo\"]",
				"45999999999-[\"echo\"]")) {
			assertThat(outcome(frame)).as(frame.substring(0, 12)).isInstanceOf(SioProtocolException.class);
		}
	}

	@TestFactory
	Stream<DynamicTest> randomAndMutatedFramesOnlyEverRaiseProtocolExceptions() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + CASES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			for (int i = 0; i < FRAMES_PER_CASE; i++) {
				decodeLikeTheServer(NastyFrames.random(random), random);
			}
			pollingPayload(random);
		}));
	}

	/** Engine decode, then Socket.IO decode of a text MESSAGE, then binary reassembly: as the server does. */
	private static void decodeLikeTheServer(String frame, Random random) {
		Object result = outcome(frame);
		if (result instanceof RuntimeException ex) {
			assertThat(ex).as("frame %s", printable(frame))
				.isInstanceOfAny(EngineProtocolException.class, SioProtocolException.class);
			return;
		}
		if (result instanceof SioPacket packet && !packet.type().isBinary()) {
			// compared as text: a number beyond double range decodes to Infinity, which is written as "Infinity"
			String encoded = SioCodec.encode(packet).text();
			assertThat(SioCodec.encode(SioCodec.decode(encoded)).text()).as("round trip of %s", printable(frame))
				.isEqualTo(encoded);
		}
		if (result instanceof SioPacket packet && packet.type().isBinary() && packet.attachments() > 0) {
			reassemble(packet, random);
		}
	}

	private static Object outcome(String frame) {
		try {
			EnginePacket engine = EngineCodec.decode(frame);
			if (engine.type() != EnginePacketType.MESSAGE || engine.isBinary()) {
				return engine;
			}
			return SioCodec.decode(engine.text());
		}
		catch (RuntimeException ex) {
			return ex;
		}
		catch (StackOverflowError error) {
			return fail("stack overflow decoding %s", printable(frame));
		}
	}

	private static void reassemble(SioPacket packet, Random random) {
		BinaryAssembler assembler = new BinaryAssembler(packet);
		try {
			SioPacket complete = null;
			for (int k = 0; k < packet.attachments(); k++) {
				byte[] bytes = new byte[random.nextInt(4)];
				random.nextBytes(bytes);
				complete = assembler.add(bytes);
			}
			assertThat(complete).isNotNull();
		}
		catch (SioProtocolException expected) {
			// a placeholder index outside the attachments is a protocol violation
		}
	}

	private static void pollingPayload(Random random) {
		List<String> records = new ArrayList<>();
		for (int i = 0; i < 1 + random.nextInt(5); i++) {
			records.add(NastyFrames.random(random));
		}
		String payload = String.join(String.valueOf(EngineCodec.RECORD_SEPARATOR), records);
		try {
			EngineCodec.decodePayload(payload, 1 + random.nextInt(200));
		}
		catch (EngineProtocolException expected) {
			// refused as a whole: the polling transport answers 400
		}
	}

	static String printable(String frame) {
		String head = frame.length() > 80 ? frame.substring(0, 80) + "…(" + frame.length() + ")" : frame;
		StringBuilder out = new StringBuilder();
		head.chars().forEach(c -> out.append(c < 0x20 || (c >= 0xD800 && c < 0xE000) ? String.format("\\u%04x", c) : (char) c));
		return out.toString();
	}

}
