package org.chat.presence.session;

import java.time.Clock;

import org.chat.contracts.UserIds;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.contracts.json.ContractViolation;
import org.chat.presence.userlist.UserListCoalescer;
import reactor.core.publisher.Mono;

/** session.opened / session.registered / session.closed → the session scripts, then user list and lastSeen. */
public class SessionHandler {

	private final SessionScripts scripts;

	private final UserListCoalescer userList;

	private final LastSeenPublisher lastSeen;

	private final Clock clock;

	public SessionHandler(SessionScripts scripts, UserListCoalescer userList, LastSeenPublisher lastSeen,
			Clock clock) {
		this.scripts = scripts;
		this.userList = userList;
		this.lastSeen = lastSeen;
		this.clock = clock;
	}

	public Mono<PresenceChange> opened(Envelope envelope) {
		SessionRef session = validSession(envelope);
		long now = this.clock.millis();
		return this.scripts.open(session, now).flatMap(change -> after(envelope, change, now));
	}

	public Mono<PresenceChange> registered(Envelope envelope) {
		SessionRef session = validSession(envelope);
		Profile profile = envelope.payload() == null || envelope.payload().isNull() ? null
				: envelope.payloadAs(Profile.class);
		long now = this.clock.millis();
		long registeredAt = envelope.sentAt() == null ? now : envelope.sentAt().toEpochMilli();
		return this.scripts.register(session, now, registeredAt, profile).flatMap(change -> {
			if (change == PresenceChange.APPLIED) {
				this.userList.changed(); // the profile shown in the list may have changed
			}
			return after(envelope, change, now);
		});
	}

	public Mono<PresenceChange> closed(Envelope envelope) {
		SessionRef session = validSession(envelope);
		long now = this.clock.millis();
		return this.scripts.close(session, now).flatMap(change -> after(envelope, change, now));
	}

	private Mono<PresenceChange> after(Envelope envelope, PresenceChange change, long now) {
		if (change.onlineSetChanged()) {
			this.userList.changed();
		}
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
