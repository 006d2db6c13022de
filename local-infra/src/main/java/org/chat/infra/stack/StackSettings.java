package org.chat.infra.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chat.infra.LaunchOptions;

/**
 * What {@code ./chat up}, {@code down} and {@code status} run, from the {@code CHAT_*} environment (a
 * {@code --name=value} flag wins): ports, how many of each service, heaps. Defaults in one place, here.
 */
record StackSettings(Path root, Path home, int kafkaPort, int kafkaControllerPort, int kafkaPartitions, int redisPort,
		int mongoPort, List<Integer> gatewayPorts, int messageInstances, int messagePort, int presenceInstances,
		int presencePort, int notificationInstances, int notificationPort, int managementPort, Duration readyTimeout,
		String serviceHeap, String gatewayHeap, String kafkaHeap, String mongoHeap, List<String> javaOptions,
		int maxConnectionsPerAddress, List<String> only, boolean classDataSharing) {

	static final Set<String> FLAGS = Set.of("root", "home", "kafka-port", "kafka-controller-port", "kafka-partitions",
			"redis-port", "mongo-port", "gateway-ports", "message-instances", "message-port", "presence-instances",
			"presence-port", "notification-instances", "notification-port", "management-port", "ready-timeout",
			"service-heap", "gateway-heap", "kafka-heap", "mongo-heap", "java-opts", "max-connections-per-address",
			"services", "cds");

	StackSettings {
		if (gatewayPorts.isEmpty() && only.isEmpty()) {
			throw new IllegalArgumentException("CHAT_GATEWAY_PORTS names no port");
		}
		if (messageInstances < 0 || presenceInstances < 0 || notificationInstances < 0) {
			throw new IllegalArgumentException(
					"CHAT_MESSAGE_INSTANCES, CHAT_PRESENCE_INSTANCES and CHAT_NOTIFICATION_INSTANCES must be 0 or more");
		}
	}

	static StackSettings from(LaunchOptions o) {
		Path root = o.pathValue("root", "CHAT_ROOT", Path.of("")).toAbsolutePath();
		return new StackSettings(root, o.pathValue("home", "CHAT_HOME", root.resolve(".chat")).toAbsolutePath(),
				o.intValue("kafka-port", "CHAT_KAFKA_PORT", 9092),
				o.intValue("kafka-controller-port", "CHAT_KAFKA_CONTROLLER_PORT", 9093),
				o.intValue("kafka-partitions", "CHAT_KAFKA_PARTITIONS", 12), o.intValue("redis-port", "CHAT_REDIS_PORT", 6379),
				o.intValue("mongo-port", "CHAT_MONGO_PORT", 27017),
				words(o.stringValue("gateway-ports", "CHAT_GATEWAY_PORTS", "8080 8081")).stream()
					.map(StackSettings::port)
					.toList(),
				o.intValue("message-instances", "CHAT_MESSAGE_INSTANCES", 1),
				o.intValue("message-port", "CHAT_MESSAGE_PORT", 8090),
				o.intValue("presence-instances", "CHAT_PRESENCE_INSTANCES", 1),
				o.intValue("presence-port", "CHAT_PRESENCE_PORT", 8091),
				// 0 leaves push notifications off (and the gateways without a VAPID key for the web page)
				o.intValue("notification-instances", "CHAT_NOTIFICATION_INSTANCES", 1),
				o.intValue("notification-port", "CHAT_NOTIFICATION_PORT", 8092),
				o.intValue("management-port", "CHAT_MANAGEMENT_PORT", 8070),
				Duration.ofSeconds(o.intValue("ready-timeout", "CHAT_READY_TIMEOUT", 90)),
				o.stringValue("service-heap", "CHAT_SERVICE_HEAP", "256m"),
				// A gateway holds ~8 KiB of live heap per idle socket (docs/PERFORMANCE.md): 512m leaves room for 15,000.
				o.stringValue("gateway-heap", "CHAT_GATEWAY_HEAP", "512m"), o.stringValue("kafka-heap", "CHAT_KAFKA_HEAP", "512m"),
				// The in-memory store keeps ~3.5 KB of live heap per message with its feed entries (docs/LOCAL.md): 3g
				// holds the warm-ups and three 2,000 msgs/s bench runs; 1g ran out in the first after a few lighter ones.
				o.stringValue("mongo-heap", "CHAT_MONGO_HEAP", "3g"), words(o.stringValue("java-opts", "CHAT_JAVA_OPTS", "")),
				o.intValue("max-connections-per-address", "CHAT_MAX_CONNECTIONS_PER_ADDRESS", 0),
				words(o.stringValue("services", "CHAT_SERVICES", "")),
				// class data sharing for the services (ClassDataArchives); 0 starts them from their jars as built
				o.intValue("cds", "CHAT_CDS", 1) != 0);
	}

	static StackSettings from(String[] flags, Map<String, String> env) {
		return from(LaunchOptions.parse(flags, FLAGS, env));
	}

	Path logDir() {
		return this.home.resolve("logs");
	}

	Path runDir() {
		return this.home.resolve("run");
	}

	Path dataDir() {
		return this.home.resolve("data");
	}

	Path binDir() {
		return this.home.resolve("bin");
	}

	Path jar(String module) {
		return this.root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
	}

	private static List<String> words(String text) {
		return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
	}

	private static int port(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("CHAT_GATEWAY_PORTS must be port numbers, got '" + text + "'");
		}
	}

}
