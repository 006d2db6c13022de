package org.chat.loadtest.bench;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench's Netty client against an in-process Socket.IO endpoint that pings every 200 ms. */
class NettySioClientIT {

	@Test
	void connectsFromEverySourceAddressAndStaysOpenAcrossPings() throws Exception {
		List<InetAddress> sources = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"));
		try (FakeSocketIoEndpoint endpoint = new FakeSocketIoEndpoint(200);
				NettySioClient client = new NettySioClient(2, Duration.ofSeconds(5))) {
			List<CompletableFuture<Channel>> sockets = Clients.bounded(40, 8,
					i -> client.connect(endpoint.address(), sources.get(i % 2), "user-" + i));
			for (CompletableFuture<Channel> socket : sockets) {
				assertThat(socket.get(10, TimeUnit.SECONDS).isActive()).isTrue();
			}

			Thread.sleep(1200); // 6 ping intervals: two unanswered pings close a socket

			assertThat(endpoint.sources).containsExactlyInAnyOrderElementsOf(sources);
			assertThat(endpoint.timedOut).hasValue(0);
			assertThat(endpoint.pongs.get()).isGreaterThanOrEqualTo(40 * 3);
			assertThat(client.dropped()).isZero();
			assertThat(client.open()).isEqualTo(40);
		}
	}

	@Test
	void connectErrorFailsTheSocket() throws Exception {
		try (FakeSocketIoEndpoint endpoint = new FakeSocketIoEndpoint(200);
				NettySioClient client = new NettySioClient(1, Duration.ofSeconds(5))) {
			CompletableFuture<Channel> socket = client.connect(endpoint.address(), InetAddress.getByName("127.0.0.1"), "bad");

			assertThatThrownBy(() -> socket.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasMessageContaining("CONNECT refused");
			assertThat(client.open()).isZero();
		}
	}

	@Test
	void unansweredConnectTimesOut() throws Exception {
		try (FakeSocketIoEndpoint endpoint = new FakeSocketIoEndpoint(200);
				NettySioClient client = new NettySioClient(1, Duration.ofMillis(500))) {
			long start = System.nanoTime();
			CompletableFuture<Channel> socket = client.connect(endpoint.address(), InetAddress.getByName("127.0.0.1"),
					"silent");

			assertThatThrownBy(() -> socket.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

}
