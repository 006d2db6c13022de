package org.chat.infra.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chat.infra.supervise.ProcessSpec;
import org.chat.infra.supervise.Readiness;
import org.chat.infra.supervise.Supervisor;

/**
 * The processes of the local stack and their ports: Kafka, Redis and the Mongo store, then gateways on the given
 * ports and {@code message-service-1..M}, {@code presence-service-1..K}, {@code notification-service-1..N}. Every
 * process gets its own ports: the services' ports are handed out upwards from {@code CHAT_MESSAGE_PORT} /
 * {@code CHAT_PRESENCE_PORT} / {@code CHAT_NOTIFICATION_PORT} and the management (actuator) ports upwards from
 * {@code CHAT_MANAGEMENT_PORT}, in that order (gateways, message-services, presence-services,
 * notification-services), skipping any port already given to another process.
 */
final class Topology {

	enum Tier {
		INFRASTRUCTURE, SERVICE, GATEWAY
	}

	/** @param training how to train the class data archive of the member's module; {@code null}: none */
	record Member(ProcessSpec spec, Tier tier, String module, ClassDataArchives.Training training) {

		Member(ProcessSpec spec, Tier tier) {
			this(spec, tier, null, null);
		}

		String name() {
			return this.spec.name();
		}

	}

	private final List<Member> members;

	private Topology(List<Member> members) {
		this.members = List.copyOf(members);
	}

	static Topology of(StackSettings s, Path redisBinary, String devSecret, DevVapidKeys vapid) {
		Set<Integer> taken = new HashSet<>(List.of(s.kafkaPort(), s.kafkaControllerPort(), s.redisPort(), s.mongoPort()));
		taken.addAll(s.gatewayPorts());
		List<Member> members = new ArrayList<>();
		String infraClasspath = System.getProperty("java.class.path");
		members.add(new Member(infra("kafka", s.kafkaPort(), java(s, s.kafkaHeap(), "-cp", infraClasspath,
				"org.chat.infra.kafka.KafkaMain", "--port=" + s.kafkaPort(), "--controller-port=" + s.kafkaControllerPort(),
				"--partitions=" + s.kafkaPartitions(), "--data-dir=" + s.dataDir().resolve("kafka"))), Tier.INFRASTRUCTURE));
		members.add(new Member(infra("redis", s.redisPort(), List.of(redisBinary.toString(), "--port",
				Integer.toString(s.redisPort()), "--bind", "127.0.0.1", "--dir", s.dataDir().resolve("redis").toString(),
				"--appendonly", "yes", "--save", "", "--daemonize", "no")), Tier.INFRASTRUCTURE));
		members.add(new Member(infra("mongo", s.mongoPort(), java(s, s.mongoHeap(), "-cp", infraClasspath,
				"org.chat.infra.mongo.MongoMain", "--port=" + s.mongoPort(), "--data-dir=" + s.dataDir().resolve("mongo"))),
				Tier.INFRASTRUCTURE));

		List<String> infraArgs = List.of("--spring.kafka.bootstrap-servers=localhost:" + s.kafkaPort(),
				"--spring.data.redis.host=localhost", "--spring.data.redis.port=" + s.redisPort(),
				"--spring.mongodb.uri=mongodb://localhost:" + s.mongoPort() + "/chat");
		PortCursor management = new PortCursor(s.managementPort(), taken);
		for (int port : s.gatewayPorts()) {
			List<String> args = new ArrayList<>(infraArgs);
			// Every local client (browser, bench, Gatling) comes from 127.0.0.1: the per-address limit is off unless asked.
			args.addAll(List.of("--chat.gateway.id=gw-" + port, "--chat.dev.enabled=true",
					"--chat.engine.max-connections-per-address=" + s.maxConnectionsPerAddress()));
			// One dev signing secret for every gateway and restart: a token from one is valid on the others, as
			// behind a load balancer.
			Map<String, String> env = new LinkedHashMap<>(Map.of("CHAT_AUTH_JWT_SECRET", devSecret));
			if (s.notificationInstances() > 0) {
				// served at /push/vapid-public-key: the web page's Notify switch subscribes with it
				env.put("CHAT_PUSH_VAPIDPUBLICKEY", vapid.publicKey());
			}
			members.add(service(s, "gateway-" + port, "gateway", s.gatewayHeap(), port, management.take(), args, env,
					Tier.GATEWAY));
		}
		addInstances(members, s, "message-service", s.messageInstances(), new PortCursor(s.messagePort(), taken),
				management, infraArgs, Map.of());
		addInstances(members, s, "presence-service", s.presenceInstances(), new PortCursor(s.presencePort(), taken),
				management, infraArgs, Map.of());
		// Web Push only: APNs and FCM need an Apple or Firebase account (docs/NOTIFICATIONS.md)
		addInstances(members, s, "notification-service", s.notificationInstances(),
				new PortCursor(s.notificationPort(), taken), management, infraArgs,
				Map.of("CHAT_PUSH_WEBPUSH_PUBLICKEY", vapid.publicKey(), "CHAT_PUSH_WEBPUSH_PRIVATEKEY", vapid.privateKey()));
		return new Topology(members);
	}

	/** {@code <module>-1} to {@code <module>-<count>}, each with its own port and management port. */
	private static void addInstances(List<Member> members, StackSettings s, String module, int count, PortCursor ports,
			PortCursor management, List<String> infraArgs, Map<String, String> env) {
		for (int i = 1; i <= count; i++) {
			members.add(service(s, module + "-" + i, module, s.serviceHeap(), ports.take(), management.take(),
					infraArgs, env, Tier.SERVICE));
		}
	}

	/** Hands out ports upwards from a base, skipping every port some process of the stack has already. */
	private static final class PortCursor {

		private final Set<Integer> taken;

		private int next;

		PortCursor(int base, Set<Integer> taken) {
			this.next = base;
			this.taken = taken;
		}

		int take() {
			while (this.taken.contains(this.next)) {
				this.next++;
			}
			this.taken.add(this.next);
			return this.next++;
		}

	}

	private static ProcessSpec infra(String name, int port, List<String> command) {
		return new ProcessSpec(name, command, Map.of(), Readiness.port(port), true,
				Map.of(Supervisor.PORT, Integer.toString(port)));
	}

	private static Member service(StackSettings s, String name, String module, String heap, int port,
			int managementPort, List<String> args, Map<String, String> env, Tier tier) {
		Path jar = s.jar(module);
		List<String> jvm = java(s, heap);
		List<String> command = new ArrayList<>(jvm);
		// with class data sharing: the extracted jar and its archive (ClassDataArchives), else the jar itself
		command.addAll(s.classDataSharing() ? new ClassDataArchives(s.home(), line -> { }).launch(module, jar)
				: List.of("-jar", jar.toString()));
		command.addAll(List.of("--server.port=" + port, "--management.server.port=" + managementPort));
		command.addAll(args);
		Map<String, String> environment = new LinkedHashMap<>(env);
		// the instance's stable name: Kafka static membership (group.instance.id), as the pod name is on Kubernetes
		environment.put("CHAT_INSTANCE_ID", name);
		ProcessSpec spec = new ProcessSpec(name, command, environment,
				Readiness.http(java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")),
				true, Map.of(Supervisor.PORT, Integer.toString(port), Supervisor.MANAGEMENT_PORT,
						Integer.toString(managementPort)));
		// the training run starts like the service, on free ports and without the instance id (it never consumes)
		List<String> trainingArgs = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
		trainingArgs.addAll(args);
		return new Member(spec, tier, module,
				s.classDataSharing() ? new ClassDataArchives.Training(jvm, jar, trainingArgs, env) : null);
	}

	/** One training per module (its first instance's settings), for the modules of this topology. */
	Map<String, ClassDataArchives.Training> trainings() {
		Map<String, ClassDataArchives.Training> trainings = new LinkedHashMap<>();
		this.members.stream()
			.filter(m -> m.training() != null)
			.forEach(m -> trainings.putIfAbsent(m.module(), m.training()));
		return trainings;
	}

	/** Serial GC: least overhead on a 2-core box; an OOM ends the JVM, so the supervisor restarts it. */
	private static List<String> java(StackSettings s, String heap, String... rest) {
		List<String> command = new ArrayList<>(List.of(ProcessSpec.java(), "-Xmx" + heap, "-XX:+UseSerialGC",
				"-XX:+ExitOnOutOfMemoryError"));
		command.addAll(s.javaOptions());
		command.addAll(List.of(rest));
		return command;
	}

	List<Member> members() {
		return this.members;
	}

	List<Member> tier(Tier tier) {
		return this.members.stream().filter(m -> m.tier() == tier).toList();
	}

	/** Only the named processes, or all when {@code names} is empty. */
	Topology only(List<String> names) {
		if (names.isEmpty()) {
			return this;
		}
		List<String> unknown = names.stream().filter(n -> this.members.stream().noneMatch(m -> m.name().equals(n))).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("CHAT_SERVICES names unknown processes " + unknown + "; known: "
					+ this.members.stream().map(Member::name).toList());
		}
		return new Topology(this.members.stream()
			.filter(m -> m.tier() == Tier.INFRASTRUCTURE || names.contains(m.name()))
			.toList());
	}

	Topology infrastructureOnly() {
		return new Topology(tier(Tier.INFRASTRUCTURE));
	}

	/** Every port some process of this topology binds (Kafka's controller port included). */
	List<Integer> ports(StackSettings s) {
		List<Integer> ports = new ArrayList<>(List.of(s.kafkaControllerPort()));
		this.members.forEach(m -> {
			ports.add(Integer.parseInt(m.spec().attributes().get(Supervisor.PORT)));
			String management = m.spec().attributes().get(Supervisor.MANAGEMENT_PORT);
			if (management != null) {
				ports.add(Integer.parseInt(management));
			}
		});
		return ports;
	}

}
