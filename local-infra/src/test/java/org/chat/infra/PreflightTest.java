package org.chat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PreflightTest {

	@Test
	void reportsOnlyThePortsSomethingListensOn() throws Exception {
		int freePort = FreePort.find();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int busyPort = taken.getLocalPort();

			assertThat(Preflight.busyPorts(java.util.List.of(busyPort, freePort))).containsExactly(busyPort);
		}
	}

}
