package org.chat.notification.provider.apns;

import java.io.File;
import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.ApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import org.chat.contracts.push.PushPlatform;
import org.chat.notification.config.PushProperties;
import org.chat.notification.provider.Notification;
import org.chat.notification.provider.Outcome;
import org.chat.notification.provider.PushSender;
import org.chat.notification.settings.Device;
import org.springframework.beans.factory.DisposableBean;

/**
 * APNs over HTTP/2 with token authentication, through Pushy's {@link ApnsClient} (one multiplexed
 * connection, JWT renewed by Pushy). A message is an alert push with the badge and
 * {@code apns-collapse-id}; a read elsewhere is a background push that only sets the badge.
 */
public class ApnsSender implements PushSender, DisposableBean {

	/** Rejections after which the token never works again (Apple's documented reasons). */
	private static final Set<String> GONE = Set.of("Unregistered", "BadDeviceToken", "ExpiredToken",
			"DeviceTokenNotForTopic");

	private final ApnsClient client;

	private final String topic;

	private final Duration requestTimeout;

	private final Clock clock;

	public ApnsSender(PushProperties.Apns properties, Duration requestTimeout, Clock clock)
			throws IOException, NoSuchAlgorithmException, InvalidKeyException {
		ApnsClientBuilder builder = new ApnsClientBuilder().setApnsServer(properties.host(), properties.port())
			.setSigningKey(ApnsSigningKey.loadFromPkcs8File(new File(properties.signingKeyFile()), properties.teamId(),
					properties.keyId()))
			.setConnectionTimeout(requestTimeout);
		if (properties.trustedServerCertificate() != null && !properties.trustedServerCertificate().isBlank()) {
			builder.setTrustedServerCertificateChain(new File(properties.trustedServerCertificate()));
		}
		this.client = builder.build();
		this.topic = properties.topic();
		this.requestTimeout = requestTimeout;
		this.clock = clock;
	}

	@Override
	public PushPlatform platform() {
		return PushPlatform.APNS;
	}

	@Override
	public CompletableFuture<Outcome> send(Device device, Notification notification) {
		ApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder().setBadgeNumber(notification.badge());
		notification.data().forEach(payload::addCustomProperty);
		SimpleApnsPushNotification push;
		if (notification.isMessage()) {
			payload.setAlertTitle(notification.from())
				.setAlertBody(notification.body())
				.setSound(ApnsPayloadBuilder.DEFAULT_SOUND_FILENAME)
				.setThreadId(notification.collapseId());
			push = new SimpleApnsPushNotification(device.token(), this.topic, payload.build(),
					this.clock.instant().plus(Duration.ofDays(1)), DeliveryPriority.IMMEDIATE, PushType.ALERT,
					notification.collapseId());
		}
		else {
			payload.setContentAvailable(true);
			push = new SimpleApnsPushNotification(device.token(), this.topic, payload.build(),
					this.clock.instant().plus(Duration.ofDays(1)), DeliveryPriority.CONSERVE_POWER, PushType.BACKGROUND,
					notification.collapseId());
		}
		return this.client.sendNotification(push)
			.<Outcome>thenApply(response -> {
				if (response.isAccepted()) {
					return new Outcome.Sent();
				}
				String reason = response.getRejectionReason().orElse("unknown");
				if (response.getStatusCode() == 410 || GONE.contains(reason)) {
					return new Outcome.Gone(reason);
				}
				if (response.getStatusCode() == 429 || response.getStatusCode() >= 500) {
					return new Outcome.Retry(response.getStatusCode() + " " + reason, null);
				}
				return new Outcome.Rejected(response.getStatusCode() + " " + reason);
			})
			.orTimeout(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.exceptionally(error -> new Outcome.Retry(error.getClass().getSimpleName(), null));
	}

	@Override
	public void destroy() throws Exception {
		this.client.close().get(10, TimeUnit.SECONDS);
	}

}
