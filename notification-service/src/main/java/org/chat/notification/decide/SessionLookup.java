package org.chat.notification.decide;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

/** The decider's one question to presence: which of these users have at least one session. */
@FunctionalInterface
public interface SessionLookup {

	/** @return those of {@code userIds} with at least one session */
	Mono<Set<String>> withSessions(Collection<String> userIds);

}
