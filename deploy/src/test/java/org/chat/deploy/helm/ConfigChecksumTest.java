package org.chat.deploy.helm;

import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.deploy.helm.Workloads.COMPONENTS;

/** A change rolls only the Deployments that read it: a gateway restart disconnects its users. */
class ConfigChecksumTest {

	static final String JWT = "auth.jwtSecret=0123456789abcdef0123456789abcdef";

	@Test
	void messageServiceSettingsRollOnlyMessageService() {
		assertThat(changed(checksums(JWT), checksums(JWT, "messageService.config.CHAT_MESSAGES_BATCH=100")))
			.containsExactly("message-service/checksum/config");
		assertThat(changed(checksums(JWT), checksums(JWT, "mongodb.uri=mongodb://other:27017/chat?replicaSet=rs")))
			.containsExactly("message-service/checksum/secret");
	}

	@Test
	void gatewaySettingsRollOnlyGateways() {
		assertThat(changed(checksums(JWT), checksums(JWT, "gateway.config.CHAT_ENGINE_PING_INTERVAL=20s")))
			.containsExactly("gateway/checksum/config");
		assertThat(changed(checksums(JWT), checksums("auth.jwtSecret=abcdefabcdefabcdefabcdefabcdefabcdefab")))
			.containsExactly("gateway/checksum/secret");
	}

	@Test
	void sharedBackendsRollEveryone() {
		assertThat(changed(checksums(JWT), checksums(JWT, "redis.host=redis-2")))
			.containsExactlyInAnyOrder("gateway/checksum/config", "message-service/checksum/config",
					"presence-service/checksum/config");
		assertThat(changed(checksums(JWT), checksums(JWT, "redis.password=changed")))
			.containsExactlyInAnyOrder("gateway/checksum/secret", "message-service/checksum/secret",
					"presence-service/checksum/secret");
	}

	private static Map<String, String> checksums(String... sets) {
		RenderedChart chart = RenderedChart.render(sets);
		Map<String, String> sums = new java.util.TreeMap<>();
		for (String component : COMPONENTS) {
			Map<String, Object> annotations = Tree.map(chart.one("Deployment", component),
					"spec.template.metadata.annotations");
			for (String key : List.of("checksum/config", "checksum/secret")) {
				sums.put(component + "/" + key, (String) annotations.get(key));
			}
		}
		return sums;
	}

	private static List<String> changed(Map<String, String> before, Map<String, String> after) {
		return before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
	}

}
