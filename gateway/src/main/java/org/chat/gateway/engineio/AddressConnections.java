package org.chat.gateway.engineio;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Open Engine.IO sessions per remote address, so that a flood of connections from one address is refused
 * (docs/GATEWAY.md). A slot is taken before a session opens and given back exactly once when it ends; addresses
 * with no open session are forgotten, so the map holds only addresses that are connected now.
 */
public final class AddressConnections {

	private final int limit;

	private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

	private final LongAdder refused = new LongAdder();

	/** @param limit most open sessions per address; 0 = unlimited (nothing is counted) */
	public AddressConnections(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must be >= 0");
		}
		this.limit = limit;
	}

	/** @return true if {@code address} may open one more session (a slot is now taken); false if refused. */
	public boolean tryAcquire(InetAddress address) {
		if (limit == 0 || address == null) {
			return true;
		}
		boolean[] taken = { false };
		open.compute(address, (key, count) -> {
			int current = count == null ? 0 : count;
			if (current >= limit) {
				return count;
			}
			taken[0] = true;
			return current + 1;
		});
		if (!taken[0]) {
			refused.increment();
		}
		return taken[0];
	}

	/** Gives back a slot taken by {@link #tryAcquire}; the caller makes sure this happens once per slot. */
	public void release(InetAddress address) {
		if (limit != 0 && address != null) {
			open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
		}
	}

	public int count(InetAddress address) {
		return open.getOrDefault(address, 0);
	}

	/** Open sessions over all addresses (0 when unlimited: nothing is counted then). */
	public int total() {
		return open.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Opens refused since start. */
	public long refused() {
		return refused.sum();
	}

}
