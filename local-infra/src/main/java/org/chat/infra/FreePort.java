package org.chat.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * A currently free local TCP port, for components that must know their port before they bind.
 * <p>
 * The port is drawn from below the kernel's ephemeral range, never from it: a port the kernel hands out for
 * {@code bind(0)} is also the pool every outgoing connection takes its local port from, so in the seconds between
 * finding a port and a slow JVM binding it, a client connection (to Kafka, Redis, the store) could take it and the
 * process would fail with "address already in use" (a kernel whose range starts below 11,000, unlike every default,
 * gets ports from its start). Ports handed out once are not handed out again by this JVM.
 */
public final class FreePort {

	/** Linux's default ephemeral range starts here; macOS and Windows start higher (49152). */
	static final int DEFAULT_EPHEMERAL_LOW = 32768;

	private static final int LOWEST = 10_000;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	/** Candidates lie in [LOWEST, HIGH): the ephemeral range's start, read once (it does not change while we run). */
	private static final int HIGH = Math.max(LOWEST + 1_000, ephemeralLow());

	private FreePort() {
	}

	public static int find() {
		return find(() -> ThreadLocalRandom.current().nextInt(LOWEST, HIGH));
	}

	/** The first candidate not handed out before by this JVM that can be bound now. */
	static synchronized int find(IntSupplier candidates) {
		for (int attempt = 0; attempt < 1_000; attempt++) {
			int port = candidates.getAsInt();
			if (!HANDED_OUT.contains(port) && bindable(port)) {
				HANDED_OUT.add(port);
				return port;
			}
		}
		throw new IllegalStateException("no free local port below the ephemeral range after 1000 tries");
	}

	private static boolean bindable(int port) {
		// the wildcard address: a port free on every interface is free on loopback too
		try (ServerSocket socket = new ServerSocket(port, 1)) {
			return true;
		}
		catch (IOException busy) {
			return false;
		}
	}

	/** The first port of the kernel's ephemeral range, where the kernel says; else Linux's default. */
	static int ephemeralLow() {
		try {
			// not readString: a /proc file reports size 0 and JDK 17 reads only its first byte
			String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
			return Integer.parseInt(range[0]);
		}
		catch (IOException | RuntimeException unknown) {
			return DEFAULT_EPHEMERAL_LOW;
		}
	}

}
