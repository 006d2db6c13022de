package org.chat.gateway.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.json.JSONObject;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens from a running gateway's dev route ({@code chat.dev.enabled=true}), as the web page gets them. */
final class DevTokens {

	private DevTokens() {
	}

	/** @param name the display name, or {@code null} */
	static String issue(int port, String userId, String name) throws Exception {
		JSONObject body = new JSONObject().put("userId", userId);
		if (name != null) {
			body.put("name", name);
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return new JSONObject(response.body()).getString("token");
	}

}
