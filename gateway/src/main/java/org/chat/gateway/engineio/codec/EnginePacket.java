package org.chat.gateway.engineio.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: a type with optional text data, or a binary MESSAGE ({@code binary} non-null). A text
 * MESSAGE may instead be pre-encoded: it keeps only its WebSocket frame ({@code frame}, the UTF-8 of
 * {@link EngineCodec#encode}), so a packet shared by many sessions (a fan-out) is encoded once, every session
 * writes the same bytes, and a queued packet holds one copy of its data, not a string and its bytes. A frame of
 * {@link #DIRECT_FRAME_BYTES} or more is a read-only <em>direct</em> buffer: Netty writes a direct buffer to the
 * socket as it is, where it copies a heap one into direct memory per socket and write (thousands of sockets slow
 * to read a 100 KB user list each held their own copy: 5,000 exhausted the gateway's direct memory). Its memory
 * is freed when the last packet and frame referring to it are garbage (no reference counting). A smaller frame
 * (a chat message to one user's sockets) stays on the heap: a direct allocation costs ~10× a heap one and its
 * memory waits for a GC to be freed, while Netty's copy of a small frame into its pooled buffers is cheap.
 * {@link #text()} decodes the frame on demand (polling answers, tests).
 */
public record EnginePacket(EnginePacketType type, String text, byte[] binary, ByteBuffer frame) {

	public static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null);

	public static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, "", null);

	public static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null);

	public static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null);

	public static final EnginePacket UPGRADE = new EnginePacket(EnginePacketType.UPGRADE, "", null);

	/** From this frame size on, a pre-encoded frame lives in direct memory (see the class comment). */
	public static final int DIRECT_FRAME_BYTES = 8 * 1024;

	public EnginePacket {
		Objects.requireNonNull(type, "type");
		if (binary != null && type != EnginePacketType.MESSAGE) {
			throw new IllegalArgumentException("only MESSAGE packets carry binary data");
		}
		if (frame != null && (type != EnginePacketType.MESSAGE || text != null || binary != null)) {
			throw new IllegalArgumentException("a pre-encoded packet is a MESSAGE that keeps only its frame");
		}
		text = binary == null && text == null && frame == null ? "" : text;
	}

	public EnginePacket(EnginePacketType type, String text, byte[] binary) {
		this(type, text, binary, null);
	}

	public static EnginePacket message(String text) {
		return new EnginePacket(EnginePacketType.MESSAGE, text, null);
	}

	public static EnginePacket message(byte[] binary) {
		return new EnginePacket(EnginePacketType.MESSAGE, null, Objects.requireNonNull(binary, "binary"));
	}

	public static EnginePacket of(EnginePacketType type, String text) {
		return new EnginePacket(type, text, null);
	}

	/** A MESSAGE whose text frame is encoded now, once, for every session it is queued on. */
	public static EnginePacket preEncoded(String text) {
		byte[] bytes = EngineCodec.encode(message(text)).getBytes(StandardCharsets.UTF_8);
		ByteBuffer frame = bytes.length >= DIRECT_FRAME_BYTES ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()
				: ByteBuffer.wrap(bytes);
		return new EnginePacket(EnginePacketType.MESSAGE, null, null, frame.asReadOnlyBuffer());
	}

	/** A view of the frame's bytes for one write: shares the memory, has its own position. */
	public ByteBuffer frameView() {
		return frame.duplicate();
	}

	/** The text data (null for a binary packet); a pre-encoded packet decodes it from its frame. */
	@Override
	public String text() {
		return text == null && frame != null ? StandardCharsets.UTF_8.decode(frame.duplicate().position(1)).toString()
				: text;
	}

	public boolean isBinary() {
		return binary != null;
	}

	/**
	 * Bytes this packet occupies on a WebSocket (the frame payload): what the outbound byte bound counts. A text
	 * packet that is not pre-encoded is measured without encoding it.
	 */
	public int wireSize() {
		if (frame != null) {
			return frame.remaining();
		}
		if (binary != null) {
			return binary.length;
		}
		return 1 + utf8Length(text);
	}

	private static int utf8Length(String text) {
		int bytes = text.length();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x800) {
				// a surrogate pair is 4 bytes for 2 chars, any other char from here on 3 bytes for 1
				bytes += Character.isSurrogate(c) ? 1 : 2;
			}
			else if (c >= 0x80) {
				bytes += 1;
			}
		}
		return bytes;
	}

	/** A pre-encoded packet equals the plain packet of the same text. */
	@Override
	public boolean equals(Object other) {
		return other instanceof EnginePacket that && type == that.type && Objects.equals(text(), that.text())
				&& Arrays.equals(binary, that.binary);
	}

	@Override
	public int hashCode() {
		return Objects.hash(type, text()) * 31 + Arrays.hashCode(binary);
	}

	@Override
	public String toString() {
		return type + (binary != null ? "<" + binary.length + " bytes>"
				: frame != null ? "<pre-encoded, " + frame.remaining() + " bytes>" : "'" + text + "'");
	}

}
