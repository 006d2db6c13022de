package org.chat.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * What {@code ./chat up} checks before starting anything: that every port it will use is free, so a taken port is a
 * clear error naming it instead of a crash loop.
 */
public final class Preflight {

	private static final int CONNECT_TIMEOUT_MILLIS = 300;

	private Preflight() {
	}

	public static List<Integer> busyPorts(List<Integer> ports) {
		return ports.stream().distinct().filter(port -> !free(port)).toList();
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
