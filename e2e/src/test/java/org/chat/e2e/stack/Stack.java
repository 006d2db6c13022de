package org.chat.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chat.infra.FreePort;
import org.chat.testsupport.TestInfra;

/**
 * The whole system under test, once per test JVM: the shared infrastructure ({@link TestInfra}: Kafka, Redis,
 * Mongo) and four real service JVMs — message-service, presence-service and two gateways ({@code gw-a},
 * {@code gw-b}, dev mode on) — started in parallel on free ports. Any process can be SIGKILLed and restarted on
 * its port (chaos tests). {@link #close()} destroys every process; a {@link Watchdog} does it if the JVM dies.
 */
public final class Stack implements AutoCloseable {

	/** HS256 secret of this run's gateways; tests sign hand-made (expired, forged) tokens with it. */
	public static final String JWT_SECRET = "e2e-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	/** Shorter than the 5 s default, so the typing-expiry scenario is quick. */
	public static final Duration TYPING_TIMEOUT = Duration.ofSeconds(2);

	private static Stack instance;

	private static RuntimeException startFailure;

	private final Map<Service, StackProcess> processes;

	private final Watchdog watchdog;

	private final Duration readyTimeout;

	private Stack(Map<Service, StackProcess> processes, Watchdog watchdog, Duration readyTimeout) {
		this.processes = processes;
		this.watchdog = watchdog;
		this.readyTimeout = readyTimeout;
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
				"--spring.mongodb.uri=" + infra.mongoUri(), "--management.endpoint.health.probes.enabled=true");
		Path pidDir = settings.logsDir().resolve("pids");
		createDirectories(pidDir);
		Map<Service, StackProcess> processes = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			processes.put(service, process(service, settings, infraArgs));
		}
		Stack stack = new Stack(processes, Watchdog.watch(pidDir), settings.readyTimeout());
		try {
			processes.values().forEach(StackProcess::start);
			processes.values().forEach(p -> p.awaitReady(settings.readyTimeout()));
			System.out.printf("[e2e] stack ready in %d ms: %s (logs in %s)%n", (System.nanoTime() - began) / 1_000_000,
					processes.values(), settings.logsDir().toAbsolutePath());
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private static StackProcess process(Service service, StackSettings settings, List<String> infraArgs) {
		int port = FreePort.find();
		Path jar = switch (service) {
			case GATEWAY_A, GATEWAY_B -> settings.gatewayJar();
			case MESSAGE_SERVICE -> settings.messageServiceJar();
			case PRESENCE_SERVICE -> settings.presenceServiceJar();
		};
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(settings.jvmOptions());
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.add("--server.port=" + port);
		command.addAll(infraArgs);
		if (service.isGateway()) {
			command.add("--chat.gateway.id=" + service.gatewayId());
			command.add("--chat.dev.enabled=true");
			// one secret for both gateways: a token from one is valid on the other, as behind a load balancer
			command.add("--chat.auth.jwt-secret=" + JWT_SECRET);
		}
		if (service == Service.PRESENCE_SERVICE) {
			command.add("--chat.presence.typing.timeout=" + TYPING_TIMEOUT.toMillis() + "ms");
		}
		command.addAll(extraArgs(service));
		return new StackProcess(service.processName(), command, port, settings.logsDir());
	}

	/** {@code -De2e.args.gateway="--a=b --c=d"} (or message-service, presence-service) adds arguments. */
	private static List<String> extraArgs(Service service) {
		String module = service.isGateway() ? "gateway" : service.processName();
		String extra = System.getProperty("e2e.args." + module, "").trim();
		return extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
	}

	public StackProcess process(Service service) {
		return this.processes.get(service);
	}

	public URI gatewayA() {
		return process(Service.GATEWAY_A).baseUri();
	}

	public URI gatewayB() {
		return process(Service.GATEWAY_B).baseUri();
	}

	/** SIGKILL, as a crash. */
	public void kill(Service service) {
		process(service).kill();
	}

	/** Starts a killed or stopped process again on its port and waits until it is ready. */
	public void restart(Service service) {
		StackProcess process = process(service);
		process.kill();
		process.start();
		process.awaitReady(this.readyTimeout);
	}

	/** Log tails of every process, for failure messages. */
	public String logTails(int lines) {
		StringBuilder out = new StringBuilder();
		this.processes.values()
			.forEach(p -> out.append("----- ").append(p).append(" -----\n").append(p.logTail(lines)).append('\n'));
		return out.toString();
	}

	@Override
	public synchronized void close() {
		this.processes.values().parallelStream().forEach(p -> p.stop(Duration.ofSeconds(5)));
		this.watchdog.close();
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
