package org.chat.gateway.presence;

import org.chat.gateway.session.ChatSession;
import reactor.core.publisher.Mono;

/**
 * Holds a new socket's first sync until presence-service has made the session routable (its field in
 * {@code PresenceKeys.sessions(user)}, written on {@code session.opened}). A sync that read the watermarks before
 * that could miss a message whose fan-out looked the routes up in between: not live (no route yet), not in the
 * sync (stored above the watermark it read). Once routable, every later message either finds the route or was
 * below the watermarks when the sync read them (the message-service raises them before it looks up routes).
 */
public interface SessionRoutes {

	/** Completes (never errors) once the session is routable, or after a bounded wait. */
	Mono<Void> awaitRoutable(ChatSession session);

	/** No wait: where nothing routes (tests without presence). */
	static SessionRoutes none() {
		return session -> Mono.empty();
	}

}
