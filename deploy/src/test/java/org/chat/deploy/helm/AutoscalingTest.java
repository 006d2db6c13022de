package org.chat.deploy.helm;

import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gateways scale on open sockets, consumers on their lag; gateways scale down slowly. */
class AutoscalingTest {

	static final String JWT = "auth.jwtSecret=0123456789abcdef0123456789abcdef";

	@Test
	void gatewaysScaleOnConnectionsPerPodAndServicesOnConsumerLag() {
		RenderedChart chart = RenderedChart.render(JWT);

		assertThat(podsMetric(chart.one("HorizontalPodAutoscaler", "gateway")))
			.isEqualTo(Map.of("metric", Map.of("name", "chat_gateway_connections"), "target",
					Map.of("type", "AverageValue", "averageValue", "10000")));
		for (String service : List.of("message-service", "presence-service")) {
			assertThat(podsMetric(chart.one("HorizontalPodAutoscaler", service)))
				.isEqualTo(Map.of("metric", Map.of("name", "chat_consumer_lag"), "target",
						Map.of("type", "AverageValue", "averageValue", "1000")));
		}
	}

	@Test
	void gatewaysScaleDownOnePodAtATimeAfterALongWindow() {
		Map<String, Object> down = Tree.map(RenderedChart.render(JWT).one("HorizontalPodAutoscaler", "gateway"),
				"spec.behavior.scaleDown");

		assertThat((Integer) down.get("stabilizationWindowSeconds")).isGreaterThanOrEqualTo(600);
		assertThat(down).containsEntry("selectPolicy", "Min");
		assertThat(Tree.<List<Map<String, Object>>>at(down, "policies"))
			.containsExactly(Map.of("type", "Pods", "value", 1, "periodSeconds", 600));
	}

	@Test
	void customMetricsCanBeTurnedOffLeavingCpu() {
		RenderedChart chart = RenderedChart.render(JWT, "gateway.autoscaling.connections.enabled=false",
				"messageService.autoscaling.consumerLag.enabled=false");

		for (String component : List.of("gateway", "message-service")) {
			assertThat(Tree.list(chart.one("HorizontalPodAutoscaler", component), "spec.metrics"))
				.extracting(m -> m.get("type"))
				.containsExactly("Resource");
		}
		assertThat(podsMetric(chart.one("HorizontalPodAutoscaler", "presence-service"))).isNotEmpty();
	}

	@Test
	void kedaReplacesTheAutoscalerOfAConsumerWithAKafkaLagTrigger() {
		RenderedChart chart = RenderedChart.render(JWT, "kafka.bootstrapServers=my-kafka:9092",
				"messageService.keda.enabled=true", "messageService.keda.lagThreshold=500",
				"messageService.keda.authenticationRef=kafka-scram");
		Map<String, Object> scaled = chart.one("ScaledObject", "message-service");

		assertThat(chart.names()).doesNotContain("HorizontalPodAutoscaler/chat-message-service")
			.contains("HorizontalPodAutoscaler/chat-presence-service");
		assertThat(Tree.map(chart.one("Deployment", "message-service"), "spec")).doesNotContainKey("replicas");
		assertThat((String) Tree.at(scaled, "spec.scaleTargetRef.name")).isEqualTo("chat-message-service");
		assertThat(Tree.map(scaled, "spec")).containsEntry("minReplicaCount", 2).containsEntry("maxReplicaCount", 6);
		assertThat(Tree.map(scaled, "spec.triggers[0]")).containsEntry("type", "kafka")
			.containsEntry("authenticationRef", Map.of("name", "kafka-scram"));
		assertThat(Tree.map(scaled, "spec.triggers[0].metadata")).containsEntry("bootstrapServers", "my-kafka:9092")
			.containsEntry("consumerGroup", "message-service")
			.containsEntry("topic", "chat.messages")
			.containsEntry("lagThreshold", "500");
		assertThat(Tree.map(scaled, "spec.advanced.horizontalPodAutoscalerConfig.behavior")).containsKeys("scaleUp",
				"scaleDown");
	}

	@Test
	void consumersNeverScaleBeyondThePartitions() {
		assertThatThrownBy(() -> RenderedChart.render(JWT, "kafka.topicPartitions=4"))
			.hasMessageContaining("messageService.autoscaling.maxReplicas (6) exceeds kafka.topicPartitions (4)");
		assertThat(RenderedChart.render(JWT, "kafka.topicPartitions=6").ofKind("HorizontalPodAutoscaler")).hasSize(3);
	}

	private static Map<String, Object> podsMetric(Map<String, Object> hpa) {
		return Tree.list(hpa, "spec.metrics").stream()
			.filter(m -> "Pods".equals(m.get("type")))
			.map(m -> Tree.<Map<String, Object>>at(m, "pods"))
			.findFirst()
			.orElse(Map.of());
	}

}
