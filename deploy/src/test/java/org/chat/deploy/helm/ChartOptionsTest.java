package org.chat.deploy.helm;

import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chat.deploy.helm.Workloads.COMPONENTS;
import static org.chat.deploy.helm.Workloads.container;
import static org.chat.deploy.helm.Workloads.env;
import static org.chat.deploy.helm.Workloads.podSpec;
import static org.chat.deploy.helm.Workloads.secretRef;

/** Optional features switched on with --set, and the settings the chart refuses. */
class ChartOptionsTest {

	static final String JWT = "auth.jwtSecret=0123456789abcdef0123456789abcdef";

	static final String LIMIT_CONNECTIONS = "nginx.ingress.kubernetes.io/limit-connections";

	@Test
	void ingressCarriesWebSocketTimeoutsAndCookieAffinityWhilePollingIsOn() {
		RenderedChart chart = RenderedChart.render(JWT, "ingress.enabled=true", "ingress.host=chat.test",
				"ingress.tlsSecretName=chat-tls");
		Map<String, Object> ingress = chart.one("Ingress", "gateway");

		assertThat(Tree.map(ingress, "metadata.annotations"))
			.containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
			.containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600")
			.containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
			.containsEntry("nginx.ingress.kubernetes.io/session-cookie-name", "chat-gw");
		assertThat((String) Tree.at(ingress, "spec.ingressClassName")).isEqualTo("nginx");
		assertThat((String) Tree.at(ingress, "spec.rules[0].host")).isEqualTo("chat.test");
		assertThat((String) Tree.at(ingress, "spec.rules[0].http.paths[0].backend.service.name")).isEqualTo("chat-gateway");
		assertThat((String) Tree.at(ingress, "spec.rules[0].http.paths[0].backend.service.port.name")).isEqualTo("http");
		assertThat((String) Tree.at(ingress, "spec.tls[0].secretName")).isEqualTo("chat-tls");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).containsEntry("CHAT_ENGINE_TRANSPORTS",
				"websocket,polling");
	}

	@Test
	void websocketOnlyGatewaysNeedNoAffinity() {
		RenderedChart chart = RenderedChart.render(JWT, "ingress.enabled=true", "gateway.transports[0]=websocket");
		Map<String, Object> ingress = chart.one("Ingress", "gateway");

		assertThat(Tree.map(ingress, "metadata.annotations")).containsKey("nginx.ingress.kubernetes.io/proxy-read-timeout")
			.doesNotContainKey("nginx.ingress.kubernetes.io/affinity");
		assertThat(Tree.<Object>at(ingress, "spec.tls")).isNull();
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).containsEntry("CHAT_ENGINE_TRANSPORTS", "websocket");
	}

	@Test
	void ingressRoutesOnlySocketIoAndTheWholeGatewayOnlyInDevMode() {
		Map<String, Object> production = RenderedChart.render(JWT, "ingress.enabled=true").one("Ingress", "gateway");
		Map<String, Object> dev = RenderedChart.render(JWT, "ingress.enabled=true", "devMode=true").one("Ingress", "gateway");

		assertThat(Tree.list(production, "spec.rules[0].http.paths")).extracting(p -> p.get("path") + " " + p.get("pathType"))
			.containsExactly("/socket.io/ Prefix");
		assertThat(Tree.list(dev, "spec.rules[0].http.paths")).extracting(p -> p.get("path") + " " + p.get("pathType"))
			.containsExactly("/ Prefix");
	}

	@Test
	void httpRouteRoutesSocketIoToTheGatewayService() {
		RenderedChart chart = RenderedChart.render(JWT, "httpRoute.enabled=true", "httpRoute.parentRefs[0].name=public",
				"httpRoute.parentRefs[0].namespace=gateway-system", "httpRoute.hostnames[0]=chat.test",
				"httpRoute.requestTimeout=0s", "gateway.transports[0]=websocket");
		Map<String, Object> route = chart.one("HTTPRoute", "gateway");

		assertThat(route).containsEntry("apiVersion", "gateway.networking.k8s.io/v1");
		assertThat(Tree.list(route, "spec.parentRefs")).containsExactly(Map.of("name", "public", "namespace", "gateway-system"));
		assertThat(Tree.<List<String>>at(route, "spec.hostnames")).containsExactly("chat.test");
		assertThat(Tree.map(route, "spec.rules[0].matches[0].path")).isEqualTo(Map.of("type", "PathPrefix", "value", "/socket.io/"));
		assertThat(Tree.list(route, "spec.rules[0].backendRefs")).containsExactly(Map.of("name", "chat-gateway", "port", 8080));
		assertThat(Tree.map(route, "spec.rules[0].timeouts")).containsEntry("request", "0s");
		assertThat(chart.ofKind("Ingress")).isEmpty();
	}

	@Test
	void httpRouteWithPollingNeedsSessionAffinityAcknowledged() {
		assertThatThrownBy(() -> RenderedChart.render(JWT, "httpRoute.enabled=true", "httpRoute.parentRefs[0].name=public"))
			.hasMessageContaining("HTTPRoutes have no session persistence")
			.hasMessageContaining("httpRoute.sessionAffinityConfigured=true");
		assertThat(RenderedChart.render(JWT, "httpRoute.enabled=true", "httpRoute.parentRefs[0].name=public",
				"httpRoute.sessionAffinityConfigured=true").ofKind("HTTPRoute")).hasSize(1);
		assertThatThrownBy(() -> RenderedChart.render(JWT, "httpRoute.enabled=true", "gateway.transports[0]=websocket"))
			.hasMessageContaining("httpRoute.parentRefs must name at least one Gateway");
	}

	@Test
	void imagesCanBePinnedByDigest() {
		String digest = "sha256:" + "ab".repeat(32);
		RenderedChart chart = RenderedChart.render(JWT, "image.registry=ghcr.io/acme", "image.tag=1.2.3",
				"gateway.image.digest=" + digest);

		assertThat((String) container(chart.one("Deployment", "gateway")).get("image"))
			.isEqualTo("ghcr.io/acme/chat/gateway@" + digest);
		assertThat((String) container(chart.one("Deployment", "message-service")).get("image"))
			.isEqualTo("ghcr.io/acme/chat/message-service:1.2.3");
	}

	@Test
	void olderKubernetesIsRefused() {
		assertThatThrownBy(() -> RenderedChart.renderFor("v1.26.9", JWT)).hasMessageContaining("kubeVersion");
		assertThat(RenderedChart.renderFor("v1.27.0", JWT).ofKind("Deployment")).hasSize(3);
	}

	@Test
	void cpuRequestSetsTheJvmsProcessorCountAndMemoryBudgetsMustFit() {
		RenderedChart chart = RenderedChart.render(JWT, "gateway.resources.cpu=2500m", "messageService.resources.cpu=2");

		assertThat(JvmFlags.of(chart.one("Deployment", "gateway")).flags()).contains("-XX:ActiveProcessorCount=3");
		assertThat(JvmFlags.of(chart.one("Deployment", "message-service")).flags()).contains("-XX:ActiveProcessorCount=2");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "gateway.jvm.heapMiB=900"))
			.hasMessageContaining("gateway: jvm heapMiB + directMemoryMiB + metaspaceMiB + codeCacheMiB + nativeReserveMiB = 1380 MiB exceeds resources.memoryMiB 1024");
	}

	@Test
	void prometheusRuleCarriesTheDocumentedAlertsScopedToTheRelease() {
		RenderedChart chart = RenderedChart.render(JWT, "prometheusRule.enabled=true", "prometheusRule.labels.release=prometheus",
				"prometheusRule.consumerLagThreshold=5000");
		Map<String, Object> rule = chart.one("PrometheusRule", "");
		List<Map<String, Object>> rules = Tree.list(rule, "spec.groups[0].rules");

		assertThat(Tree.map(rule, "metadata.labels")).containsEntry("release", "prometheus");
		assertThat(rules).extracting(r -> r.get("alert")).containsExactly("ChatConsumerLag", "ChatDeliveryLatencyHigh",
				"ChatSyncSlow", "ChatConnectSlow", "ChatBackendUnavailable", "ChatClientsShed", "ChatFanoutFailures");
		assertThat((String) rules.get(2).get("expr")).contains("chat_gateway_ack_latency_seconds_bucket{")
			.contains("event=\"sync_messages\"")
			.endsWith("> 1");
		assertThat((String) rules.get(3).get("expr")).contains("chat_gateway_connect_latency_seconds_bucket{")
			.contains("result=\"ok\"")
			.endsWith("> 0.5");
		assertThat(rules).allSatisfy(r -> assertThat((String) r.get("expr")).contains("namespace=\"chat-test\""));
		assertThat((String) rules.get(0).get("expr")).startsWith("max by (job) (kafka_consumer_fetch_manager_records_lag_max{")
			.endsWith("> 5000");
		assertThat((String) Tree.at(rules.get(0), "annotations.summary")).contains("{{ $labels.job }}");
	}

	@Test
	void ingressLimitsConcurrentConnectionsPerClientAddress() {
		Map<String, Object> byDefault = RenderedChart.render(JWT, "ingress.enabled=true").one("Ingress", "gateway");
		Map<String, Object> raised = RenderedChart.render(JWT, "ingress.enabled=true", "ingress.connectionsPerAddress=2500")
			.one("Ingress", "gateway");
		Map<String, Object> off = RenderedChart.render(JWT, "ingress.enabled=true", "ingress.connectionsPerAddress=0")
			.one("Ingress", "gateway");

		assertThat(Tree.map(byDefault, "metadata.annotations")).containsEntry(LIMIT_CONNECTIONS, "100");
		assertThat(Tree.map(raised, "metadata.annotations")).containsEntry(LIMIT_CONNECTIONS, "2500");
		assertThat(Tree.map(off, "metadata.annotations")).doesNotContainKey(LIMIT_CONNECTIONS)
			.containsKey("nginx.ingress.kubernetes.io/proxy-read-timeout");
	}

	@Test
	void gatewayLimitComesOnWhereTheGatewaySeesClientAddresses() {
		RenderedChart chart = RenderedChart.render(JWT, "gateway.service.type=LoadBalancer",
				"gateway.service.externalTrafficPolicy=Local", "gateway.maxConnectionsPerAddress=50");

		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data"))
			.containsEntry("CHAT_ENGINE_MAXCONNECTIONSPERADDRESS", "50");
		assertThat(Tree.map(chart.one("Service", "gateway"), "spec")).containsEntry("type", "LoadBalancer")
			.containsEntry("externalTrafficPolicy", "Local");
		for (String component : COMPONENTS) {
			assertThat(Tree.map(chart.one("Service", component + "-management"), "spec"))
				.containsEntry("type", "ClusterIP")
				.doesNotContainKey("externalTrafficPolicy");
		}
	}

	@Test
	void serviceMonitorScrapesThePrometheusEndpointOfAllComponents() {
		RenderedChart chart = RenderedChart.render(JWT, "serviceMonitor.enabled=true",
				"serviceMonitor.labels.release=prometheus");
		Map<String, Object> monitor = chart.one("ServiceMonitor", "");

		assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
		assertThat(Tree.map(monitor, "metadata.labels")).containsEntry("release", "prometheus");
		assertThat(Tree.list(monitor, "spec.endpoints").get(0)).containsEntry("port", "management")
			.containsEntry("path", "/actuator/prometheus");
		Map<String, Object> selector = Tree.map(monitor, "spec.selector.matchLabels");
		for (String component : COMPONENTS) {
			assertThat(Tree.map(chart.one("Service", component + "-management"), "metadata.labels"))
				.containsAllEntriesOf(selector);
		}
		// the client Service has no management port to scrape, and is not selected
		assertThat(Tree.map(chart.one("Service", "gateway"), "metadata.labels")).doesNotContainKey("app.kubernetes.io/port");
		assertThat(Tree.<List<String>>at(monitor, "spec.namespaceSelector.matchNames")).containsExactly(RenderedChart.NAMESPACE);
	}

	@Test
	void existingSecretReplacesTheChartSecret() {
		RenderedChart chart = RenderedChart.render("existingSecret=chat-credentials", "redis.password=ignored");

		assertThat(chart.ofKind("Secret")).isEmpty();
		Map<String, Object> gateway = chart.one("Deployment", "gateway");
		assertThat(secretRef(gateway, "CHAT_AUTH_JWT_SECRET")).isEqualTo("chat-credentials/jwt-secret");
		assertThat(secretRef(chart.one("Deployment", "message-service"), "SPRING_MONGODB_URI"))
			.isEqualTo("chat-credentials/mongodb-uri");
		for (String component : COMPONENTS) {
			assertThat(secretRef(chart.one("Deployment", component), "SPRING_DATA_REDIS_PASSWORD"))
				.isEqualTo("chat-credentials/redis-password");
		}
	}

	@Test
	void credentialsCanComeFromTheirOwnSecrets() {
		RenderedChart chart = RenderedChart.render(JWT, "mongodb.existingSecret=chat-mongodb-chat-chat",
				"mongodb.existingSecretKey=connectionString.standard", "mongodb.database=chat", "redis.existingSecret=redis",
				"kafka.sasl.mechanism=SCRAM-SHA-512", "kafka.sasl.existingSecret=chat-user",
				"kafka.sasl.existingSecretKey=sasl.jaas.config");
		Map<String, Object> messages = chart.one("Deployment", "message-service");

		assertThat(secretRef(messages, "SPRING_MONGODB_URI")).isEqualTo("chat-mongodb-chat-chat/connectionString.standard");
		assertThat(Tree.map(chart.one("ConfigMap", "message-service"), "data")).containsEntry("SPRING_MONGODB_DATABASE", "chat");
		assertThat(secretRef(messages, "SPRING_DATA_REDIS_PASSWORD")).isEqualTo("redis/redis-password");
		assertThat(secretRef(messages, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEqualTo("chat-user/sasl.jaas.config");
		assertThat(Tree.map(chart.one("Secret", ""), "data")).containsOnlyKeys("jwt-secret");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data"))
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
	}

	@Test
	void jwkSetUriAndSharedSecretMayBeCombined() {
		RenderedChart chart = RenderedChart.render(JWT, "auth.jwkSetUri=https://id.example.com/jwks");

		assertThat(secretRef(chart.one("Deployment", "gateway"), "CHAT_AUTH_JWT_SECRET")).isEqualTo("chat/jwt-secret");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data"))
			.containsEntry("CHAT_AUTH_JWK_SET_URI", "https://id.example.com/jwks");
	}

	@Test
	void withJwkSetUriTheSharedSecretInExistingSecretIsOptional() {
		RenderedChart chart = RenderedChart.render("existingSecret=chat-credentials",
				"auth.jwkSetUri=https://id.example.com/jwks");
		Map<String, Object> ref = Tree.map(env(chart.one("Deployment", "gateway")).get("CHAT_AUTH_JWT_SECRET"),
				"valueFrom.secretKeyRef");

		assertThat(ref).containsEntry("name", "chat-credentials").containsEntry("optional", true);
		Map<String, Object> required = Tree.map(
				env(RenderedChart.render("existingSecret=chat-credentials").one("Deployment", "gateway"))
					.get("CHAT_AUTH_JWT_SECRET"), "valueFrom.secretKeyRef");
		assertThat(required).doesNotContainKey("optional");
	}

	@Test
	void jwkSetUriReplacesTheSharedSecret() {
		RenderedChart chart = RenderedChart.render("auth.jwkSetUri=https://id.example.com/jwks",
				"auth.issuer=https://id.example.com", "auth.audience=chat");

		assertThat(env(chart.one("Deployment", "gateway"))).doesNotContainKey("CHAT_AUTH_JWT_SECRET");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data"))
			.containsEntry("CHAT_AUTH_JWK_SET_URI", "https://id.example.com/jwks")
			.containsEntry("CHAT_AUTH_ISSUER", "https://id.example.com")
			.containsEntry("CHAT_AUTH_AUDIENCE", "chat");
		assertThat(Tree.map(chart.one("Secret", ""), "data")).doesNotContainKey("jwt-secret");
	}

	@Test
	void withoutAnyAuthSettingTheGatewayGetsNoSecretToGuess() {
		RenderedChart chart = RenderedChart.render();

		assertThat(env(chart.one("Deployment", "gateway"))).doesNotContainKey("CHAT_AUTH_JWT_SECRET");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).doesNotContainKey("CHAT_AUTH_JWK_SET_URI");
		assertThat(Tree.map(chart.one("Secret", ""), "data")).containsOnlyKeys("mongodb-uri");
	}

	@Test
	void tlsFlagsSwitchProtocolsAndMountTheCaCertificates() {
		RenderedChart chart = RenderedChart.render(JWT, "kafka.tls.enabled=true", "kafka.tls.caSecret=kafka-ca",
				"redis.tls.enabled=true", "redis.tls.caSecret=redis-ca", "mongodb.tls.caSecret=mongo-ca");
		Map<String, Object> gatewayConfig = Tree.map(chart.one("ConfigMap", "gateway"), "data");

		assertThat(gatewayConfig).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL")
			.containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "true")
			.containsEntry("SPRING_KAFKA_SSL_BUNDLE", "kafka")
			.containsEntry("SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE", "file:/etc/chat/tls/kafka/ca.crt")
			.containsEntry("SPRING_DATA_REDIS_SSL_BUNDLE", "redis")
			.doesNotContainKey("SPRING_MONGODB_SSL_BUNDLE");
		assertThat(Tree.map(chart.one("ConfigMap", "message-service"), "data"))
			.containsEntry("SPRING_MONGODB_SSL_BUNDLE", "mongodb")
			.containsEntry("SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE", "file:/etc/chat/tls/mongodb/ca.crt");
		Map<String, Object> messages = chart.one("Deployment", "message-service");
		assertThat(Tree.list(container(messages), "volumeMounts")).extracting(m -> m.get("mountPath"))
			.contains("/etc/chat/tls/kafka", "/etc/chat/tls/redis", "/etc/chat/tls/mongodb");
		assertThat(Tree.list(podSpec(messages), "volumes")).extracting(v -> Tree.<String>at(v, "secret.secretName"))
			.contains("kafka-ca", "redis-ca", "mongo-ca");
		assertThat(Tree.list(container(chart.one("Deployment", "gateway")), "volumeMounts")).extracting(m -> m.get("mountPath"))
			.doesNotContain("/etc/chat/tls/mongodb");
	}

	@Test
	void withoutAutoscalingTheDeploymentsSetReplicas() {
		RenderedChart chart = RenderedChart.render(JWT, "gateway.autoscaling.enabled=false", "gateway.replicaCount=3",
				"messageService.pdb.enabled=false");

		assertThat(chart.ofKind("HorizontalPodAutoscaler")).hasSize(2);
		assertThat((Integer) Tree.at(chart.one("Deployment", "gateway"), "spec.replicas")).isEqualTo(3);
		assertThat(chart.ofKind("PodDisruptionBudget")).hasSize(2);
	}

	@Test
	void extraConfigRegistryAndDevModeReachThePods() {
		RenderedChart chart = RenderedChart.render(JWT, "image.registry=ghcr.io/acme", "image.tag=1.2.3", "devMode=true",
				"gateway.config.CHAT_ENGINE_PING_INTERVAL=25s", "gateway.preStopSleepSeconds=15",
				"gateway.terminationGracePeriodSeconds=60");
		Map<String, Object> gateway = chart.one("Deployment", "gateway");

		assertThat((String) container(gateway).get("image")).isEqualTo("ghcr.io/acme/chat/gateway:1.2.3");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).containsEntry("CHAT_DEV_ENABLED", "true")
			.containsEntry("CHAT_ENGINE_PING_INTERVAL", "25s");
		assertThat(Tree.<List<String>>at(container(gateway), "lifecycle.preStop.exec.command")).containsExactly("sleep", "15");
		assertThat(podSpec(gateway)).containsEntry("terminationGracePeriodSeconds", 60);
	}

	@Test
	void invalidOrWeakSettingsFailWithAClearMessage() {
		assertThatThrownBy(() -> RenderedChart.render(JWT, "kafka.topicReplicationFactor=0"))
			.hasMessageContaining("kafka.topicReplicationFactor must be at least 1");
		assertThatThrownBy(() -> RenderedChart.render("auth.jwtSecret=short"))
			.hasMessageContaining("at least 32 characters");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "gateway.autoscaling.minReplicas=5",
				"gateway.autoscaling.maxReplicas=3"))
			.hasMessageContaining("gateway.autoscaling.minReplicas must not exceed maxReplicas");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "mongodb.uri="))
			.hasMessageContaining("mongodb.uri");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "gateway.maxConnectionsPerAddress=-1"))
			.hasMessageContaining("gateway.maxConnectionsPerAddress must be at least 0");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "ingress.enabled=true", "ingress.connectionsPerAddress=-1"))
			.hasMessageContaining("ingress.connectionsPerAddress must be at least 0");
		// Kubernetes rejects an external traffic policy on a ClusterIP Service
		assertThatThrownBy(() -> RenderedChart.render(JWT, "gateway.service.externalTrafficPolicy=Local"))
			.hasMessageContaining("gateway.service.externalTrafficPolicy needs gateway.service.type LoadBalancer or NodePort");
	}

}
