package org.chat.notification.provider;

import java.util.concurrent.CompletableFuture;

import org.chat.contracts.push.PushPlatform;
import org.chat.notification.settings.Device;

/** One push platform. Never completes exceptionally: a failure is an {@link Outcome}. */
public interface PushSender {

	PushPlatform platform();

	CompletableFuture<Outcome> send(Device device, Notification notification);

}
