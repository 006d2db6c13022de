package org.chat.deploy.helm;

import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.deploy.helm.Workloads.COMPONENTS;
import static org.chat.deploy.helm.Workloads.container;
import static org.chat.deploy.helm.Workloads.env;
import static org.chat.deploy.helm.Workloads.podSpec;
import static org.chat.deploy.helm.Workloads.secretRef;

/** The chart as a user installs it with only a JWT secret and a Redis password set. */
class ChartDefaultsTest {

	static final String JWT = "0123456789abcdef0123456789abcdef-jwt";

	static RenderedChart chart;

	@BeforeAll
	static void render() {
		chart = RenderedChart.render("auth.jwtSecret=" + JWT, "redis.password=s3cret");
	}

	@Test
	void rendersEveryCoreObjectAndNoOptionalOne() {
		for (String component : COMPONENTS) {
			chart.one("Deployment", component);
			chart.one("Service", component + "-management");
			chart.one("ConfigMap", component);
			chart.one("HorizontalPodAutoscaler", component);
			chart.one("PodDisruptionBudget", component);
			chart.one("NetworkPolicy", component);
		}
		chart.one("Service", "gateway");
		chart.one("Secret", "");
		chart.one("ServiceAccount", "");
		for (String optional : List.of("Ingress", "HTTPRoute", "ServiceMonitor", "PrometheusRule", "ScaledObject")) {
			assertThat(chart.ofKind(optional)).as(optional).isEmpty();
		}
		assertThat(chart.all()).hasSize(3 * 6 + 3);
	}

	static final Map<String, Object> MANAGEMENT_PORT = Map.of("name", "management", "containerPort", 8070, "protocol",
			"TCP");

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "message-service", "presence-service" })
	void probesAndMetricsUseTheManagementPortOnly(String component) {
		Map<String, Object> deployment = chart.one("Deployment", component);
		Map<String, Object> container = container(deployment);

		assertThat((String) Tree.at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) Tree.at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
		assertThat((String) Tree.at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			assertThat((String) Tree.at(container, probe + ".httpGet.port")).isEqualTo("management");
		}
		assertThat(Tree.map(chart.one("ConfigMap", component), "data")).containsEntry("MANAGEMENT_SERVER_PORT", "8070");
		assertThat(Tree.map(deployment, "spec.template.metadata.annotations"))
			.containsEntry("prometheus.io/scrape", "true")
			.containsEntry("prometheus.io/port", "8070")
			.containsEntry("prometheus.io/path", "/actuator/prometheus");
		Map<String, Object> management = chart.one("Service", component + "-management");
		assertThat(Tree.map(management, "spec")).containsEntry("clusterIP", "None").containsEntry("type", "ClusterIP");
		assertThat(Tree.list(management, "spec.ports"))
			.containsExactly(Map.of("name", "management", "port", 8070, "targetPort", "management", "protocol", "TCP"));
		assertThat(Tree.map(management, "spec.selector")).isEqualTo(Tree.map(deployment, "spec.selector.matchLabels"))
			.containsEntry("app.kubernetes.io/component", component);
	}

	@Test
	void onlyTheGatewayHasAClientPortAndItsServiceCarriesNothingElse() {
		Map<String, Object> gateway = chart.one("Deployment", "gateway");

		assertThat(Tree.<List<Map<String, Object>>>at(container(gateway), "ports"))
			.containsExactly(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"), MANAGEMENT_PORT);
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).containsEntry("SERVER_PORT", "8080");
		assertThat(Tree.list(chart.one("Service", "gateway"), "spec.ports"))
			.containsExactly(Map.of("name", "http", "port", 8080, "targetPort", "http", "protocol", "TCP"));
		for (String service : List.of("message-service", "presence-service")) {
			assertThat(Tree.<List<Map<String, Object>>>at(container(chart.one("Deployment", service)), "ports"))
				.containsExactly(MANAGEMENT_PORT);
			assertThat(chart.names()).doesNotContain("Service/chat-" + service);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "message-service", "presence-service" })
	void podsRunNonRootOnAReadOnlyRootWithAWritableTmp(String component) {
		Map<String, Object> deployment = chart.one("Deployment", component);

		assertThat(Tree.map(podSpec(deployment), "securityContext")).containsEntry("runAsNonRoot", true)
			.containsEntry("runAsUser", 10001);
		assertThat(Tree.map(container(deployment), "securityContext"))
			.containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false);
		assertThat(Tree.<List<String>>at(container(deployment), "securityContext.capabilities.drop")).containsExactly("ALL");
		assertThat(Tree.list(container(deployment), "volumeMounts"))
			.contains(Map.of("name", "tmp", "mountPath", "/tmp"));
		assertThat(Tree.list(podSpec(deployment), "volumes")).anySatisfy(v -> {
			assertThat(v).containsEntry("name", "tmp");
			assertThat(v).containsKey("emptyDir");
		});
		assertThat(podSpec(deployment)).containsEntry("automountServiceAccountToken", false);
	}

	@ParameterizedTest
	@CsvSource({ "gateway,1,1024,512,192", "message-service,500m,768,384,64", "presence-service,250m,640,256,64" })
	void jvmMemoryIsBoundedBelowALimitThatEqualsTheRequest(String component, String cpu, int memoryMiB, int heapMiB,
			int directMiB) {
		Map<String, Object> deployment = chart.one("Deployment", component);
		Map<String, Object> resources = Tree.map(container(deployment), "resources");
		JvmFlags jvm = JvmFlags.of(deployment);

		assertThat(Tree.map(resources, "requests")).containsEntry("cpu", cpu).containsEntry("memory", memoryMiB + "Mi");
		assertThat(Tree.map(resources, "limits")).containsOnlyKeys("memory").containsEntry("memory", memoryMiB + "Mi");
		assertThat(jvm.mib("-Xms")).isEqualTo(heapMiB);
		assertThat(jvm.mib("-Xmx")).isEqualTo(heapMiB);
		assertThat(jvm.mib("-XX:MaxDirectMemorySize=")).isEqualTo(directMiB);
		// heap, direct memory, metaspace and code cache are all capped, and leave room for thread stacks and GC
		assertThat(jvm.boundedMiB()).isLessThanOrEqualTo(memoryMiB - 64);
		// sub-core requests still get one core's worth of threads
		assertThat(jvm.flags()).contains("-XX:ActiveProcessorCount=1", "-XX:+ExitOnOutOfMemoryError");
	}

	@Test
	void noDeploymentJoinsItsConsumerGroupAsAStaticMember() {
		// pod names of a Deployment change on every rollout: a departed static member would hold its partitions
		// for the session timeout
		for (String component : List.of("message-service", "presence-service", "gateway")) {
			assertThat(env(chart.one("Deployment", component))).doesNotContainKey("CHAT_INSTANCE_ID");
		}
	}

	@Test
	void rolloutsWaitForNewPodsToStayReady() {
		for (String component : COMPONENTS) {
			assertThat(Tree.map(chart.one("Deployment", component), "spec")).containsEntry("minReadySeconds", 10);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "message-service", "presence-service" })
	void replicasPreferDifferentNodes(String component) {
		Map<String, Object> deployment = chart.one("Deployment", component);
		List<Map<String, Object>> preferred = Tree.list(podSpec(deployment),
				"affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution");

		assertThat(Tree.<Object>at(podSpec(deployment), "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution")).isNull();
		assertThat(preferred).anySatisfy(term -> {
			assertThat((String) Tree.at(term, "podAffinityTerm.topologyKey")).isEqualTo("kubernetes.io/hostname");
			assertThat(Tree.map(term, "podAffinityTerm.labelSelector.matchLabels"))
				.isEqualTo(Tree.map(deployment, "spec.selector.matchLabels"));
		});
	}

	@Test
	void gatewayDrainsBeforeItStops() {
		Map<String, Object> gateway = chart.one("Deployment", "gateway");

		assertThat(podSpec(gateway)).containsEntry("terminationGracePeriodSeconds", 40);
		assertThat(Tree.<List<String>>at(container(gateway), "lifecycle.preStop.exec.command")).containsExactly("sleep", "10");
		for (String service : List.of("message-service", "presence-service")) {
			assertThat(Tree.<Object>at(container(chart.one("Deployment", service)), "lifecycle")).isNull();
		}
	}

	@Test
	void gatewayIdIsThePodName() {
		Map<String, Object> entry = env(chart.one("Deployment", "gateway")).get("CHAT_GATEWAY_ID");

		assertThat((String) Tree.at(entry, "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.name");
	}

	@Test
	void backendsComeFromTheConfigMapAndCredentialsFromTheSecret() {
		for (String component : COMPONENTS) {
			Map<String, Object> deployment = chart.one("Deployment", component);
			assertThat((String) Tree.at(container(deployment), "envFrom[0].configMapRef.name")).isEqualTo("chat-" + component);
			assertThat(Tree.map(chart.one("ConfigMap", component), "data"))
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
				.containsEntry("SPRING_DATA_REDIS_HOST", "redis-master")
				.containsEntry("SPRING_DATA_REDIS_PORT", "6379")
				.containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "false");
			assertThat(secretRef(deployment, "SPRING_DATA_REDIS_PASSWORD")).isEqualTo("chat/redis-password");
		}
		Map<String, Object> gateway = chart.one("Deployment", "gateway");
		assertThat(secretRef(gateway, "CHAT_AUTH_JWT_SECRET")).isEqualTo("chat/jwt-secret");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).containsEntry("CHAT_DEV_ENABLED", "false")
			.doesNotContainKey("CHAT_AUTH_JWK_SET_URI");
		assertThat(secretRef(chart.one("Deployment", "message-service"), "SPRING_MONGODB_URI")).isEqualTo("chat/mongodb-uri");
		assertThat(env(gateway)).doesNotContainKey("SPRING_MONGODB_URI");
		assertThat(env(chart.one("Deployment", "presence-service"))).doesNotContainKeys("SPRING_MONGODB_URI", "CHAT_AUTH_JWT_SECRET");
	}

	@Test
	void gatewayPerAddressLimitIsOffBecauseBehindTheIngressEveryConnectionHasTheControllersAddress() {
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data"))
			.containsEntry("CHAT_ENGINE_MAXCONNECTIONSPERADDRESS", "0");
		for (String service : List.of("message-service", "presence-service")) {
			assertThat(Tree.map(chart.one("ConfigMap", service), "data")).doesNotContainKey("CHAT_ENGINE_MAXCONNECTIONSPERADDRESS");
		}
		assertThat(Tree.map(chart.one("Service", "gateway"), "spec")).containsEntry("type", "ClusterIP")
			.doesNotContainKey("externalTrafficPolicy");
	}

	@Test
	void servicesCreateTheirTopicsWithTheConfiguredLayout() {
		assertThat(Tree.map(chart.one("ConfigMap", "message-service"), "data"))
			.containsEntry("CHAT_MESSAGES_PARTITIONS", "12")
			.containsEntry("CHAT_MESSAGES_REPLICATIONFACTOR", "3");
		assertThat(Tree.map(chart.one("ConfigMap", "presence-service"), "data"))
			.containsEntry("CHAT_PRESENCE_PARTITIONS", "12")
			.containsEntry("CHAT_PRESENCE_REPLICATIONFACTOR", "3");
		assertThat(Tree.map(chart.one("ConfigMap", "gateway"), "data")).doesNotContainKeys("CHAT_MESSAGES_PARTITIONS",
				"CHAT_PRESENCE_PARTITIONS");
	}

	@Test
	void secretHoldsTheGivenCredentials() {
		Map<String, Object> data = Tree.map(chart.one("Secret", ""), "data");

		assertThat(data).containsOnlyKeys("jwt-secret", "redis-password", "mongodb-uri");
		assertThat(decode(data.get("jwt-secret"))).isEqualTo(JWT);
		assertThat(decode(data.get("redis-password"))).isEqualTo("s3cret");
		assertThat(decode(data.get("mongodb-uri"))).startsWith("mongodb://").contains("replicaSet=");
	}

	@Test
	void autoscalersTargetTheirDeploymentsWithinTheirBounds() {
		for (String component : COMPONENTS) {
			Map<String, Object> hpa = chart.one("HorizontalPodAutoscaler", component);
			assertThat(hpa).containsEntry("apiVersion", "autoscaling/v2");
			assertThat(Tree.map(hpa, "spec.scaleTargetRef"))
				.isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "chat-" + component));
			assertThat((Integer) Tree.at(hpa, "spec.minReplicas")).isEqualTo(2);
			assertThat((String) Tree.at(hpa, "spec.metrics[1].resource.name")).isEqualTo("cpu");
			assertThat((Integer) Tree.at(hpa, "spec.metrics[1].resource.target.averageUtilization")).isEqualTo(70);
			// The HPA owns the replica count.
			assertThat(Tree.map(chart.one("Deployment", component), "spec")).doesNotContainKey("replicas");
		}
		assertThat((Integer) Tree.at(chart.one("HorizontalPodAutoscaler", "gateway"), "spec.maxReplicas")).isEqualTo(10);
		// consumers beyond the 12 partitions would idle
		assertThat((Integer) Tree.at(chart.one("HorizontalPodAutoscaler", "message-service"), "spec.maxReplicas")).isLessThanOrEqualTo(12);
		assertThat((Integer) Tree.at(chart.one("HorizontalPodAutoscaler", "presence-service"), "spec.maxReplicas")).isLessThanOrEqualTo(12);
	}

	@Test
	void disruptionBudgetsSelectTheirPods() {
		for (String component : COMPONENTS) {
			Map<String, Object> pdb = chart.one("PodDisruptionBudget", component);
			assertThat(pdb).containsEntry("apiVersion", "policy/v1");
			assertThat((Integer) Tree.at(pdb, "spec.maxUnavailable")).isEqualTo(1);
			assertThat(Tree.map(pdb, "spec.selector.matchLabels"))
				.isEqualTo(Tree.map(chart.one("Deployment", component), "spec.selector.matchLabels"));
		}
	}

	@Test
	void imagesDefaultToTheAppVersion() {
		for (String component : COMPONENTS) {
			assertThat((String) container(chart.one("Deployment", component)).get("image"))
				.isEqualTo("chat/" + component + ":0.1.0-SNAPSHOT");
		}
	}

	static String decode(Object base64) {
		return new String(java.util.Base64.getDecoder().decode((String) base64), java.nio.charset.StandardCharsets.UTF_8);
	}

}
