package org.chat.gateway.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.chat.gateway.web.RawWebSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application in conformance mode: it starts with no Kafka, Redis or Mongo and answers like the
 * reference servers (Socket.IO at /socket.io/, raw Engine.IO echo at /engine.io/).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// the suites' 300/200 ms heartbeat is too tight for a loaded CI machine; the suites run it for real
		properties = { "chat.engine.ping-interval=5s", "chat.engine.ping-timeout=5s", "chat.engine.connect-timeout=10s" })
@ActiveProfiles("conformance")
class ConformanceModeTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Environment environment;

	private URI uri(String scheme, String path) {
		return URI.create(scheme + "://127.0.0.1:" + port + path);
	}

	@Test
	void socketIoNamespacesBehaveLikeTheReferenceServer() throws Exception {
		try (RawWebSocket socket = RawWebSocket.connect(uri("ws", "/socket.io/?EIO=4&transport=websocket"))) {
			assertThat(socket.nextText()).startsWith("0{").contains("\"pingInterval\":5000,\"pingTimeout\":5000,\"maxPayload\":1000000");
			socket.send("40{\"token\":\"123\"}");
			assertThat(socket.nextText()).startsWith("40{\"sid\":");
			assertThat(socket.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
			socket.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
			assertThat(socket.nextText()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
			socket.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
			assertThat(socket.nextText()).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
			socket.send("40/custom,");
			assertThat(socket.nextText()).startsWith("40/custom,{\"sid\":");
			assertThat(socket.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
			socket.send("40/random");
			assertThat(socket.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
		}
	}

	@Test
	void theRawEngineIoEndpointEchoesTextAndBinary() throws Exception {
		try (RawWebSocket socket = RawWebSocket.connect(uri("ws", "/engine.io/?EIO=4&transport=websocket"))) {
			assertThat(socket.nextText()).startsWith("0{");
			socket.send("4hello");
			assertThat(socket.nextText()).isEqualTo("4hello");
			socket.send(new byte[] { 1, 2, 3, 4 });
			assertThat(socket.nextBinary()).containsExactly(1, 2, 3, 4);
		}
	}

	@Test
	void healthIsUpWithoutAnyBackingSystem() throws Exception {
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	/** Spring Boot silently ignores an exclusion whose class is absent: such a line only misleads the reader. */
	@Test
	void excludesOnlyAutoConfigurationsTheGatewayHas() {
		assertThat(Binder.get(environment).bind("spring.autoconfigure.exclude", Bindable.listOf(String.class)).get())
			.isNotEmpty()
			.allSatisfy(name -> assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isTrue());
	}

}
