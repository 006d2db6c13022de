package org.chat.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reactor Netty's settings the gateway needs before its classes load; an explicit -D wins. */
class GatewayApplicationTest {

	private String prefetch;

	private String selectThreads;

	@BeforeEach
	void saveAndClear() {
		this.prefetch = System.clearProperty(GatewayApplication.SEND_PREFETCH);
		this.selectThreads = System.clearProperty(GatewayApplication.SELECT_THREADS);
	}

	@AfterEach
	void restore() {
		restore(GatewayApplication.SEND_PREFETCH, this.prefetch);
		restore(GatewayApplication.SELECT_THREADS, this.selectThreads);
	}

	@Test
	void oneThreadAcceptsConnectionsAndEachSendLoopPrefetchesTwoFrames() {
		GatewayApplication.tuneReactorNetty();

		assertThat(System.getProperty(GatewayApplication.SELECT_THREADS)).isEqualTo("1");
		assertThat(System.getProperty(GatewayApplication.SEND_PREFETCH)).isEqualTo("2");
	}

	@Test
	void anExplicitSettingWins() {
		System.setProperty(GatewayApplication.SELECT_THREADS, "0");
		System.setProperty(GatewayApplication.SEND_PREFETCH, "8");

		GatewayApplication.tuneReactorNetty();

		assertThat(System.getProperty(GatewayApplication.SELECT_THREADS)).isEqualTo("0");
		assertThat(System.getProperty(GatewayApplication.SEND_PREFETCH)).isEqualTo("8");
	}

	private static void restore(String key, String value) {
		if (value == null) {
			System.clearProperty(key);
		}
		else {
			System.setProperty(key, value);
		}
	}

}
