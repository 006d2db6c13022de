package org.chat.notification.provider.fcm;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import org.chat.contracts.json.Json;
import org.chat.contracts.push.PushPlatform;
import org.chat.notification.config.PushProperties;
import org.chat.notification.provider.Notification;
import org.chat.notification.provider.Outcome;
import org.chat.notification.provider.PushSender;
import org.chat.notification.provider.RetryAfter;
import org.chat.notification.settings.Device;
import tools.jackson.databind.JsonNode;

/**
 * FCM HTTP v1 ({@code POST /v1/projects/{project}/messages:send}) with an OAuth 2 access token of the service
 * account (Google's auth library signs the JWT grant and refreshes the token before it expires). A message
 * carries {@code notification} + {@code data} with {@code android.collapse_key}/{@code notification.tag}
 * and the badge as {@code notification_count}; a read elsewhere is data only.
 */
public class FcmSender implements PushSender {

	static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

	private final GoogleCredentials credentials;

	private final URI sendUri;

	private final HttpClient http;

	private final Duration requestTimeout;

	private final Executor tokenExecutor;

	private final Clock clock;

	/** Set when FCM refused the token: the next request fetches a new one. */
	private volatile boolean refresh;

	public FcmSender(PushProperties.Fcm properties, Duration requestTimeout, HttpClient http, Executor tokenExecutor,
			Clock clock) {
		ServiceAccountCredentials account;
		try (InputStream json = new FileInputStream(properties.serviceAccountFile())) {
			account = ServiceAccountCredentials.fromStream(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the FCM service account " + properties.serviceAccountFile(), ex);
		}
		this.credentials = account.createScoped(List.of(SCOPE));
		this.sendUri = URI.create(properties.baseUrl().replaceAll("/+$", "") + "/v1/projects/" + account.getProjectId()
				+ "/messages:send");
		this.http = http;
		this.requestTimeout = requestTimeout;
		this.tokenExecutor = tokenExecutor;
		this.clock = clock;
	}

	@Override
	public PushPlatform platform() {
		return PushPlatform.FCM;
	}

	@Override
	public CompletableFuture<Outcome> send(Device device, Notification notification) {
		byte[] body = Json.write(Map.of("message", message(device.token(), notification)));
		return CompletableFuture.supplyAsync(this::accessToken, this.tokenExecutor)
			.thenCompose(token -> this.http.sendAsync(HttpRequest.newBuilder(this.sendUri)
				.timeout(this.requestTimeout)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString()))
			.thenApply(this::outcome)
			.exceptionally(error -> new Outcome.Retry(error.getClass().getSimpleName(), null));
	}

	private Outcome outcome(HttpResponse<String> response) {
		int status = response.statusCode();
		String errorCode = errorCode(response.body());
		if (status == 401) {
			this.refresh = true;
			return new Outcome.Retry("401 access token refused", null);
		}
		if ("UNREGISTERED".equals(errorCode) || "SENDER_ID_MISMATCH".equals(errorCode)) {
			return new Outcome.Gone(errorCode);
		}
		return Outcome.ofHttpStatus(status, errorCode, RetryAfter.of(response.headers(), this.clock.instant()));
	}

	private String accessToken() {
		try {
			if (this.refresh) {
				this.refresh = false;
				this.credentials.refresh();
			}
			else {
				this.credentials.refreshIfExpired();
			}
			return this.credentials.getAccessToken().getTokenValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> message(String token, Notification notification) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("token", token);
		message.put("data", notification.data());
		Map<String, Object> android = new LinkedHashMap<>();
		android.put("collapse_key", notification.collapseId());
		if (notification.isMessage()) {
			message.put("notification", Map.of("title", notification.from(), "body", notification.body()));
			android.put("priority", "HIGH");
			android.put("notification",
					Map.of("tag", notification.collapseId(), "notification_count", notification.badge()));
		}
		message.put("android", android);
		message.put("apns", Map.of("headers", Map.of("apns-collapse-id", notification.collapseId()), "payload",
				Map.of("aps", Map.of("badge", notification.badge()))));
		return message;
	}

	/** {@code error.details[].errorCode} of an FCM error body (google.firebase.fcm.v1.FcmError), else status. */
	private static String errorCode(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		try {
			JsonNode error = Json.MAPPER.readTree(body).path("error");
			for (JsonNode detail : error.path("details")) {
				if (detail.hasNonNull("errorCode")) {
					return detail.get("errorCode").asString();
				}
			}
			return error.path("status").asString("");
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
