package org.chat.loadtest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * One Socket.IO client over {@link java.net.http.WebSocket}: answers OPEN with CONNECT (token auth), PING with
 * PONG, completes {@link #connected()} on the namespace CONNECT, and hands every other frame to its
 * {@link FrameHandler}. Sends are queued because the JDK WebSocket allows one outstanding send at a time.
 */
public final class WsConnection implements WebSocket.Listener {

	/** What the workload does with the frames a connection receives. */
	public interface FrameHandler {

		void onFrame(WsConnection connection, String frame);

	}

	private final String token;

	private final FrameHandler handler;

	private final int index;

	private final CompletableFuture<WsConnection> connected = new CompletableFuture<>();

	private final ArrayDeque<String> queue = new ArrayDeque<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	private boolean sending;

	private WsConnection(int index, String token, FrameHandler handler) {
		this.index = index;
		this.token = token;
		this.handler = handler;
	}

	/** Opens the WebSocket; the returned future completes once the namespace CONNECT is answered. */
	public static CompletableFuture<WsConnection> open(HttpClient client, URI uri, int index, String token,
			FrameHandler handler) {
		WsConnection connection = new WsConnection(index, token, handler);
		client.newWebSocketBuilder().buildAsync(uri, connection).whenComplete((ws, error) -> {
			if (error != null) {
				connection.connected.completeExceptionally(error);
			}
		});
		return connection.connected;
	}

	public int index() {
		return this.index;
	}

	public CompletableFuture<WsConnection> connected() {
		return this.connected;
	}

	public void send(String text) {
		synchronized (this) {
			if (this.sending) {
				this.queue.add(text);
				return;
			}
			this.sending = true;
		}
		transmit(text);
	}

	public void close() {
		WebSocket ws = this.socket;
		if (ws != null) {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(error -> null);
		}
	}

	private void transmit(String text) {
		this.socket.sendText(text, true).whenComplete((ws, error) -> {
			String next;
			synchronized (this) {
				next = (error == null) ? this.queue.poll() : null;
				if (next == null) {
					this.sending = false;
					return;
				}
			}
			transmit(next);
		});
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		if (!last || this.partial.length() > 0) {
			this.partial.append(data);
		}
		if (last) {
			String frame = (this.partial.length() > 0) ? this.partial.toString() : data.toString();
			this.partial.setLength(0);
			dispatch(frame);
		}
		webSocket.request(1);
		return null;
	}

	private void dispatch(String frame) {
		switch (SioFrame.kind(frame)) {
			case OPEN -> send(SioFrames.connect(this.token));
			case PING -> send(SioFrames.PONG);
			case CONNECTED -> this.connected.complete(this);
			case CONNECT_ERROR -> this.connected.completeExceptionally(new IllegalStateException("refused: " + frame));
			default -> this.handler.onFrame(this, frame);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.connected.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.connected.completeExceptionally(error);
	}

}
