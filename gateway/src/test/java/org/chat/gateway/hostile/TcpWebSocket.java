package org.chat.gateway.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client on a plain TCP socket, for what well-behaved clients cannot do: send text frames whose
 * bytes are not UTF-8 (lone surrogates), and stop reading altogether (a slow reader). Frames are read only when asked.
 */
final class TcpWebSocket implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	TcpWebSocket(int port, int receiveBuffer) throws IOException {
		socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(10_000);
		in = socket.getInputStream();
		out = socket.getOutputStream();
		String key = Base64.getEncoder().encodeToString("hostile-client-16".substring(0, 16).getBytes());
		out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
				+ "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		String headers = readHeaders();
		if (!headers.startsWith("HTTP/1.1 101")) {
			throw new IOException("no upgrade: " + headers);
		}
	}

	/** Sends one masked text frame carrying exactly {@code payload} (which need not be UTF-8). */
	void sendText(byte[] payload) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xff);
		}
		byte[] mask = { 7, 13, 42, 99 };
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		out.write(frame.toByteArray());
		out.flush();
	}

	/** Sends {@code text} as UTF-8, except that lone surrogates go out as their 3-byte (invalid) form. */
	void sendText(String text) throws IOException {
		sendText(wtf8(text));
	}

	static byte[] wtf8(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (pair || !Character.isSurrogate(c)) {
				bytes.writeBytes(text.substring(i, pair ? i + 2 : i + 1).getBytes(StandardCharsets.UTF_8));
				i += pair ? 1 : 0;
			}
			else {
				bytes.write(0xE0 | (c >> 12));
				bytes.write(0x80 | ((c >> 6) & 0x3F));
				bytes.write(0x80 | (c & 0x3F));
			}
		}
		return bytes.toByteArray();
	}

	/** The next server frame's payload as text; null when the server closed (close frame or end of stream). */
	String readFrame() throws IOException {
		int first = in.read();
		if (first < 0) {
			return null;
		}
		long length = in.read() & 0x7f;
		if (length == 126) {
			length = (in.read() << 8) | in.read();
		}
		else if (length == 127) {
			length = 0;
			for (int i = 0; i < 8; i++) {
				length = (length << 8) | in.read();
			}
		}
		byte[] payload = in.readNBytes((int) length);
		return (first & 0x0f) == 0x8 ? null : new String(payload, StandardCharsets.UTF_8);
	}

	private String readHeaders() throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("closed during upgrade");
			}
			headers.write(b);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
