package org.chat.deploy.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
	void pushCredentialsRollOnlyTheServicesThatReadThem() {
		List<String> sets = new ArrayList<>(List.of(NotificationServiceChartTest.PLAIN));
		Map<String, String> before = checksums(sets.toArray(String[]::new));
		sets.add("notificationService.push.apns.keyId=KEY456");
		assertThat(changed(before, checksums(sets.toArray(String[]::new))))
			.containsExactly("notification-service/checksum/secret");
		// the gateways serve the VAPID public key to the web page
		sets.add("notificationService.push.webpush.publicKey=BOther");
		assertThat(changed(before, checksums(sets.toArray(String[]::new))))
			.containsExactly("gateway/checksum/secret", "notification-service/checksum/secret");
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

	/** Both checksums of every rendered Deployment, as {@code <component>/checksum/<what>}. */
	private static Map<String, String> checksums(String... sets) {
		Map<String, String> sums = new java.util.TreeMap<>();
		for (Map<String, Object> deployment : RenderedChart.render(sets).ofKind("Deployment")) {
			String component = (String) Tree.map(deployment, "metadata.labels").get("app.kubernetes.io/component");
			Map<String, Object> annotations = Tree.map(deployment, "spec.template.metadata.annotations");
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
