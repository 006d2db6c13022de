package org.chat.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A WebSocket client for raw Engine.IO frames: text frames arrive as String, binary frames as byte[]. */
public final class RawWebSocket implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private RawWebSocket(URI uri) {
		this.socket = CLIENT.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(20))
			.buildAsync(uri, new Collector())
			.join();
	}

	public static RawWebSocket connect(URI uri) {
		return new RawWebSocket(uri);
	}

	/** The next frame; with {@code skipPings}, server pings ("2") are answered ("3") and skipped. */
	public Object next(boolean skipPings) throws InterruptedException {
		while (true) {
			// generous: the first request of a fresh JVM on a loaded machine can take seconds
			Object frame = frames.poll(15, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 15 s").isNotNull();
			if (!(skipPings && "2".equals(frame))) {
				return frame;
			}
			send("3");
		}
	}

	public String nextText() throws InterruptedException {
		Object frame = next(true);
		assertThat(frame).isInstanceOf(String.class);
		return (String) frame;
	}

	public byte[] nextBinary() throws InterruptedException {
		Object frame = next(true);
		assertThat(frame).isInstanceOf(byte[].class);
		return (byte[]) frame;
	}

	public BlockingQueue<Object> frames() {
		return frames;
	}

	public void send(String text) {
		socket.sendText(text, true).join();
	}

	public void send(byte[] bytes) {
		socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
	}

	/** @return the close status code, once the server closed the connection. */
	public int awaitClose() throws Exception {
		return closed.get(15, TimeUnit.SECONDS);
	}

	public boolean isClosed() {
		return closed.isDone();
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(ex -> null);
		}
		socket.abort();
	}

	private final class Collector implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			text.append(data);
			if (last) {
				frames.add(text.toString());
				text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] chunk = new byte[data.remaining()];
			data.get(chunk);
			binary.writeBytes(chunk);
			if (last) {
				frames.add(binary.toByteArray());
				binary.reset();
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.complete(-1);
		}

	}

}
