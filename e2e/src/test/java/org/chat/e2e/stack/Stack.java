package org.chat.e2e.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.chat.infra.FreePort;
import org.chat.infra.supervise.ProcessSpec;
import org.chat.infra.supervise.Readiness;
import org.chat.infra.supervise.SupervisedProcess;
import org.chat.infra.supervise.Supervisor;
import org.chat.testsupport.TestInfra;

/**
 * The whole system under test, once per test JVM: the shared infrastructure ({@link TestInfra}: Kafka, Redis,
 * Mongo) and the service JVMs on free ports, started in parallel by the same {@link Supervisor} as {@code ./chat up}:
 * gateways {@code gateway-a}, {@code gateway-b}, {@code gateway-c} ({@code chat.gateway.id} gw-a, gw-b, gw-c; dev
 * mode on), {@code message-service-1..2} and {@code presence-service-1..2} (the scaled topology;
 * {@code -De2e.gateways}, {@code -De2e.message-services}, {@code -De2e.presence-services} change it). Tests kill,
 * restart, roll and add processes; nothing restarts by itself here, so a killed instance stays down until a test
 * starts it. {@link #close()} stops every process; the supervisor's orphan guard does it if the test JVM dies.
 */
public final class Stack implements AutoCloseable {

	/** HS256 secret of this run's gateways; tests sign hand-made (expired, forged) tokens with it. */
	public static final String JWT_SECRET = "e2e-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	/** Shorter than the 5 s default, so the typing-expiry scenario is quick. */
	public static final Duration TYPING_TIMEOUT = Duration.ofSeconds(2);

	/** A rolled (SIGTERMed) process's graceful shutdown: the services' shutdown phase is 20 s. */
	private static final Duration GRACE = Duration.ofSeconds(30);

	private static Stack instance;

	private static RuntimeException startFailure;

	private final StackSettings settings;

	private final Supervisor supervisor;

	private final List<String> infraArgs;

	private Stack(StackSettings settings, Supervisor supervisor, List<String> infraArgs) {
		this.settings = settings;
		this.supervisor = supervisor;
		this.infraArgs = infraArgs;
	}

	/**
	 * The stack of this JVM, started on first use; closed by a shutdown hook if nobody closes it earlier. A failed
	 * start is not retried: every later scenario fails at once with the same cause.
	 */
	public static synchronized Stack get() {
		if (startFailure != null) {
			throw new IllegalStateException("the stack failed to start earlier in this JVM", startFailure);
		}
		if (instance == null) {
			try {
				instance = start(StackSettings.fromSystemProperties());
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
			Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "e2e-stack-shutdown"));
		}
		return instance;
	}

	static Stack start(StackSettings settings) {
		long began = System.nanoTime();
		TestInfra infra = TestInfra.get();
		List<String> infraArgs = List.of("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
				"--spring.data.redis.host=" + infra.redisHost(), "--spring.data.redis.port=" + infra.redisPort(),
				"--spring.mongodb.uri=" + infra.mongoUri());
		Supervisor supervisor = new Supervisor(settings.logsDir(), settings.logsDir().resolve("pids"),
				line -> System.out.println("[e2e] " + line));
		Stack stack = new Stack(settings, supervisor, infraArgs);
		try {
			IntStream.range(0, settings.gateways()).forEach(i -> stack.define(gateway(i)));
			IntStream.rangeClosed(1, settings.messageServices()).forEach(n -> stack.define(messageService(n)));
			IntStream.rangeClosed(1, settings.presenceServices()).forEach(n -> stack.define(presenceService(n)));
			supervisor.startAll(supervisor.processes(), settings.readyTimeout());
			System.out.printf("[e2e] stack ready in %d ms: %s (logs in %s)%n", (System.nanoTime() - began) / 1_000_000,
					supervisor.processes(), settings.logsDir().toAbsolutePath());
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	/** {@code gateway-a}, {@code gateway-b}, ... for index 0, 1, ... */
	public static String gateway(int index) {
		return "gateway-" + (char) ('a' + index);
	}

	public static String messageService(int n) {
		return "message-service-" + n;
	}

	public static String presenceService(int n) {
		return "presence-service-" + n;
	}

	/** The {@code chat.gateway.id} of a gateway process: {@code gw-a} for {@code gateway-a}. */
	public static String gatewayId(String gatewayName) {
		return "gw-" + gatewayName.substring("gateway-".length());
	}

	private SupervisedProcess define(String name) {
		int port = FreePort.find();
		int managementPort = FreePort.find();
		String module = name.startsWith("gateway-") ? "gateway" : name.replaceFirst("-\\d+$", "");
		Path jar = switch (module) {
			case "gateway" -> this.settings.gatewayJar();
			case "message-service" -> this.settings.messageServiceJar();
			default -> this.settings.presenceServiceJar();
		};
		List<String> command = new ArrayList<>();
		command.add(ProcessSpec.java());
		command.addAll(this.settings.jvmOptions());
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--management.server.port=" + managementPort));
		command.addAll(this.infraArgs);
		if (module.equals("gateway")) {
			command.add("--chat.gateway.id=" + gatewayId(name));
			command.add("--chat.dev.enabled=true");
			// one secret for every gateway: a token from one is valid on the others, as behind a load balancer
			command.add("--chat.auth.jwt-secret=" + JWT_SECRET);
		}
		if (module.equals("presence-service")) {
			command.add("--chat.presence.typing.timeout=" + TYPING_TIMEOUT.toMillis() + "ms");
		}
		command.addAll(extraArgs(module));
		return this.supervisor.add(new ProcessSpec(name, command, Map.of("CHAT_INSTANCE_ID", name),
				Readiness.http(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")), false,
				Map.of(Supervisor.PORT, Integer.toString(port), Supervisor.MANAGEMENT_PORT,
						Integer.toString(managementPort))));
	}

	/** {@code -De2e.args.gateway="--a=b --c=d"} (or message-service, presence-service) adds arguments. */
	private static List<String> extraArgs(String module) {
		String extra = System.getProperty("e2e.args." + module, "").trim();
		return extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
	}

	public SupervisedProcess process(String name) {
		return this.supervisor.process(name);
	}

	/** The names of every process defined so far, in start order. */
	public List<String> names() {
		return this.supervisor.processes().stream().map(SupervisedProcess::name).toList();
	}

	public List<String> names(String prefix) {
		return names().stream().filter(n -> n.startsWith(prefix)).toList();
	}

	/** The running processes whose names start with {@code prefix}. */
	public List<String> running(String prefix) {
		return names(prefix).stream().filter(n -> process(n).isAlive()).toList();
	}

	/** The client URI of a gateway process. */
	public URI uri(String gatewayName) {
		return URI.create("http://127.0.0.1:" + process(gatewayName).spec().attributes().get(Supervisor.PORT));
	}

	public URI gatewayA() {
		return uri(gateway(0));
	}

	public URI gatewayB() {
		return uri(gateway(1));
	}

	/** SIGKILL, as a crash: no shutdown hooks, no close events. It stays down until {@link #start}. */
	public void kill(String name) {
		process(name).kill();
	}

	/** Starts a killed or stopped process again on its ports (unless it runs) and waits until it is ready. */
	public void start(String name) {
		SupervisedProcess process = process(name);
		if (!process.isAlive()) {
			process.start();
		}
		process.awaitReady(this.settings.readyTimeout());
	}

	/** A crash and a restart: SIGKILL, then start on the same ports and wait for readiness. */
	public void restart(String name) {
		kill(name);
		start(name);
	}

	/** What {@code kubectl rollout restart} does to one pod: SIGTERM (graceful shutdown), start, wait for readiness. */
	public void roll(String name) {
		process(name).stop(GRACE);
		start(name);
	}

	/** Scale-out: one more message-service instance, started and ready; returns its name. */
	public String addMessageService() {
		String name = messageService(names("message-service-").size() + 1);
		define(name);
		start(name);
		return name;
	}

	/** Scale-in of one instance: a graceful stop, as Kubernetes deletes a pod. */
	public void stop(String name) {
		process(name).stop(GRACE);
	}

	/** Log tails of every process, for failure messages. */
	public String logTails(int lines) {
		StringBuilder out = new StringBuilder();
		this.supervisor.processes()
			.forEach(p -> out.append("----- ").append(p).append(" -----\n").append(p.logTail(lines)).append('\n'));
		return out.toString();
	}

	@Override
	public synchronized void close() {
		this.supervisor.stop(this.supervisor.processes(), Duration.ofSeconds(5));
		this.supervisor.close();
	}

}
