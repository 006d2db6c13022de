package org.chat.deploy.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/compose.yaml parsed (YAML anchors and merge keys resolved) and checked for consistency. */
class ComposeFileTest {

	static final Path COMPOSE = Path.of("compose.yaml");

	static final Set<String> APPS = Set.of("gateway-1", "gateway-2", "message-service", "presence-service");

	static Map<String, Object> services;

	@BeforeAll
	static void parse() throws IOException {
		try (Reader reader = Files.newBufferedReader(COMPOSE)) {
			Map<String, Object> compose = new Yaml().load(reader);
			services = Tree.map(compose, "services");
		}
	}

	@Test
	void runsTheInfrastructureFromOfficialImagesAndTwoGateways() {
		assertThat(services).containsOnlyKeys("mongo", "kafka", "redis", "gateway-1", "gateway-2", "message-service",
				"presence-service");
		assertThat(image("mongo")).startsWith("mongo:");
		assertThat(image("kafka")).startsWith("apache/kafka:");
		assertThat(image("redis")).startsWith("redis:");
	}

	@ParameterizedTest
	@CsvSource({ "gateway-1,gateway", "gateway-2,gateway", "message-service,message-service",
			"presence-service,presence-service" })
	void servicesAreBuiltFromTheDockerfileOfTheirModule(String service, String module) {
		Map<String, Object> build = Tree.map(services, service + ".build");

		assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "deploy/docker/Dockerfile");
		assertThat(Path.of("..").resolve((String) build.get("dockerfile")).normalize()).exists();
		assertThat(Tree.map(build, "args")).containsEntry("MODULE", module);
		assertThat(Path.of("..", module, "pom.xml")).exists();
		assertThat(image(service)).startsWith("chat/" + module + ":");
	}

	@Test
	void gatewaysListenOn8080And8081WithDistinctIds() {
		assertThat(Tree.<List<String>>at(services, "gateway-1.ports")).containsExactly("8080:8080", "127.0.0.1:8070:8070");
		assertThat(Tree.<List<String>>at(services, "gateway-2.ports")).containsExactly("8081:8080", "127.0.0.1:8071:8070");
		assertThat(env("gateway-1")).containsEntry("CHAT_GATEWAY_ID", "gateway-1");
		assertThat(env("gateway-2")).containsEntry("CHAT_GATEWAY_ID", "gateway-2");
		// the services have no client port: only their management port, on the host's loopback
		assertThat(Tree.<List<String>>at(services, "message-service.ports")).containsExactly("127.0.0.1:8090:8070");
		assertThat(Tree.<List<String>>at(services, "presence-service.ports")).containsExactly("127.0.0.1:8091:8070");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mongo", "kafka", "redis", "gateway-1", "gateway-2", "message-service", "presence-service" })
	void everyServiceHasAHealthcheck(String service) {
		List<String> test = Tree.at(services, service + ".healthcheck.test");

		assertThat(test).isNotEmpty();
		assertThat(test.get(0)).isIn("CMD", "CMD-SHELL");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway-1", "gateway-2", "message-service", "presence-service" })
	void appHealthchecksAskTheReadinessGroupOnTheManagementPort(String service) {
		String check = String.join(" ", Tree.<List<String>>at(services, service + ".healthcheck.test"));

		assertThat(env(service)).containsEntry("MANAGEMENT_SERVER_PORT", "8070");
		assertThat(check).contains("/dev/tcp/127.0.0.1/8070").contains("GET /actuator/health/readiness")
			.contains("200");
	}

	@Test
	void mongoIsASingleNodeReplicaSetInitiatedByItsHealthcheck() {
		List<String> command = Tree.at(services, "mongo.command");
		String replicaSet = command.get(command.indexOf("--replSet") + 1);
		String check = String.join(" ", Tree.<List<String>>at(services, "mongo.healthcheck.test"));

		assertThat(check).contains("mongosh").contains("rs.initiate({_id: '" + replicaSet + "'")
			.contains("host: 'mongo:27017'").contains("isWritablePrimary");
		assertThat(env("message-service").get("SPRING_MONGODB_URI"))
			.isEqualTo("mongodb://mongo:27017/chat?replicaSet=" + replicaSet);
	}

	@Test
	void kafkaRunsKraftAndTheAppsUseItsAdvertisedInternalListener() {
		Map<String, Object> kafka = env("kafka");

		assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
			.containsKey("CLUSTER_ID")
			.doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
		assertThat((String) kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:19092");
		for (String app : APPS) {
			assertThat(env(app)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
		}
	}

	@Test
	void servicesCreateTheirTopicsToFitTheSingleBroker() {
		assertThat(env("message-service")).containsEntry("CHAT_MESSAGES_PARTITIONS", "${KAFKA_PARTITIONS:-12}")
			.containsEntry("CHAT_MESSAGES_REPLICATIONFACTOR", "1");
		assertThat(env("presence-service")).containsEntry("CHAT_PRESENCE_PARTITIONS", "${KAFKA_PARTITIONS:-12}")
			.containsEntry("CHAT_PRESENCE_REPLICATIONFACTOR", "1");
		assertThat(env("kafka")).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 1);
	}

	@Test
	void appsAuthenticateToRedisWithItsPassword() {
		List<String> command = Tree.at(services, "redis.command");
		String password = command.get(command.indexOf("--requirepass") + 1);

		for (String app : APPS) {
			assertThat(env(app)).containsEntry("SPRING_DATA_REDIS_HOST", "redis")
				.containsEntry("SPRING_DATA_REDIS_PORT", "6379")
				.containsEntry("SPRING_DATA_REDIS_PASSWORD", password);
		}
	}

	@Test
	void gatewaysCarryAuthAndDevSettingsAndOnlyMessageServiceGetsMongo() {
		for (String gateway : List.of("gateway-1", "gateway-2")) {
			assertThat(env(gateway)).containsKeys("CHAT_AUTH_JWT_SECRET", "CHAT_DEV_ENABLED")
				.doesNotContainKey("SPRING_MONGODB_URI");
		}
		assertThat(env("presence-service")).doesNotContainKeys("SPRING_MONGODB_URI", "CHAT_AUTH_JWT_SECRET");
	}

	@Test
	void gatewaysPerAddressLimitIsOffUnlessAskedForBecauseLaptopClientsShareOneAddress() {
		for (String gateway : List.of("gateway-1", "gateway-2")) {
			assertThat(env(gateway)).containsEntry("CHAT_ENGINE_MAXCONNECTIONSPERADDRESS",
					"${CHAT_MAX_CONNECTIONS_PER_ADDRESS:-0}");
		}
		assertThat(env("message-service")).doesNotContainKey("CHAT_ENGINE_MAXCONNECTIONSPERADDRESS");
	}

	@ParameterizedTest
	@CsvSource({ "gateway-1,'kafka,redis'", "gateway-2,'kafka,redis'", "message-service,'kafka,redis,mongo'",
			"presence-service,'kafka,redis'" })
	void appsStartOnlyOnceTheirBackendsAreHealthy(String service, String backends) {
		Map<String, Object> dependsOn = Tree.map(services, service + ".depends_on");

		assertThat(dependsOn).containsOnlyKeys(backends.split(","));
		dependsOn.values().forEach(d -> assertThat(Tree.<String>at(d, "condition")).isEqualTo("service_healthy"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway-1", "gateway-2", "message-service", "presence-service" })
	void appsGetAMemoryLimitAndTimeToDrain(String service) {
		assertThat((String) Tree.at(services, service + ".mem_limit")).isNotBlank();
		assertThat((String) Tree.at(services, service + ".stop_grace_period")).isEqualTo("40s");
	}

	private static String image(String service) {
		return Tree.at(services, service + ".image");
	}

	private static Map<String, Object> env(String service) {
		return Tree.map(services, service + ".environment");
	}

}
