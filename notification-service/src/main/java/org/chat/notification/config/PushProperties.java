package org.chat.notification.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the notification-service. A platform without credentials is off (its devices are skipped
 * and counted); credentials come from the environment or mounted files (Kubernetes Secrets), never from git.
 *
 * @param grace how long a message may stay without a delivery receipt before its recipient is pushed
 * @param catchUpWait least wait after a send is consumed before deciding, so that its receipt, already
 *     further down the log when this service catches up after a restart, is read first
 * @param perUserPerMinute pushes one user may get per minute on one instance; more are skipped
 * @param partitions partitions of chat.push.settings and chat.push.jobs when this service creates them
 * @param replicas their replication factor
 * @param senderConcurrency listener threads sending push jobs
 * @param presenceTimeout longest the "does the recipient have a session" lookup may take; then it waits the grace
 */
@Validated
@ConfigurationProperties("chat.push")
public record PushProperties(@NotNull @DefaultValue("3s") Duration grace,
		@NotNull @DefaultValue("1s") Duration catchUpWait, @Min(1) @DefaultValue("30") int perUserPerMinute,
		@Min(1) @DefaultValue("12") int partitions, @Min(1) @DefaultValue("1") short replicas,
		@Min(1) @Max(64) @DefaultValue("2") int senderConcurrency,
		@NotNull @DefaultValue("1s") Duration presenceTimeout, @Valid @DefaultValue Retry retry,
		@Valid @DefaultValue WebPush webpush, @Valid @DefaultValue Apns apns, @Valid @DefaultValue Fcm fcm) {

	/**
	 * Provider failures (HTTP 429/5xx, connection errors) are retried, never dropped.
	 *
	 * @param initial first pause
	 * @param max longest pause; a larger {@code Retry-After} is cut to it (the consumer must poll within
	 *     {@code max.poll.interval.ms})
	 * @param requestTimeout longest one provider request may take
	 */
	public record Retry(@NotNull @DefaultValue("1s") Duration initial, @NotNull @DefaultValue("60s") Duration max,
			@NotNull @DefaultValue("10s") Duration requestTimeout) {
	}

	/**
	 * RFC 8291/8292 Web Push. Keys in the format of {@code npx web-push generate-vapid-keys} (base64url).
	 *
	 * @param publicKey VAPID public key: the uncompressed P-256 point, also what browsers subscribe with
	 * @param privateKey VAPID private key (a Secret)
	 * @param subject contact the push services may use ({@code mailto:} or {@code https:})
	 * @param ttl how long a push service keeps an undelivered push
	 * @param allowHttpEndpoints accept {@code http://} endpoints (tests and local push servers only)
	 */
	public record WebPush(String publicKey, String privateKey,
			@NotNull @DefaultValue("mailto:push@example.invalid") String subject,
			@NotNull @DefaultValue("24h") Duration ttl, @DefaultValue("false") boolean allowHttpEndpoints) {

		public boolean enabled() {
			return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
		}

	}

	/**
	 * APNs over HTTP/2 with token (.p8) authentication.
	 *
	 * @param signingKeyFile the .p8 key from the Apple developer account (a mounted Secret)
	 * @param teamId the team id
	 * @param keyId the key id
	 * @param topic the app's bundle id
	 * @param host {@code api.push.apple.com}, {@code api.sandbox.push.apple.com}, or a test server
	 * @param port 443 (or 2197)
	 * @param trustedServerCertificate PEM of a CA to trust instead of the system's (tests only)
	 */
	public record Apns(String signingKeyFile, String teamId, String keyId, String topic,
			@NotNull @DefaultValue("api.push.apple.com") String host, @DefaultValue("443") int port,
			String trustedServerCertificate) {

		public boolean enabled() {
			return signingKeyFile != null && !signingKeyFile.isBlank();
		}

	}

	/**
	 * FCM HTTP v1 with a service account's OAuth token.
	 *
	 * @param serviceAccountFile the service-account JSON (a mounted Secret); its {@code project_id} and
	 *     {@code token_uri} are used
	 * @param baseUrl the FCM API root
	 */
	public record Fcm(String serviceAccountFile, @NotNull @DefaultValue("https://fcm.googleapis.com") String baseUrl) {

		public boolean enabled() {
			return serviceAccountFile != null && !serviceAccountFile.isBlank();
		}

	}

}
