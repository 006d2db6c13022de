package org.chat.infra.supervise;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Plain OS processes ({@code sleep}, {@code sh}) as stand-ins for services: no server needed. */
final class Children {

	private Children() {
	}

	static ProcessSpec sleeper(String name, boolean restart) {
		return new ProcessSpec(name, List.of("sleep", "600"), Map.of(), Readiness.none(), restart, Map.of());
	}

	static Process sleep() throws IOException {
		return new ProcessBuilder("sleep", "600").start();
	}

	static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + timeout + ": " + what);
			}
			Thread.sleep(20);
		}
	}

}
