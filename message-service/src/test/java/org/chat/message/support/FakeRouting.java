package org.chat.message.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.chat.contracts.routing.RoutingLookup;
import reactor.core.publisher.Mono;

/** user → gateways, set by the test. */
public class FakeRouting implements RoutingLookup {

	private final Map<String, Set<String>> gatewaysByUser = new ConcurrentHashMap<>();

	private final AtomicInteger lookups = new AtomicInteger();

	private volatile Supplier<Mono<?>> onLookup = Mono::empty;

	public FakeRouting online(String user, String... gateways) {
		this.gatewaysByUser.put(user, Set.of(gateways));
		return this;
	}

	/** Runs {@code hook} at each lookup, before it answers: what happens meanwhile elsewhere. */
	public FakeRouting onLookup(Supplier<Mono<?>> hook) {
		this.onLookup = hook;
		return this;
	}

	@Override
	public Mono<Map<String, Set<String>>> gatewaysOf(Collection<String> userIds) {
		return this.onLookup.get().then(Mono.fromSupplier(() -> lookup(userIds)));
	}

	private Map<String, Set<String>> lookup(Collection<String> userIds) {
		this.lookups.incrementAndGet();
		Map<String, Set<String>> result = new HashMap<>();
		for (String user : Set.copyOf(userIds)) {
			for (String gateway : this.gatewaysByUser.getOrDefault(user, Set.of())) {
				result.computeIfAbsent(gateway, g -> new HashSet<>()).add(user);
			}
		}
		return result;
	}

	/** How many lookups were made (each may cover many users). */
	public int lookups() {
		return this.lookups.get();
	}

}
