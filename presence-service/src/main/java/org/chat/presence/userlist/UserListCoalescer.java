package org.chat.presence.userlist;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Turns any churn of the online set into at most one user_list per window: changes only mark the list
 * dirty; each tick of the window broadcasts once if dirty and if the cluster-wide gate lets this instance
 * (so K instances still give at most one list per window). A failed broadcast leaves it dirty.
 */
public class UserListCoalescer {

	private final AtomicBoolean dirty = new AtomicBoolean();

	private final Supplier<Mono<Boolean>> gate;

	private final Supplier<Mono<?>> broadcast;

	public UserListCoalescer(Supplier<Mono<Boolean>> gate, Supplier<Mono<?>> broadcast) {
		this.gate = gate;
		this.broadcast = broadcast;
	}

	public void changed() {
		this.dirty.set(true);
	}

	/** One window tick: @return true if a list was broadcast. */
	public Mono<Boolean> tick() {
		if (!this.dirty.get()) {
			return Mono.just(false);
		}
		return this.gate.get().flatMap(acquired -> {
			if (!acquired) {
				return Mono.just(false);
			}
			// cleared before the list is read: a change during the read marks it dirty for the next tick
			this.dirty.set(false);
			return this.broadcast.get().thenReturn(true).doOnError(ex -> this.dirty.set(true));
		});
	}

}
