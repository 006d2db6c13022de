package org.chat.presence.session;

import java.time.Clock;

import org.chat.contracts.UserIds;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.presence.fanout.GatewayPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * session.opened / session.registered / session.closed → the session scripts (which also mark the user list
 * changed), then lastSeen. A session that an open made routable is announced to its gateway ({@code ROUTABLE}),
 * whose first sync waits for that.
 */
public class SessionHandler {

	private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

	private final SessionScripts scripts;

	private final LastSeenPublisher lastSeen;

	private final GatewayPublisher gateways;

	private final Clock clock;

	public SessionHandler(SessionScripts scripts, LastSeenPublisher lastSeen, GatewayPublisher gateways, Clock clock) {
		this.scripts = scripts;
		this.lastSeen = lastSeen;
		this.gateways = gateways;
		this.clock = clock;
	}

	public Mono<PresenceChange> opened(Envelope envelope) {
		SessionRef session = validSession(envelope);
		long now = this.clock.millis();
		return this.scripts.open(session, now)
			.flatMap(change -> (change == PresenceChange.UNCHANGED) ? Mono.just(change)
					: announceRoutable(session).thenReturn(change))
			.flatMap(change -> after(envelope, change, now));
	}

	/** A hint: the gateway polls for the route as well, so a failed publish costs only time. */
	private Mono<Void> announceRoutable(SessionRef session) {
		return this.gateways.toGateway(session.gatewayId(), GatewayMessage.routable(session.sessionId()))
			.onErrorResume(ex -> {
				log.debug("ROUTABLE for session {} not published: {}", session.sessionId(), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	public Mono<PresenceChange> registered(Envelope envelope) {
		SessionRef session = validSession(envelope);
		Profile profile = envelope.payload() == null || envelope.payload().isNull() ? null
				: envelope.payloadAs(Profile.class);
		long now = this.clock.millis();
		long registeredAt = envelope.sentAt() == null ? now : envelope.sentAt().toEpochMilli();
		return this.scripts.register(session, now, registeredAt, profile).flatMap(change -> after(envelope, change, now));
	}

	public Mono<PresenceChange> closed(Envelope envelope) {
		SessionRef session = validSession(envelope);
		long now = this.clock.millis();
		return this.scripts.close(session, now).flatMap(change -> after(envelope, change, now));
	}

	private Mono<PresenceChange> after(Envelope envelope, PresenceChange change, long now) {
		if (change == PresenceChange.WENT_OFFLINE) {
			return this.lastSeen.publish(envelope.session(), envelope.eventId(), now).thenReturn(change);
		}
		return Mono.just(change);
	}

	static SessionRef validSession(Envelope envelope) {
		if (!UserIds.isValid(envelope.userId())) {
			throw new ContractViolation("invalid userId in " + envelope.type());
		}
		if (isBlank(envelope.sessionId()) || isBlank(envelope.gatewayId()) || envelope.epoch() <= 0) {
			throw new ContractViolation(envelope.type() + " needs sessionId, gatewayId and a positive epoch");
		}
		return envelope.session();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
