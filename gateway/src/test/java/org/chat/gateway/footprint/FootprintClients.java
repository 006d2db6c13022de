package org.chat.gateway.footprint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.chat.gateway.auth.TestTokens;

/**
 * The client side of {@link ConnectionFootprint}, run in its own JVM so that its objects are not on the
 * measured heap: opens {@code n} WebSockets, joins the chat namespace with a token per user, answers pings
 * and stays idle until killed.
 */
public final class FootprintClients {

	private FootprintClients() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Integer.parseInt(args[1]);
		URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
		HttpClient http = HttpClient.newHttpClient();
		CountDownLatch joined = new CountDownLatch(count);
		Semaphore inFlight = new Semaphore(100);
		List<WebSocket> sockets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String token = TestTokens.hs256(FootprintGateway.SECRET, String.format("fp-user-%05d", i));
			inFlight.acquire();
			sockets.add(http.newWebSocketBuilder().buildAsync(uri, new Idle(token, joined, inFlight)).join());
		}
		boolean all = joined.await(5, TimeUnit.MINUTES);
		System.out.println((all ? "joined " : "only joined ") + (count - joined.getCount()));
		Thread.sleep(Long.MAX_VALUE);
	}

	/** Joins on the OPEN packet, answers PINGs, counts the CONNECT answer. */
	private record Idle(String token, CountDownLatch joined, Semaphore inFlight) implements WebSocket.Listener {

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			String text = data.toString();
			if (text.startsWith("0{")) {
				socket.sendText("40{\"token\":\"" + token + "\"}", true);
			}
			else if (text.equals("2")) {
				socket.sendText("3", true);
			}
			else if (text.startsWith("40{")) {
				joined.countDown();
				inFlight.release();
			}
			socket.request(1);
			return null;
		}

	}

}
