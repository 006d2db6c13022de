package org.chat.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.chat.gateway.presence.SessionRoutes;
import org.chat.gateway.session.ChatSession;
import reactor.core.publisher.Mono;

/** Times how long a socket's first sync is held for its route; a session already routable is not a wait. */
public class TimedSessionRoutes implements SessionRoutes {

	private final SessionRoutes delegate;

	private final GatewayMetrics metrics;

	private final Clock clock;

	public TimedSessionRoutes(SessionRoutes delegate, GatewayMetrics metrics, Clock clock) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public Mono<Void> awaitRoutable(ChatSession session) {
		if (session.routable()) {
			return this.delegate.awaitRoutable(session);
		}
		return Mono.defer(() -> {
			Instant start = this.clock.instant();
			return this.delegate.awaitRoutable(session)
				.doOnSuccess(done -> this.metrics.routableWait(Duration.between(start, this.clock.instant())));
		});
	}

}
