package org.chat.presence.consume;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.ContractViolation;
import org.chat.presence.session.SessionHandler;
import org.chat.presence.typing.TypingHandler;
import org.chat.presence.userlist.UserListQueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Routes one envelope to its handler. Bad records (contract violations, types of other topics or of a newer
 * version) are logged and skipped; infrastructure failures propagate so the batch is retried.
 */
public class EnvelopeDispatcher {

	private static final Logger log = LoggerFactory.getLogger(EnvelopeDispatcher.class);

	private final SessionHandler sessions;

	private final TypingHandler typing;

	private final UserListQueryHandler userList;

	public EnvelopeDispatcher(SessionHandler sessions, TypingHandler typing, UserListQueryHandler userList) {
		this.sessions = sessions;
		this.typing = typing;
		this.userList = userList;
	}

	public Mono<Void> dispatch(Envelope envelope) {
		return Mono.defer(() -> handle(envelope)).then().onErrorResume(ContractViolation.class, ex -> {
			log.warn("skipped {} {} of {}: {}", envelope.type(), envelope.eventId(), envelope.userId(),
					ex.getMessage());
			return Mono.empty();
		});
	}

	private Mono<?> handle(Envelope envelope) {
		EventType type = envelope.eventType();
		if (type == null) {
			log.warn("skipped unknown event type {} ({})", envelope.type(), envelope.eventId());
			return Mono.empty();
		}
		return switch (type) {
			case SESSION_OPENED -> this.sessions.opened(envelope);
			case SESSION_REGISTERED -> this.sessions.registered(envelope);
			case SESSION_CLOSED -> this.sessions.closed(envelope);
			case TYPING -> this.typing.handle(envelope);
			case USER_LIST_QUERY -> this.userList.handle(envelope);
			default -> {
				log.warn("skipped {} ({}): not a chat.presence event", envelope.type(), envelope.eventId());
				yield Mono.empty();
			}
		};
	}

}
