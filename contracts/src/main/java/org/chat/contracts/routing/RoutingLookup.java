package org.chat.contracts.routing;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

/** "Which gateways hold user X": the one question both services ask before publishing a delivery. */
public interface RoutingLookup {

	/** @return gateway id → the given users that have at least one session there (users with none are absent). */
	Mono<Map<String, Set<String>>> gatewaysOf(Collection<String> userIds);

}
