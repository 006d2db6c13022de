package org.chat.gateway.socketio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.contracts.json.RawJson;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.socketio.codec.SioCodec;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioPacketType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A fan-out's raw data gives the very frame the tree path (SioCodec) gave for the same event and data. */
class PreparedEventTest {

	private static final String CHARS = "ab Z09_-:\"\\/\n\r\t\b\f\u0000\u001f\u007fé✓😀\u2028";

	private final Random random = new Random(20261204);

	@Test
	void aRawFrameEqualsTheTreeFrameForManyShapes() {
		for (int i = 0; i < 2_000; i++) {
			String event = (i % 10 == 0) ? string(8) : "receive_private_message";
			Object data = value(0);
			// as the gateway gets it: written by a producer, sliced out of the Redis payload
			GatewayMessage sent = GatewayMessage.toUsers(List.of("bob"), event, data);
			RawJson raw = GatewayBatch.fromJson(GatewayBatch.toJson(List.of(sent, sent)), bad -> {
				throw bad;
			}).get(1).data();

			assertThat(frame(PreparedEvent.of(event, raw).packet())).as("%s %s", event, raw)
				.isEqualTo(frame(treePath(event, Json.tree(data))));
		}
	}

	@Test
	void moreThanOneRawArgumentJoinsThemInOrder() {
		RawJson one = RawJson.of(Map.of("a", 1));
		RawJson two = RawJson.of(List.of("x", "y"));

		assertThat(frame(PreparedEvent.of("e", one, two).packet()))
			.isEqualTo(frame(EnginePacket.preEncoded(SioCodec.encode(SioPacket.of(SioPacketType.EVENT, "/",
					SocketIoSocketImpl.eventData("e", one.tree(), two.tree()))).text())));
		assertThat(PreparedEvent.of("e", one, two).args()).containsExactly(one, two);
	}

	@Test
	void anExplicitNullIsWrittenAndAbsentDataIsNoArgument() {
		assertThat(frame(PreparedEvent.of("e", RawJson.NULL).packet())).isEqualTo("42[\"e\",null]");
		assertThat(frame(PreparedEvent.of("e").packet())).isEqualTo("42[\"e\"]");
	}

	/** What PreparedEvent.of did for a tree before fan-out data stayed raw. */
	private static EnginePacket treePath(String event, Object data) {
		return EnginePacket.preEncoded(SioCodec
			.encode(SioPacket.of(SioPacketType.EVENT, SioPacket.DEFAULT_NAMESPACE, SocketIoSocketImpl.eventData(event, data)))
			.text());
	}

	private static String frame(EnginePacket packet) {
		return StandardCharsets.UTF_8.decode(packet.frameView()).toString();
	}

	private Object value(int depth) {
		int kind = this.random.nextInt(depth > 3 ? 7 : 9);
		return switch (kind) {
			case 0 -> string(this.random.nextInt(12));
			case 1 -> this.random.nextInt();
			case 2 -> this.random.nextLong();
			case 3 -> this.random.nextDouble() * Math.pow(10, this.random.nextInt(40) - 20);
			case 4 -> this.random.nextBoolean();
			case 5 -> (this.random.nextBoolean()) ? -0.0 : 0;
			case 6 -> new java.math.BigInteger(100, this.random);
			case 7 -> {
				List<Object> list = new ArrayList<>();
				for (int n = this.random.nextInt(4); n > 0; n--) {
					list.add(value(depth + 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int n = this.random.nextInt(4); n > 0; n--) {
					map.put(string(5), this.random.nextInt(5) == 0 ? null : value(depth + 1));
				}
				yield map;
			}
		};
	}

	private String string(int length) {
		StringBuilder out = new StringBuilder();
		for (int n = 0; n < length; n++) {
			out.appendCodePoint(CHARS.codePointAt(CHARS.offsetByCodePoints(0,
					this.random.nextInt(CHARS.codePointCount(0, CHARS.length())))));
		}
		return out.toString();
	}

}
