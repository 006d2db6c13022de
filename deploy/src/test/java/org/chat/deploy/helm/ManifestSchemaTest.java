package org.chat.deploy.helm;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every rendered object is valid for the API it is sent to: built-in kinds parse strictly into Kubernetes'
 * generated API model (unknown or misplaced fields and missing required ones are rejected), custom resources
 * validate against the OpenAPI schema of their CRD, with the optional features off and on.
 */
class ManifestSchemaTest {

	static final Map<String, Class<?>> MODELS = Map.ofEntries(Map.entry("Deployment", V1Deployment.class),
			Map.entry("Service", V1Service.class), Map.entry("ConfigMap", V1ConfigMap.class),
			Map.entry("Secret", V1Secret.class), Map.entry("ServiceAccount", V1ServiceAccount.class),
			Map.entry("HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
			Map.entry("PodDisruptionBudget", V1PodDisruptionBudget.class), Map.entry("Ingress", V1Ingress.class),
			Map.entry("NetworkPolicy", V1NetworkPolicy.class), Map.entry("Pod", V1Pod.class));

	static final List<String> EVERYTHING_ON = List.of("auth.jwtSecret=0123456789abcdef0123456789abcdef",
			"auth.jwkSetUri=https://id.example.com/jwks", "redis.password=pw", "redis.tls.enabled=true",
			"redis.tls.caSecret=redis-ca", "kafka.tls.enabled=true", "kafka.tls.caSecret=kafka-ca",
			"kafka.sasl.mechanism=SCRAM-SHA-512", "kafka.sasl.jaasConfig=x", "mongodb.tls.caSecret=mongo-ca",
			"ingress.enabled=true", "ingress.tlsSecretName=tls", "httpRoute.enabled=true",
			"httpRoute.parentRefs[0].name=public", "httpRoute.parentRefs[0].namespace=gateway-system",
			"httpRoute.parentRefs[0].sectionName=https", "httpRoute.sessionAffinityConfigured=true",
			"httpRoute.requestTimeout=0s", "serviceMonitor.enabled=true", "serviceMonitor.labels.release=prom",
			"prometheusRule.enabled=true", "prometheusRule.labels.release=prom", "messageService.keda.enabled=true",
			"messageService.keda.authenticationRef=kafka-auth", "presenceService.autoscaling.enabled=false",
			"gateway.resources.cpuLimit=2", "gateway.image.digest=sha256:" + "0".repeat(64),
			"networkPolicy.egress.kafkaPeers[0].podSelector.matchLabels.strimzi\\.io/cluster=my-cluster",
			"networkPolicy.egress.extra[0].ports[0].port=4317", "imagePullSecrets[0].name=regcred",
			"extraEnv[0].name=OTEL_SDK_DISABLED", "extraEnv[0].value=true", "gateway.nodeSelector.pool=edge",
			"gateway.tolerations[0].key=edge", "gateway.tolerations[0].operator=Exists",
			"gateway.service.type=LoadBalancer", "gateway.service.externalTrafficPolicy=Local",
			"gateway.maxConnectionsPerAddress=50", "tests.tokenSecret=chat-test-token",
			"notificationService.enabled=true", "notificationService.keda.enabled=true",
			"notificationService.push.webpush.enabled=true", "notificationService.push.webpush.publicKey=BPublic",
			"notificationService.push.webpush.privateKey=private", "notificationService.push.apns.enabled=true",
			"notificationService.push.apns.signingKey=p8", "notificationService.push.apns.keyId=K",
			"notificationService.push.apns.teamId=T", "notificationService.push.apns.topic=org.chat.app",
			"notificationService.push.fcm.enabled=true", "notificationService.push.fcm.serviceAccountJson=json");

	@TempDir
	static Path scratch;

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyObjectMatchesItsApiSchema(boolean everything) {
		RenderedChart chart = RenderedChart.renderWithHooks(scratch.resolve(String.valueOf(everything)),
				everything ? EVERYTHING_ON.toArray(String[]::new) : new String[0]);

		for (Map<String, Object> object : chart.all()) {
			String kind = (String) object.get("kind");
			String json = new Gson().toJson(object);
			if (CrdSchemas.covers(kind)) {
				assertThat(CrdSchemas.violations(object)).as("%s %s", kind, json).isEmpty();
				continue;
			}
			assertThat(MODELS).as("model for %s", kind).containsKey(kind);
			assertThatCode(() -> parse(MODELS.get(kind), json)).as("%s %s", kind, json).doesNotThrowAnyException();
		}
		List<String> optional = List.of("Ingress", "HTTPRoute", "ServiceMonitor", "PrometheusRule");
		for (String kind : optional) {
			assertThat(chart.ofKind(kind)).as(kind).hasSize(everything ? 1 : 0);
		}
		// message-service's and notification-service's
		assertThat(chart.ofKind("ScaledObject")).hasSize(everything ? 2 : 0);
		assertThat(chart.ofKind("Pod")).hasSize(1);
	}

	@Test
	void theCrdCheckRejectsMisplacedAndMistypedFields() {
		Map<String, Object> monitor = RenderedChart.render("serviceMonitor.enabled=true").one("ServiceMonitor", "");
		Map<String, Object> endpoint = Tree.list(monitor, "spec.endpoints").get(0);
		endpoint.put("scrapeInterval", "30s"); // the field is `interval`
		Map<String, Object> rule = RenderedChart.render("prometheusRule.enabled=true").one("PrometheusRule", "");
		Tree.list(rule, "spec.groups").get(0).put("rules", "not a list");

		assertThat(CrdSchemas.violations(monitor)).singleElement().asString().contains("scrapeInterval");
		assertThat(CrdSchemas.violations(rule)).singleElement().asString().contains("rules");
	}

	private static void parse(Class<?> model, String json) throws Throwable {
		try {
			model.getMethod("fromJson", String.class).invoke(null, json);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
