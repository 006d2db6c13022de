package org.chat.deploy.helm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chat.deploy.helm.Workloads.container;
import static org.chat.deploy.helm.Workloads.env;
import static org.chat.deploy.helm.Workloads.podSpec;
import static org.chat.deploy.helm.Workloads.secretRef;

/** The notification-service: off by default; on, its workload objects and push credentials, only from Secrets. */
class NotificationServiceChartTest {

	static final String JWT = "auth.jwtSecret=0123456789abcdef0123456789abcdef";

	static final String NAME = "notification-service";

	/** Every platform on with plain values: they go into the chart's Secret. */
	static final String[] PLAIN = { JWT, "notificationService.enabled=true",
			"notificationService.push.webpush.enabled=true", "notificationService.push.webpush.publicKey=BPublic_key-1",
			"notificationService.push.webpush.privateKey=private_key-1",
			"notificationService.push.webpush.subject=mailto:ops@chat.test",
			"notificationService.push.apns.enabled=true",
			"notificationService.push.apns.signingKey=-----BEGIN PRIVATE KEY-----",
			"notificationService.push.apns.keyId=KEY123", "notificationService.push.apns.teamId=TEAM123",
			"notificationService.push.apns.topic=org.chat.app",
			"notificationService.push.apns.host=api.sandbox.push.apple.com", "notificationService.push.fcm.enabled=true",
			"notificationService.push.fcm.serviceAccountJson=service-account-json" };

	@Test
	void offByDefault() {
		RenderedChart chart = RenderedChart.render(JWT);

		assertThat(chart.names()).noneMatch(name -> name.contains(NAME));
		assertThat(env(chart.one("Deployment", "gateway"))).doesNotContainKey("CHAT_PUSH_VAPIDPUBLICKEY");
		assertThat(Tree.map(chart.one("Secret", ""), "data")).containsOnlyKeys("jwt-secret", "mongodb-uri");
	}

	@Test
	void enabledItRunsLikeTheOtherConsumers() {
		RenderedChart chart = RenderedChart.render(PLAIN);
		Map<String, Object> deployment = chart.one("Deployment", NAME);

		assertThat(Tree.list(container(deployment), "ports")).extracting(p -> p.get("name"))
			.containsExactly("management");
		assertThat((String) Tree.at(container(deployment), "readinessProbe.httpGet.path"))
			.isEqualTo("/actuator/health/readiness");
		assertThat((String) Tree.at(container(deployment), "image")).isEqualTo("chat/notification-service:0.1.0-SNAPSHOT");
		assertThat(secretRef(deployment, "SPRING_MONGODB_URI")).isEqualTo("chat/mongodb-uri");
		assertThat(Tree.<Object>at(chart.one("Service", NAME + "-management"), "spec.ports[0].port")).isEqualTo(8070);
		assertThat(chart.one("PodDisruptionBudget", NAME)).isNotEmpty();
		assertThat(Tree.<Object>at(chart.one("HorizontalPodAutoscaler", NAME), "spec.minReplicas")).isEqualTo(1);
		assertThat(Tree.map(chart.one("ConfigMap", NAME), "data")).containsEntry("CHAT_PUSH_PARTITIONS", "12")
			.containsEntry("CHAT_PUSH_REPLICAS", "3")
			.containsEntry("CHAT_PUSH_WEBPUSH_SUBJECT", "mailto:ops@chat.test")
			.containsEntry("CHAT_PUSH_APNS_HOST", "api.sandbox.push.apple.com")
			.containsEntry("CHAT_PUSH_APNS_SIGNINGKEYFILE", "/etc/chat/push/apns-signing-key.p8")
			.containsEntry("CHAT_PUSH_FCM_SERVICEACCOUNTFILE", "/etc/chat/push/fcm-service-account.json")
			.doesNotContainKeys("CHAT_PUSH_WEBPUSH_PRIVATEKEY", "CHAT_PUSH_APNS_KEYID");
	}

	@Test
	void plainCredentialsGoIntoTheChartsSecretAndReachTheServiceOnlyFromThere() {
		RenderedChart chart = RenderedChart.render(PLAIN);
		Map<String, Object> deployment = chart.one("Deployment", NAME);

		assertThat(decoded(chart.one("Secret", ""))).containsEntry("webpush-public-key", "BPublic_key-1")
			.containsEntry("webpush-private-key", "private_key-1")
			.containsEntry("apns-signing-key.p8", "-----BEGIN PRIVATE KEY-----")
			.containsEntry("apns-key-id", "KEY123")
			.containsEntry("apns-team-id", "TEAM123")
			.containsEntry("apns-topic", "org.chat.app")
			.containsEntry("fcm-service-account.json", "service-account-json");
		assertThat(secretRef(deployment, "CHAT_PUSH_WEBPUSH_PUBLICKEY")).isEqualTo("chat/webpush-public-key");
		assertThat(secretRef(deployment, "CHAT_PUSH_WEBPUSH_PRIVATEKEY")).isEqualTo("chat/webpush-private-key");
		assertThat(secretRef(deployment, "CHAT_PUSH_APNS_KEYID")).isEqualTo("chat/apns-key-id");
		assertThat(secretRef(deployment, "CHAT_PUSH_APNS_TEAMID")).isEqualTo("chat/apns-team-id");
		assertThat(secretRef(deployment, "CHAT_PUSH_APNS_TOPIC")).isEqualTo("chat/apns-topic");
		assertThat(pushVolume(deployment)).isEqualTo(Map.of("secretName", "chat", "defaultMode", 288, "items",
				List.of(Map.of("key", "apns-signing-key.p8", "path", "apns-signing-key.p8"),
						Map.of("key", "fcm-service-account.json", "path", "fcm-service-account.json"))));
		assertThat(Tree.list(container(deployment), "volumeMounts"))
			.contains(Map.of("name", "push-credentials", "mountPath", "/etc/chat/push", "readOnly", true));
		// the web page subscribes with the public key the gateways serve
		assertThat(secretRef(chart.one("Deployment", "gateway"), "CHAT_PUSH_VAPIDPUBLICKEY"))
			.isEqualTo("chat/webpush-public-key");
		assertThat(env(chart.one("Deployment", "message-service"))).doesNotContainKeys("CHAT_PUSH_VAPIDPUBLICKEY",
				"CHAT_PUSH_WEBPUSH_PRIVATEKEY");
	}

	@Test
	void anExistingSecretKeepsEveryCredentialOutOfTheChart() {
		RenderedChart chart = RenderedChart.render(JWT, "notificationService.enabled=true",
				"notificationService.push.existingSecret=push-credentials",
				"notificationService.push.secretKeys.webpushPrivateKey=vapid-private",
				"notificationService.push.webpush.enabled=true", "notificationService.push.fcm.enabled=true");
		Map<String, Object> deployment = chart.one("Deployment", NAME);

		assertThat(Tree.map(chart.one("Secret", ""), "data")).containsOnlyKeys("jwt-secret", "mongodb-uri");
		assertThat(secretRef(deployment, "CHAT_PUSH_WEBPUSH_PRIVATEKEY")).isEqualTo("push-credentials/vapid-private");
		assertThat(secretRef(chart.one("Deployment", "gateway"), "CHAT_PUSH_VAPIDPUBLICKEY"))
			.isEqualTo("push-credentials/webpush-public-key");
		assertThat(pushVolume(deployment)).containsEntry("secretName", "push-credentials")
			.containsEntry("items", List.of(Map.of("key", "fcm-service-account.json", "path", "fcm-service-account.json")));
		assertThat(env(deployment)).doesNotContainKeys("CHAT_PUSH_APNS_KEYID");
		assertThat(Tree.map(chart.one("ConfigMap", NAME), "data")).doesNotContainKey("CHAT_PUSH_APNS_SIGNINGKEYFILE");

		RenderedChart global = RenderedChart.render("existingSecret=chat-credentials", "notificationService.enabled=true",
				"notificationService.push.apns.enabled=true");
		assertThat(secretRef(global.one("Deployment", NAME), "CHAT_PUSH_APNS_TOPIC")).isEqualTo("chat-credentials/apns-topic");
		assertThat(global.ofKind("Secret")).isEmpty();
	}

	@Test
	void aPlatformWithoutCredentialsIsRefused() {
		assertThatThrownBy(() -> RenderedChart.render(JWT, "notificationService.enabled=true",
				"notificationService.push.webpush.enabled=true", "notificationService.push.webpush.publicKey=BPublic"))
			.hasMessageContaining("notificationService.push.webpush: set publicKey and privateKey");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "notificationService.enabled=true",
				"notificationService.push.apns.enabled=true", "notificationService.push.apns.signingKey=key"))
			.hasMessageContaining("notificationService.push.apns: set signingKey, keyId, teamId and topic");
		assertThatThrownBy(() -> RenderedChart.render(JWT, "notificationService.enabled=true",
				"notificationService.push.fcm.enabled=true"))
			.hasMessageContaining("notificationService.push.fcm: set serviceAccountJson");
		// a platform left off needs nothing; the service then counts its devices' pushes as disabled
		assertThat(RenderedChart.render(JWT, "notificationService.enabled=true").one("Deployment", NAME)).isNotEmpty();
	}

	@Test
	void itsNetworkPolicyReachesMongoAndThePushProvidersOn443() {
		RenderedChart chart = RenderedChart.render(JWT, "notificationService.enabled=true");

		assertThat(Tree.list(chart.one("NetworkPolicy", NAME), "spec.egress").stream()
			.map(r -> Tree.list(r, "ports").stream().map(p -> p.get("protocol") + "/" + p.get("port")).toList()))
			.containsExactly(List.of("UDP/53", "TCP/53"), List.of("TCP/9092", "TCP/9093"), List.of("TCP/6379"),
					List.of("TCP/27017"), List.of("TCP/443"));
		assertThat(Tree.list(chart.one("NetworkPolicy", "message-service"), "spec.egress"))
			.noneMatch(r -> Tree.list(r, "ports").stream().anyMatch(p -> Integer.valueOf(443).equals(p.get("port"))));
	}

	@Test
	void kedaScalesTheSendersOnThePushJobs() {
		Map<String, Object> scaled = RenderedChart.render(JWT, "notificationService.enabled=true",
				"notificationService.keda.enabled=true").one("ScaledObject", NAME);

		assertThat(Tree.map(scaled, "spec.triggers[0].metadata")).containsEntry("consumerGroup", "notification-service-push")
			.containsEntry("topic", "chat.push.jobs");
	}

	@Test
	void pushAlertsComeWithTheService() {
		List<String> without = alerts(RenderedChart.render(JWT, "prometheusRule.enabled=true"));
		List<String> with = alerts(
				RenderedChart.render(JWT, "prometheusRule.enabled=true", "notificationService.enabled=true"));

		assertThat(without).doesNotContain("ChatPushProviderFailing", "ChatPushRejected", "ChatPushLatencyHigh");
		assertThat(with).contains("ChatPushProviderFailing", "ChatPushRejected", "ChatPushLatencyHigh");
	}

	private static Map<String, Object> pushVolume(Map<String, Object> deployment) {
		return Tree.list(podSpec(deployment), "volumes").stream()
			.filter(v -> "push-credentials".equals(v.get("name")))
			.map(v -> Tree.map(v, "secret"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no push-credentials volume"));
	}

	private static Map<String, String> decoded(Map<String, Object> secret) {
		Map<String, String> decoded = new TreeMap<>();
		Tree.map(secret, "data").forEach((key, value) -> decoded.put(key,
				new String(Base64.getDecoder().decode((String) value), StandardCharsets.UTF_8)));
		return decoded;
	}

	private static List<String> alerts(RenderedChart chart) {
		return Tree.list(chart.one("PrometheusRule", ""), "spec.groups[0].rules").stream()
			.map(rule -> (String) rule.get("alert"))
			.toList();
	}

}
