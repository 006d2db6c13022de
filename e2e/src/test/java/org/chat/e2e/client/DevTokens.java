package org.chat.e2e.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

/** {@code POST /dev/token {"userId","name"}} on a gateway in dev mode, as a person following the README would. */
public final class DevTokens {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private DevTokens() {
	}

	public static String token(URI gateway, String userId) {
		return token(gateway, userId, displayName(userId));
	}

	public static String token(URI gateway, String userId, String name) {
		HttpResponse<String> response = post(gateway, Payloads.obj("userId", userId, "name", name).toString());
		if (response.statusCode() != 200) {
			throw new AssertionError("POST /dev/token on " + gateway + " answered " + response.statusCode() + " "
					+ response.body());
		}
		JsonNode body = Payloads.parse(response.body());
		String token = body.path("token").asString("");
		if (token.isEmpty()) {
			throw new AssertionError("POST /dev/token answered without a token: " + response.body());
		}
		return token;
	}

	public static HttpResponse<String> post(URI gateway, String body) {
		try {
			return HTTP.send(HttpRequest.newBuilder(gateway.resolve("/dev/token"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("POST /dev/token on " + gateway + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/** "alice-17-x3f" → "Alice": the display name tests expect in user lists. */
	public static String displayName(String userId) {
		String base = userId.split("-", 2)[0];
		return Character.toUpperCase(base.charAt(0)) + base.substring(1);
	}

}
