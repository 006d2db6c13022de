package org.chat.presence.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The service's counters (Prometheus names in the comments); no tag carries a user or gateway id. */
public class PresenceMetrics {

	private final Counter userListBroadcasts;

	private final Counter sweptGateways;

	private final Counter sweptSessions;

	private final Counter typingExpired;

	private final AtomicLong userListWindowMillis = new AtomicLong();

	public PresenceMetrics(MeterRegistry meters) {
		// chat_presence_user_list_broadcasts_total
		this.userListBroadcasts = Counter.builder("chat.presence.user.list.broadcasts")
			.description("user_list broadcasts published on chat:all (at most one per window cluster-wide)")
			.register(meters);
		// chat_presence_swept_gateways_total
		this.sweptGateways = Counter.builder("chat.presence.swept.gateways")
			.description("dead gateways (alive key expired) whose sessions were swept")
			.register(meters);
		// chat_presence_swept_sessions_total
		this.sweptSessions = Counter.builder("chat.presence.swept.sessions")
			.description("sessions removed because their gateway died")
			.register(meters);
		// chat_presence_typing_expired_total
		this.typingExpired = Counter.builder("chat.presence.typing.expired")
			.description("typing indicators ended by their timeout (isTyping:false sent for the client)")
			.register(meters);
		// chat_presence_user_list_window_seconds
		Gauge.builder("chat.presence.user.list.window", this.userListWindowMillis, millis -> millis.get() / 1000.0)
			.baseUnit("seconds")
			.description("window of this instance's last user_list broadcast (longer than configured for a large list)")
			.register(meters);
	}

	public void userListWindow(Duration window) {
		this.userListWindowMillis.set(window.toMillis());
	}

	public void userListBroadcast() {
		this.userListBroadcasts.increment();
	}

	public void gatewaySwept(long sessions) {
		this.sweptGateways.increment();
		this.sweptSessions.increment(sessions);
	}

	public void typingExpired(long count) {
		this.typingExpired.increment(count);
	}

}
