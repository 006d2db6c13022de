package org.chat.deploy.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jwt.SignedJWT;
import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm test}: the rendered hook pod, and the very program its ConfigMap carries, run with this JDK
 * against a Socket.IO endpoint that checks the token the way the gateway does.
 */
class HandshakeHookTest {

	static final String SECRET = "0123456789abcdef0123456789abcdef-hook";

	@TempDir
	Path scratch;

	@Test
	void theTestPodRunsTheHandshakeAgainstTheGatewayServiceWithTheReleaseSecret() {
		RenderedChart chart = RenderedChart.renderWithHooks(this.scratch, "auth.jwtSecret=" + SECRET,
				"auth.issuer=https://id.example.com", "auth.audience=chat");
		Map<String, Object> pod = chart.one("Pod", "test-handshake");
		Map<String, Object> container = Tree.list(pod, "spec.containers").get(0);

		assertThat(Tree.map(pod, "metadata.annotations")).containsEntry(RenderedChart.HOOK_PREFIX + "helm.sh/hook", "test");
		assertThat(Tree.map(pod, "metadata.labels")).containsEntry("app.kubernetes.io/component", "test");
		assertThat(Tree.map(pod, "spec")).containsEntry("restartPolicy", "Never");
		assertThat(Tree.<List<String>>at(container, "command")).containsExactly("java", "-XX:+UseSerialGC", "-Xmx160m",
				"/scripts/Handshake.java");
		Map<String, Map<String, Object>> env = new java.util.HashMap<>();
		Tree.list(container, "env").forEach(e -> env.put((String) e.get("name"), e));
		assertThat(env.get("CHAT_GATEWAY_URL")).containsEntry("value", "http://chat-gateway:8080");
		assertThat(env.get("CHAT_AUTH_ISSUER")).containsEntry("value", "https://id.example.com");
		assertThat(Tree.map(env.get("CHAT_AUTH_JWT_SECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "chat", "key", "jwt-secret"));
		assertThat(Tree.map(chart.one("ConfigMap", "test-handshake"), "metadata.annotations"))
			.containsEntry(RenderedChart.HOOK_PREFIX + "helm.sh/hook", "test");
	}

	@Test
	void mintsATokenTheGatewayAcceptsAndCompletesTheHandshake() throws Exception {
		try (FakeSocketIoGateway gateway = new FakeSocketIoGateway(SECRET,
				jwt -> claim(jwt, "iss").equals("https://id.example.com") && claim(jwt, "aud").contains("chat"))) {
			Run run = handshake(Map.of("CHAT_GATEWAY_URL", gateway.url(), "CHAT_AUTH_JWT_SECRET", SECRET,
					"CHAT_AUTH_ISSUER", "https://id.example.com", "CHAT_AUTH_AUDIENCE", "chat"));

			assertThat(run.exit()).as(run.output()).isZero();
			assertThat(run.output()).contains("OK: Socket.IO handshake completed");
			assertThat(gateway.request.get(5, TimeUnit.SECONDS)).startsWith("GET /socket.io/?EIO=4&transport=websocket ");
			SignedJWT token = gateway.acceptedToken.get(5, TimeUnit.SECONDS);
			assertThat(token.getJWTClaimsSet().getSubject()).startsWith("helm-test-");
		}
	}

	@Test
	void failsWhenTheGatewayRefusesItsToken() throws Exception {
		try (FakeSocketIoGateway gateway = new FakeSocketIoGateway("another-secret-of-at-least-32-bytes!", jwt -> true)) {
			Run run = handshake(Map.of("CHAT_GATEWAY_URL", gateway.url(), "CHAT_AUTH_JWT_SECRET", SECRET));

			assertThat(run.exit()).as(run.output()).isEqualTo(1);
			assertThat(run.output()).contains("44{\"message\":\"unauthorized\"}").contains("FAILED: expected CONNECT");
		}
	}

	@Test
	void withoutASecretItChecksThatAnUnsignedTokenIsRefused() throws Exception {
		try (FakeSocketIoGateway gateway = new FakeSocketIoGateway(SECRET, jwt -> true)) {
			Run run = handshake(Map.of("CHAT_GATEWAY_URL", gateway.url()));

			assertThat(run.exit()).as(run.output()).isZero();
			assertThat(run.output()).contains("unsigned CONNECT refused");
			assertThat(gateway.acceptedToken).isNotDone();
		}
	}

	record Run(int exit, String output) {
	}

	/** Runs files/Handshake.java as the pod does, taken from the rendered ConfigMap. */
	private Run handshake(Map<String, String> env) throws IOException, InterruptedException {
		RenderedChart chart = RenderedChart.renderWithHooks(this.scratch.resolve("chart"), "auth.jwtSecret=" + SECRET);
		Path program = this.scratch.resolve("Handshake.java");
		Files.writeString(program, (String) Tree.map(chart.one("ConfigMap", "test-handshake"), "data").get("Handshake.java"));
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx160m", program.toString())
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf(k -> k.startsWith("CHAT_"));
		builder.environment().putAll(env);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("handshake program did not end: " + output);
		}
		return new Run(process.exitValue(), output);
	}

	private static String claim(SignedJWT jwt, String name) {
		try {
			return String.valueOf(jwt.getJWTClaimsSet().getClaim(name));
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
