package org.chat.gateway.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile Engine.IO text frames: a fixed corpus of known-nasty shapes and a seeded generator of random and
 * mutated-valid frames. Every frame is a complete Engine.IO text frame ({@code 4} + Socket.IO packet, or
 * another engine type).
 */
final class NastyFrames {

	/** Valid frames the mutations start from. */
	static final List<String> VALID = List.of("40", "40{\"token\":\"alice\"}", "42[\"echo\",1,\"2\",{\"3\":[true]}]",
			"4212[\"ack-me\",{\"a\":null}]", "452-[\"echo\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
			"40/admin,{\"x\":1}", "41", "431[\"ok\"]", "2", "3", "1", "5", "6", "bAQID");

	private static final String ALPHABET = "0123456789-/,[]{}\":_.eE+ abtnrulfsx\\\u0000\u001e\u007f\uD800\uDC00\u00e9\uFFFF";

	private NastyFrames() {
	}

	static List<String> corpus() {
		List<String> corpus = new ArrayList<>();
		corpus.add("4" + "2[\"echo\"," + "[".repeat(10_000) + "]".repeat(10_000) + "]");
		corpus.add("4" + "2[\"echo\"," + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "]");
		corpus.add("42[\"echo\"," + "[".repeat(10_000));
		corpus.add("42[\"echo\"," + "9".repeat(5_000) + "]");
		corpus.add("42[\"echo\",1e999999999,-1e-999999999]");
		corpus.add("42" + "9".repeat(40) + "[\"echo\"]");
		corpus.add("429007199254740992[\"echo\"]");
		corpus.add("4218446744073709551616[\"echo\"]");
		corpus.add("45999999999-[\"echo\"]");
		corpus.add("4511-[\"echo\"]");
		corpus.add("45-1-[\"echo\"]");
		corpus.add("45-[\"echo\"]");
		corpus.add("45");
		corpus.add("452");
		corpus.add("460-1[]");
		corpus.add("451-[\"echo\",{\"_placeholder\":true,\"num\":99999999999999999999}]");
		corpus.add("451-[\"echo\",{\"_placeholder\":true,\"num\":-1}]");
		corpus.add("42[\"echo\"");
		corpus.add("42[\"ech");
		corpus.add("42[");
		corpus.add("4");
		corpus.add("42[]");
		corpus.add("42[1]");
		corpus.add("42[\"connect\"]");
		corpus.add("42[\"echo\"]trailing");
		corpus.add("42[\"echo\"][\"echo\"]");
		corpus.add("42[\"echo\",\"\u0000\"]");
		corpus.add("42[\"echo\",\"\uD800\"]");
		corpus.add("42[\"echo\",\"\uDC00\uD800\"]");
		corpus.add("42[\"echo\",\"\\uD800\"]");
		corpus.add("42[\"echo\",\"\\u0000\"]");
		corpus.add("42[\"\u0000\"]");
		corpus.add("4\u0000");
		corpus.add("\u0000");
		corpus.add("40/" + "n".repeat(300) + ",");
		corpus.add("40/\u0000,");
		corpus.add("40/,");
		corpus.add("40/,,,,");
		corpus.add("40[1]");
		corpus.add("40\"x\"");
		corpus.add("41{}");
		corpus.add("43[\"no-id\"]");
		corpus.add("44");
		corpus.add("49");
		corpus.add("4:");
		corpus.add("b");
		corpus.add("b!!!!");
		corpus.add("b====");
		corpus.add("bA");
		corpus.add("2probeprobe");
		corpus.add("1x");
		corpus.add("6junk");
		corpus.add("7");
		corpus.add("\u001e");
		corpus.add("4\u001e2");
		corpus.add("42[\"echo\",\"" + "\u00e9".repeat(2_000) + "\"]");
		corpus.add("42[\"echo\"," + "\"x\",".repeat(2_000) + "1]");
		return corpus;
	}

	/** A random frame: half pure noise over a protocol-flavoured alphabet, half a mutated valid frame. */
	static String random(Random random) {
		if (random.nextBoolean()) {
			StringBuilder noise = new StringBuilder(random.nextBoolean() ? "4" : "");
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				noise.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			return noise.toString();
		}
		return mutate(VALID.get(random.nextInt(VALID.size())), random);
	}

	private static String mutate(String frame, Random random) {
		StringBuilder out = new StringBuilder(frame);
		int mutations = 1 + random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			int at = out.isEmpty() ? 0 : random.nextInt(out.length());
			char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
			switch (random.nextInt(5)) {
				case 0 -> out.insert(at, c);
				case 1 -> {
					if (!out.isEmpty()) {
						out.deleteCharAt(at);
					}
				}
				case 2 -> {
					if (!out.isEmpty()) {
						out.setCharAt(at, c);
					}
				}
				case 3 -> out.setLength(at);
				default -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(8))));
			}
		}
		return out.toString();
	}

}
