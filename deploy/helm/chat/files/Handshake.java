import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chart's `helm test`: a Socket.IO v4 handshake over WebSocket with the release's gateways
 * (Engine.IO open, then CONNECT with a token, answered by CONNECT with a sid). JDK only, run as
 * a single-file program: java Handshake.java.
 *
 * Token: CHAT_TEST_TOKEN as given, else an HS256 token minted with CHAT_AUTH_JWT_SECRET (with
 * CHAT_AUTH_ISSUER / CHAT_AUTH_AUDIENCE when set), else none: a release verified only by a JWK set
 * is then tested up to its refusal of an unsigned token (CONNECT_ERROR expected).
 */
public class Handshake {

	public static void main(String[] args) throws Exception {
		String gateway = required("CHAT_GATEWAY_URL");
		String token = System.getenv("CHAT_TEST_TOKEN");
		String secret = System.getenv("CHAT_AUTH_JWT_SECRET");
		boolean expectRefusal = false;
		if (blank(token)) {
			if (blank(secret)) {
				token = "unsigned";
				expectRefusal = true;
			}
			else {
				token = hs256(secret, "helm-test-" + System.nanoTime());
			}
		}
		URI uri = URI.create(gateway.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
		Frames frames = new Frames(token);
		HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
			.buildAsync(uri, frames).get(15, TimeUnit.SECONDS);
		String outcome = frames.result.get(20, TimeUnit.SECONDS);
		System.out.println(uri + ": " + outcome);
		boolean connected = outcome.startsWith("40");
		boolean refused = outcome.startsWith("44");
		if (expectRefusal ? refused : connected) {
			System.out.println(expectRefusal
					? "OK: Engine.IO open, unsigned CONNECT refused (set tests.tokenSecret for a full handshake)"
					: "OK: Socket.IO handshake completed");
			return;
		}
		System.out.println("FAILED: expected " + (expectRefusal ? "CONNECT_ERROR (44)" : "CONNECT (40{\"sid\":...})"));
		System.exit(1);
	}

	/** Engine.IO OPEN -> CONNECT with the token; completes with the server's answer to it. */
	static final class Frames implements WebSocket.Listener {

		final CompletableFuture<String> result = new CompletableFuture<>();

		private final String token;

		private final StringBuilder partial = new StringBuilder();

		Frames(String token) {
			this.token = token;
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			socket.request(1);
			if (!last) {
				return null;
			}
			String frame = this.partial.toString();
			this.partial.setLength(0);
			if (frame.startsWith("0{")) {
				socket.sendText("40{\"token\":\"" + this.token + "\"}", true);
			}
			else if (frame.equals("2")) {
				socket.sendText("3", true);
			}
			else if (frame.startsWith("40") || frame.startsWith("44")) {
				this.result.complete(frame);
				socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
			}
			else {
				this.result.complete("unexpected frame " + frame);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
			this.result.complete("closed " + status + " " + reason);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.result.complete("error " + error);
		}

	}

	static String hs256(String secret, String subject) throws Exception {
		long now = Instant.now().getEpochSecond();
		StringBuilder claims = new StringBuilder("{\"sub\":\"" + subject + "\",\"name\":\"helm test\",\"iat\":" + now
				+ ",\"exp\":" + (now + 300));
		String issuer = System.getenv("CHAT_AUTH_ISSUER");
		String audience = System.getenv("CHAT_AUTH_AUDIENCE");
		if (!blank(issuer)) {
			claims.append(",\"iss\":\"").append(issuer).append('"');
		}
		if (!blank(audience)) {
			claims.append(",\"aud\":\"").append(audience).append('"');
		}
		claims.append('}');
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (blank(value)) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
