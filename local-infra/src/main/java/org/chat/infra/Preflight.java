package org.chat.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chat.infra.redis.RedisBinary;

/**
 * What {@code ./chat up} checks before starting anything, in one JVM start: that every port it
 * will use is free (a clear error instead of a crash loop), and which redis-server to run.
 * {@code Preflight --bin-dir=DIR --ports=9092,6379,...} prints the redis-server path; exit status
 * 3 and a message on stderr when a port is taken.
 */
public final class Preflight {

	static final int PORT_BUSY = 3;

	private static final int CONNECT_TIMEOUT_MILLIS = 300;

	private Preflight() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		LaunchOptions options = LaunchOptions.parse(args, Set.of("bin-dir", "ports"));
		List<Integer> busy = busyPorts(options.stringValue("ports", "CHAT_PREFLIGHT_PORTS", ""));
		if (!busy.isEmpty()) {
			System.err.println("port(s) already in use: " + busy
					+ " (another ./chat up, or another server; change them with the CHAT_*_PORT variables)");
			System.exit(PORT_BUSY);
		}
		Path binDir = options.pathValue("bin-dir", "CHAT_BIN_DIR", Path.of(".chat", "bin")).toAbsolutePath();
		System.out.println(RedisBinary.resolve(binDir));
	}

	static List<Integer> busyPorts(String commaSeparated) {
		List<Integer> busy = new ArrayList<>();
		for (String part : commaSeparated.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			int port = Integer.parseInt(part.trim());
			if (!free(port)) {
				busy.add(port);
			}
		}
		return busy;
	}

	/** Free when nothing answers on the loopback address and the wildcard address can be bound. */
	static boolean free(int port) {
		try (Socket probe = new Socket()) {
			probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
			return false;
		}
		catch (IOException nothingListens) {
			// expected for a free port
		}
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

}
