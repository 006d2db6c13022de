package org.chat.infra.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chat.infra.stack.Topology.Member;
import org.chat.infra.supervise.Supervisor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTest {

	static final DevVapidKeys VAPID = new DevVapidKeys("BPublicKey", "privateKey");

	@Test
	void theDefaultStackIsTwoGatewaysAndOneOfEachService() {
		Topology topology = topology(Map.of());

		assertThat(names(topology)).containsExactly("kafka", "redis", "mongo", "gateway-8080", "gateway-8081",
				"message-service-1", "presence-service-1", "notification-service-1");
		assertThat(ports(topology, Supervisor.PORT)).containsExactly(9092, 6379, 27017, 8080, 8081, 8090, 8091, 8092);
		assertThat(ports(topology, Supervisor.MANAGEMENT_PORT)).containsExactly(8070, 8071, 8072, 8073, 8074);
	}

	@Test
	void theNotificationServiceSignsWithTheDevVapidKeysWhosePublicHalfTheGatewaysServe() {
		Topology topology = topology(Map.of());

		assertThat(member(topology, "notification-service-1").spec().environment())
			.containsEntry("CHAT_PUSH_WEBPUSH_PUBLICKEY", VAPID.publicKey())
			.containsEntry("CHAT_PUSH_WEBPUSH_PRIVATEKEY", VAPID.privateKey())
			.containsEntry("CHAT_INSTANCE_ID", "notification-service-1");
		for (String gateway : List.of("gateway-8080", "gateway-8081")) {
			assertThat(member(topology, gateway).spec().environment())
				.containsEntry("CHAT_PUSH_VAPIDPUBLICKEY", VAPID.publicKey())
				.doesNotContainKey("CHAT_PUSH_WEBPUSH_PRIVATEKEY");
		}
		assertThat(member(topology, "message-service-1").spec().environment()).doesNotContainKeys(
				"CHAT_PUSH_WEBPUSH_PRIVATEKEY", "CHAT_PUSH_VAPIDPUBLICKEY");
	}

	@Test
	void noNotificationInstancesLeavesPushOff() {
		Topology topology = topology(Map.of("CHAT_NOTIFICATION_INSTANCES", "0"));

		assertThat(names(topology)).noneMatch(name -> name.startsWith("notification-service"));
		assertThat(member(topology, "gateway-8080").spec().environment()).doesNotContainKey("CHAT_PUSH_VAPIDPUBLICKEY");
	}

	@Test
	void anyNumberOfEachProcessGetsItsOwnPortsNameAndInstanceId() {
		Topology topology = topology(Map.of("CHAT_GATEWAY_PORTS", "8080 8081 8082", "CHAT_MESSAGE_INSTANCES", "2",
				"CHAT_PRESENCE_INSTANCES", "2"));

		assertThat(names(topology)).containsExactly("kafka", "redis", "mongo", "gateway-8080", "gateway-8081",
				"gateway-8082", "message-service-1", "message-service-2", "presence-service-1", "presence-service-2",
				"notification-service-1");
		assertThat(ports(topology, Supervisor.PORT)).containsExactly(9092, 6379, 27017, 8080, 8081, 8082, 8090, 8091,
				8092, 8093, 8094);
		assertThat(ports(topology, Supervisor.MANAGEMENT_PORT)).containsExactly(8070, 8071, 8072, 8073, 8074, 8075, 8076,
				8077);
		Member second = topology.members().stream().filter(m -> m.name().equals("message-service-2")).findFirst().orElseThrow();
		assertThat(second.spec().environment()).containsEntry("CHAT_INSTANCE_ID", "message-service-2");
		assertThat(second.spec().command()).contains("--server.port=8091", "--management.server.port=8074");
		assertThat(second.spec().readiness()).hasToString("GET http://127.0.0.1:8074/actuator/health/readiness");
	}

	@Test
	void portsHandedOutUpwardsSkipEveryPortAnotherProcessHas() {
		Topology topology = topology(Map.of("CHAT_GATEWAY_PORTS", "8070 8090", "CHAT_MESSAGE_INSTANCES", "3",
				"CHAT_MESSAGE_PORT", "8090", "CHAT_PRESENCE_PORT", "8091"));

		List<Integer> all = topology.ports(settings(Map.of()));
		assertThat(all).doesNotHaveDuplicates();
		assertThat(ports(topology, Supervisor.PORT)).containsExactly(9092, 6379, 27017, 8070, 8090, 8091, 8092, 8093,
				8094, 8095);
	}

	@Test
	void aSubsetKeepsTheInfrastructureAndRefusesUnknownNames() {
		assertThat(names(topology(Map.of()).only(List.of("gateway-8081")))).containsExactly("kafka", "redis", "mongo",
				"gateway-8081");
		assertThatThrownBy(() -> topology(Map.of()).only(List.of("message-service"))).hasMessageContaining(
				"unknown processes [message-service]");
	}

	@Test
	void servicesStartFromTheirExtractedJarWithTheClassDataArchiveUnlessSharingIsOff() {
		Topology topology = topology(Map.of("CHAT_HOME", "/h", "CHAT_ROOT", "/r"));
		Member gateway = topology.members().stream().filter(m -> m.name().equals("gateway-8081")).findFirst().orElseThrow();

		assertThat(gateway.spec().command()).containsSubsequence("-XX:SharedArchiveFile=/h/cds/gateway/app.jsa",
				"-Xshare:auto", "-jar", "/h/cds/gateway/app/gateway-0.1.0-SNAPSHOT.jar", "--server.port=8081");
		// one training per module, started like its first instance but on free ports
		assertThat(topology.trainings()).containsOnlyKeys("gateway", "message-service", "presence-service",
				"notification-service");
		assertThat(topology.trainings().get("gateway").jar()).isEqualTo(Path.of("/r/gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
		assertThat(topology.trainings().get("gateway").args()).contains("--server.port=0", "--management.server.port=0",
				"--chat.dev.enabled=true");
		assertThat(topology.trainings().get("gateway").env()).containsKey("CHAT_AUTH_JWT_SECRET")
			.doesNotContainKey("CHAT_INSTANCE_ID");

		Topology plain = topology(Map.of("CHAT_HOME", "/h", "CHAT_ROOT", "/r", "CHAT_CDS", "0"));
		Member plainGateway = plain.members().stream().filter(m -> m.name().equals("gateway-8081")).findFirst().orElseThrow();
		assertThat(plainGateway.spec().command()).containsSubsequence("-jar", "/r/gateway/target/gateway-0.1.0-SNAPSHOT.jar")
			.noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
		assertThat(plain.trainings()).isEmpty();
	}

	private static Topology topology(Map<String, String> env) {
		return Topology.of(settings(env), Path.of("redis-server"), "secret", VAPID);
	}

	private static StackSettings settings(Map<String, String> env) {
		return StackSettings.from(new String[0], env);
	}

	private static Member member(Topology topology, String name) {
		return topology.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
	}

	private static List<String> names(Topology topology) {
		return topology.members().stream().map(Member::name).toList();
	}

	private static List<Integer> ports(Topology topology, String attribute) {
		return topology.members()
			.stream()
			.map(m -> m.spec().attributes().get(attribute))
			.filter(p -> p != null)
			.map(Integer::valueOf)
			.toList();
	}

}
