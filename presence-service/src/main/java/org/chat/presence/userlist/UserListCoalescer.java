package org.chat.presence.userlist;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Turns any churn of the online set into at most one user_list per window: each tick of the window broadcasts
 * once if the gate lets this instance, that is if the list changed since the last broadcast of any instance and
 * no instance has broadcast within the window (so K instances still give at most one list per window). Whether
 * the list changed lives in Redis ({@link UserListBroadcaster}), not in the instance that made the change, so a
 * change is broadcast even when that instance dies right after it. A failed broadcast is retried next window.
 */
public class UserListCoalescer {

	private final Supplier<Mono<Boolean>> gate;

	private final Supplier<Mono<?>> broadcast;

	/**
	 * @param gate true if the list changed and this instance may broadcast in the current window
	 * @param broadcast reads and publishes the list
	 */
	public UserListCoalescer(Supplier<Mono<Boolean>> gate, Supplier<Mono<?>> broadcast) {
		this.gate = gate;
		this.broadcast = broadcast;
	}

	/** One window tick: @return true if a list was broadcast. */
	public Mono<Boolean> tick() {
		return this.gate.get().flatMap(acquired -> acquired ? this.broadcast.get().hasElement() : Mono.just(false));
	}

}
