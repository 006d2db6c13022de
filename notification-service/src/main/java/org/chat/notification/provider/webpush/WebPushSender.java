package org.chat.notification.provider.webpush;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import org.chat.contracts.json.Json;
import org.chat.contracts.push.PushPlatform;
import org.chat.notification.config.PushProperties;
import org.chat.notification.provider.Notification;
import org.chat.notification.provider.Outcome;
import org.chat.notification.provider.PushSender;
import org.chat.notification.provider.RetryAfter;
import org.chat.notification.settings.Device;

/**
 * RFC 8030 delivery of an RFC 8291 {@code aes128gcm} payload with an RFC 8292 VAPID token. Encryption and the
 * VAPID JWT come from {@code com.interaso:webpush}; the POST is ours (java.net.http), so that the status and
 * {@code Retry-After} decide retries. {@code Topic} = the conversation's collapse id.
 */
public class WebPushSender implements PushSender {

	/** RFC 8292 allows at most 24 h; a token is used for its first hour only, so it never expires in flight. */
	private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private static final Duration TOKEN_REUSE = Duration.ofHours(1);

	private static final int MAX_AUDIENCES = 1000;

	private record SignedToken(String jwt, Instant signedAt) {
	}

	private final Map<String, SignedToken> tokens = new ConcurrentHashMap<>();

	private final WebPush webPush;

	private final HttpClient http;

	private final PushProperties.WebPush properties;

	private final Duration requestTimeout;

	private final Clock clock;

	public WebPushSender(PushProperties.WebPush properties, Duration requestTimeout, HttpClient http, Clock clock) {
		this.properties = properties;
		this.requestTimeout = requestTimeout;
		this.http = http;
		this.clock = clock;
		this.webPush = new WebPush(properties.subject(),
				VapidKeys.fromUncompressedBytes(properties.publicKey(), properties.privateKey()));
	}

	@Override
	public PushPlatform platform() {
		return PushPlatform.WEBPUSH;
	}

	@Override
	public CompletableFuture<Outcome> send(Device device, Notification notification) {
		URI endpoint;
		HttpRequest request;
		try {
			endpoint = URI.create(device.endpoint());
			if (!"https".equals(endpoint.getScheme())
					&& !(this.properties.allowHttpEndpoints() && "http".equals(endpoint.getScheme()))) {
				return CompletableFuture.completedFuture(new Outcome.Gone("endpoint is not https"));
			}
			byte[] body = this.webPush.getBody(payload(notification), decode(device.p256dh()), decode(device.auth()));
			HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
				.timeout(this.requestTimeout)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			Map<String, String> headers = this.webPush.getHeadersWithToken(vapidToken(device.endpoint()),
					(int) this.properties.ttl().toSeconds(), notification.collapseId(),
					notification.isMessage() ? WebPush.Urgency.High : WebPush.Urgency.Normal);
			headers.forEach(builder::header);
			request = builder.build();
		}
		catch (RuntimeException ex) {
			// a subscription whose keys or endpoint cannot be used will never work
			return CompletableFuture.completedFuture(new Outcome.Gone("unusable subscription: " + ex.getMessage()));
		}
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.<Outcome>thenApply(response -> Outcome.ofHttpStatus(response.statusCode(), "from push service",
					RetryAfter.of(response.headers(), this.clock.instant())))
			.exceptionally(error -> new Outcome.Retry(error.getClass().getSimpleName(), null));
	}

	/**
	 * The VAPID JWT of the endpoint's push service (its origin is the audience), signed once per
	 * {@link #TOKEN_REUSE} instead of per push: an ES256 signature costs about as much as the encryption.
	 */
	private String vapidToken(String endpoint) {
		String audience = this.webPush.getAudience(endpoint);
		Instant now = this.clock.instant();
		if (this.tokens.size() > MAX_AUDIENCES) {
			this.tokens.clear(); // endpoints name their host: keep a flood of odd hosts from growing the cache
		}
		SignedToken token = this.tokens.compute(audience, (aud, cached) -> cached != null
				&& cached.signedAt().plus(TOKEN_REUSE).isAfter(now) ? cached
						: new SignedToken(this.webPush.getToken(aud, (int) TOKEN_LIFETIME.toSeconds()), now));
		return token.jwt();
	}

	/** What the service worker receives ({@code event.data.json()}). */
	static byte[] payload(Notification notification) {
		Map<String, String> data = notification.data();
		if (notification.isMessage()) {
			data.put("title", notification.from());
			data.put("body", notification.body());
		}
		return Json.write(data);
	}

	private static byte[] decode(String base64Url) {
		return Base64.getUrlDecoder().decode(base64Url);
	}

}
