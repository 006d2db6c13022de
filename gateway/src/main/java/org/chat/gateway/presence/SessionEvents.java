package org.chat.gateway.presence;

import java.util.concurrent.CompletableFuture;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SessionClosed;
import org.chat.gateway.ids.EventIds;
import org.chat.gateway.kafka.EnvelopePublisher;

/** The session lifecycle records on {@code chat.presence}, keyed by user id, each with the socket's epoch. */
public class SessionEvents {

	private final EnvelopePublisher publisher;

	public SessionEvents(EnvelopePublisher publisher) {
		this.publisher = publisher;
	}

	public CompletableFuture<Void> opened(SessionRef session) {
		return publish(EventType.SESSION_OPENED, session, null);
	}

	public CompletableFuture<Void> registered(SessionRef session, Profile profile) {
		return publish(EventType.SESSION_REGISTERED, session, profile);
	}

	public CompletableFuture<Void> closed(SessionRef session, String reason) {
		return publish(EventType.SESSION_CLOSED, session, new SessionClosed(reason));
	}

	private CompletableFuture<Void> publish(EventType type, SessionRef session, Object payload) {
		return this.publisher.publish(session.userId(), Envelope.of(type, EventIds.next(), session, payload));
	}

}
