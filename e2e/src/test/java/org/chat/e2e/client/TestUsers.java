package org.chat.e2e.client;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique user ids per test (the stack is shared by the whole suite, so ids never repeat within a run). */
public final class TestUsers {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);

	private TestUsers() {
	}

	/** {@code unique("alice")} → {@code alice-7-k2p}: valid per UserIds, readable in logs. */
	public static String unique(String base) {
		return base + "-" + COUNTER.incrementAndGet() + "-" + RUN;
	}

}
