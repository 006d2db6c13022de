package org.chat.loadtest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.tokens.TokenSource;

/**
 * {@code POST /dev/token} (dev mode), used when no signing key is configured ({@link org.chat.loadtest.tokens.TokenSettings}).
 * Tokens are signed with the gateway's own key unless a shared secret is configured, so each client asks the
 * gateway it will connect to.
 */
public final class DevTokens implements TokenSource {

	private final HttpClient client;

	public DevTokens(HttpClient client) {
		this.client = client;
	}

	@Override
	public CompletableFuture<String> issue(URI gateway, String userId) {
		String body = SioFrame.JSON.writeValueAsString(Map.of("userId", userId, "name", userId));
		HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/dev/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
			String token = (response.statusCode() == 200)
					? SioFrame.JSON.readTree(response.body()).path("token").stringValue(null) : null;
			if (token == null) {
				throw new IllegalStateException("POST /dev/token on " + gateway + ": " + response.statusCode() + " "
						+ response.body());
			}
			return token;
		});
	}

}
