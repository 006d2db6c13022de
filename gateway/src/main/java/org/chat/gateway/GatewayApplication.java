package org.chat.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Socket.IO gateway: WebFlux on Reactor Netty. */
@SpringBootApplication
public class GatewayApplication {

	/** Reactor Netty's system property for the frames one send loop prefetches (default 128). */
	static final String SEND_PREFETCH = "reactor.netty.send.maxPrefetchSize";

	/** Reactor Netty's system property for the threads that only accept connections (default: none). */
	static final String SELECT_THREADS = "reactor.netty.ioSelectCount";

	public static void main(String[] args) {
		tuneReactorNetty();
		SpringApplication.run(GatewayApplication.class, args);
	}

	/**
	 * Every WebSocket keeps one send loop (Reactor Netty's {@code MonoSendMany}) that requests this many frames
	 * and writes all it holds into Netty's outbound buffer, writable or not, where each is copied to direct memory:
	 * with 16, a socket that stopped reading held 16 frames of direct memory (2 MB of 133 KB user lists). With 2,
	 * it holds at most two; the rest waits in the engine's outbound queue, where the byte bound counts it and a
	 * newer user list supersedes an older one (docs/GATEWAY.md "Outbound path"). A smaller queue also saves memory
	 * per idle connection.
	 * <p>
	 * One thread accepts connections, beside the I/O workers. By default Reactor Netty accepts on an I/O worker; in
	 * a reconnect storm that worker is busy with handshakes, the kernel's accept queue ({@code net.core.somaxconn},
	 * 4,096 here and in a pod) overflows, and every dropped handshake waits for the client's TCP to retry after 1, 2,
	 * 4 … s: 5,000 clients coming back at once to one gateway cost ~8,000 dropped handshakes and ~2,000 connect
	 * attempts past the client's 30 s timeout; with the accept thread none (docs/PERFORMANCE.md "Reconnect storm").
	 * <p>
	 * Must run before Reactor Netty's classes load; an explicit {@code -D} wins.
	 */
	public static void tuneReactorNetty() {
		if (System.getProperty(SEND_PREFETCH) == null) {
			System.setProperty(SEND_PREFETCH, "2");
		}
		if (System.getProperty(SELECT_THREADS) == null) {
			System.setProperty(SELECT_THREADS, "1");
		}
	}

}
