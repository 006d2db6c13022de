package org.chat.presence.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.Typing;
import org.chat.presence.support.PresenceItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/prometheus} carries the presence meters, moved by a real session, typing and sweep. */
class MetricsIT extends PresenceItSupport {

	@LocalManagementPort
	private int port;

	@Test
	void scrapeHasPresenceMetersAndConsumerLag() throws Exception {
		String before = scrape();
		String gateway = unique("gw-metrics");
		String alice = unique("alice");
		gatewayAlive(gateway, Duration.ofMinutes(10));
		produce(envelope(EventType.SESSION_REGISTERED, alice, "s1", gateway, 1, null));
		produce(envelope(EventType.TYPING, alice, "s1", gateway, 1, new Typing(unique("bob"), true)));
		await().atMost(WAIT).until(() -> isOnline(alice));
		await().atMost(WAIT).until(() -> value(scrape(), "chat_presence_online_users") >= 1
				&& moved(before, scrape(), "chat_presence_typing_expired_total")
				&& moved(before, scrape(), "chat_presence_user_list_broadcasts_total"));

		gatewayAlive(gateway, Duration.ofMillis(200)); // the gateway dies; the sweeper removes alice's session
		await().atMost(WAIT).until(() -> moved(before, scrape(), "chat_presence_swept_sessions_total"));

		String after = scrape();
		assertThat(after).contains("# TYPE chat_presence_online_users gauge",
				"# TYPE chat_presence_swept_gateways_total counter", "kafka_consumer_fetch_manager_records_lag_max");
		assertThat(moved(before, after, "chat_presence_swept_gateways_total")).isTrue();
	}

	private static boolean moved(String before, String after, String name) {
		return value(after, name) > value(before, name);
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The sum over all series of {@code name}; 0 when absent. */
	private static double value(String scrape, String name) {
		return scrape.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
