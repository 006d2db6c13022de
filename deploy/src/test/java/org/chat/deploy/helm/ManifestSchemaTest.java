package org.chat.deploy.helm;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every rendered object parses strictly into Kubernetes' generated API model (unknown or misplaced
 * fields and missing required ones are rejected), with the optional features off and on.
 */
class ManifestSchemaTest {

	static final Map<String, Class<?>> MODELS = Map.of("Deployment", V1Deployment.class, "Service", V1Service.class,
			"ConfigMap", V1ConfigMap.class, "Secret", V1Secret.class, "ServiceAccount", V1ServiceAccount.class,
			"HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class, "PodDisruptionBudget",
			V1PodDisruptionBudget.class, "Ingress", V1Ingress.class);

	static final List<String> EVERYTHING_ON = List.of("auth.jwtSecret=0123456789abcdef0123456789abcdef",
			"auth.jwkSetUri=https://id.example.com/jwks", "redis.password=pw", "redis.tls.enabled=true",
			"redis.tls.caSecret=redis-ca", "kafka.tls.enabled=true", "kafka.tls.caSecret=kafka-ca",
			"kafka.sasl.mechanism=SCRAM-SHA-512", "kafka.sasl.jaasConfig=x", "mongodb.tls.caSecret=mongo-ca",
			"ingress.enabled=true", "ingress.tlsSecretName=tls", "ingress.cookieAffinity.enabled=true",
			"serviceMonitor.enabled=true", "gateway.autoscaling.targetMemoryUtilizationPercentage=80",
			"presenceService.autoscaling.enabled=false", "imagePullSecrets[0].name=regcred",
			"extraEnv[0].name=JAVA_TOOL_OPTIONS", "extraEnv[0].value=-Xss512k",
			"gateway.nodeSelector.pool=edge", "gateway.tolerations[0].key=edge",
			"gateway.tolerations[0].operator=Exists", "gateway.service.type=LoadBalancer",
			"gateway.service.externalTrafficPolicy=Local", "gateway.maxConnectionsPerAddress=50");

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyObjectMatchesTheKubernetesApiSchema(boolean everything) {
		RenderedChart chart = everything ? RenderedChart.render(EVERYTHING_ON.toArray(String[]::new))
				: RenderedChart.render();

		for (Map<String, Object> object : chart.all()) {
			String kind = (String) object.get("kind");
			if (kind.equals("ServiceMonitor")) {
				continue; // a CRD: its fields are asserted in ChartOptionsTest
			}
			assertThat(MODELS).as("model for %s", kind).containsKey(kind);
			String json = new Gson().toJson(object);
			assertThatCode(() -> parse(MODELS.get(kind), json)).as("%s %s", kind, json).doesNotThrowAnyException();
		}
		assertThat(chart.ofKind("Ingress")).hasSize(everything ? 1 : 0);
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
