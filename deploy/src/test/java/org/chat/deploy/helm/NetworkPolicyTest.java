package org.chat.deploy.helm;

import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach the pods and what the pods may reach. */
class NetworkPolicyTest {

	static final String JWT = "auth.jwtSecret=0123456789abcdef0123456789abcdef";

	static final Map<String, Object> MONITORING = Map.of("namespaceSelector",
			Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")));

	static final Map<String, Object> INGRESS_NGINX = Map.of("namespaceSelector",
			Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx")));

	@Test
	void gatewayClientPortIsOpenToTheIngressControllerAndTheHelmTestOnly() {
		Map<String, Object> policy = RenderedChart.render(JWT).one("NetworkPolicy", "gateway");

		assertThat(Tree.<List<String>>at(policy, "spec.policyTypes")).containsExactly("Ingress", "Egress");
		assertThat(Tree.map(policy, "spec.podSelector.matchLabels")).containsEntry("app.kubernetes.io/component", "gateway");
		List<Map<String, Object>> ingress = Tree.list(policy, "spec.ingress");
		assertThat(ingress).hasSize(2);
		assertThat(rule(ingress, "management")).containsEntry("from", List.of(MONITORING));
		assertThat(Tree.list(rule(ingress, "http"), "from")).containsExactly(INGRESS_NGINX,
				Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "chat",
						"app.kubernetes.io/instance", "chat", "app.kubernetes.io/component", "test"))));
	}

	@Test
	void servicesAcceptOnlyMonitoringOnTheirManagementPort() {
		RenderedChart chart = RenderedChart.render(JWT);

		for (String service : List.of("message-service", "presence-service")) {
			List<Map<String, Object>> ingress = Tree.list(chart.one("NetworkPolicy", service), "spec.ingress");
			assertThat(ingress).hasSize(1);
			assertThat(rule(ingress, "management")).containsEntry("from", List.of(MONITORING));
		}
	}

	@Test
	void egressReachesDnsKafkaRedisAndOnlyMessageServiceReachesMongo() {
		RenderedChart chart = RenderedChart.render(JWT, "redis.port=6380");

		assertThat(egressPorts(chart.one("NetworkPolicy", "message-service")))
			.containsExactly(List.of("UDP/53", "TCP/53"), List.of("TCP/9092", "TCP/9093"), List.of("TCP/6380"),
					List.of("TCP/27017"));
		for (String component : List.of("gateway", "presence-service")) {
			assertThat(egressPorts(chart.one("NetworkPolicy", component)))
				.containsExactly(List.of("UDP/53", "TCP/53"), List.of("TCP/9092", "TCP/9093"), List.of("TCP/6380"));
		}
	}

	@Test
	void gatewaysReachTheJwkSetWhenTokensAreVerifiedByOne() {
		RenderedChart chart = RenderedChart.render("auth.jwkSetUri=https://id.example.com/jwks");

		assertThat(egressPorts(chart.one("NetworkPolicy", "gateway"))).contains(List.of("TCP/443"));
		assertThat(egressPorts(chart.one("NetworkPolicy", "presence-service"))).doesNotContain(List.of("TCP/443"));
	}

	@Test
	void peersAreConfigurableAndALoadBalancedGatewayIsOpenToAll() {
		RenderedChart chart = RenderedChart.render(JWT, "networkPolicy.egress.kafkaPeers[0].ipBlock.cidr=10.1.0.0/16",
				"gateway.service.type=LoadBalancer");
		Map<String, Object> policy = chart.one("NetworkPolicy", "gateway");

		assertThat(rule(Tree.list(policy, "spec.ingress"), "http")).doesNotContainKey("from");
		assertThat(Tree.list(policy, "spec.egress").get(1))
			.containsEntry("to", List.of(Map.of("ipBlock", Map.of("cidr", "10.1.0.0/16"))));
	}

	@Test
	void canBeTurnedOff() {
		assertThat(RenderedChart.render(JWT, "networkPolicy.enabled=false").ofKind("NetworkPolicy")).isEmpty();
	}

	private static Map<String, Object> rule(List<Map<String, Object>> rules, String port) {
		return rules.stream()
			.filter(r -> Tree.list(r, "ports").stream().anyMatch(p -> port.equals(p.get("port"))))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no rule for port " + port + " in " + rules));
	}

	private static List<List<String>> egressPorts(Map<String, Object> policy) {
		return Tree.list(policy, "spec.egress").stream()
			.map(r -> Tree.list(r, "ports").stream().map(p -> p.get("protocol") + "/" + p.get("port")).toList())
			.toList();
	}

}
