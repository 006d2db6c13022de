package org.chat.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chat.infra.InfraMain;
import org.chat.infra.Preflight;
import org.chat.infra.redis.RedisBinary;
import org.chat.infra.stack.Topology.Member;
import org.chat.infra.stack.Topology.Tier;
import org.chat.infra.supervise.Orphans;
import org.chat.infra.supervise.PidFile;
import org.chat.infra.supervise.Readiness;
import org.chat.infra.supervise.SupervisedProcess;
import org.chat.infra.supervise.Supervisor;

/**
 * {@code ./chat up | down | status}: runs the local stack under one {@link Supervisor} in the foreground until
 * SIGTERM or Ctrl-C, stops one started elsewhere, or lists its processes with their health. Settings come from the
 * {@code CHAT_*} environment ({@link StackSettings}).
 */
public final class ChatStack {

	static final String SUPERVISOR = "chat";

	private static final Duration GATEWAY_GRACE = Duration.ofSeconds(40);

	private static final Duration INFRA_GRACE = Duration.ofSeconds(20);

	private static final Duration DOWN_WAIT = Duration.ofSeconds(90);

	private ChatStack() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		if (args.length == 0) {
			System.err.println("usage: ChatStack up [--infra-only] | down | status  (settings: CHAT_* environment)");
			System.exit(2);
		}
		List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		boolean infraOnly = rest.remove("--infra-only");
		try {
			StackSettings settings = StackSettings.from(rest.toArray(String[]::new), System.getenv());
			int status = switch (args[0]) {
				case "up" -> up(settings, infraOnly);
				case "down" -> down(settings);
				case "status" -> status(settings);
				default -> throw new IllegalArgumentException("unknown command " + args[0]);
			};
			System.exit(status);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			say("error: " + ex.getMessage());
			System.exit(1);
		}
	}

	static int up(StackSettings settings, boolean infraOnly) {
		Path supervisorPid = settings.runDir().resolve(SUPERVISOR + ".pid");
		Optional<ProcessHandle> running = PidFile.read(supervisorPid).flatMap(PidFile::liveProcess);
		if (running.isPresent()) {
			throw new IllegalStateException("already running (supervisor pid " + running.get().pid()
					+ "); ./chat down stops it");
		}
		Orphans.reap(settings.runDir(), INFRA_GRACE, ChatStack::say);
		DevVapidKeys vapid = settings.notificationInstances() > 0 && !infraOnly
				? DevVapidKeys.in(settings.dataDir(), settings.jar("notification-service")) : DevVapidKeys.NONE;
		Topology all = Topology.of(settings, RedisBinary.resolve(settings.binDir()), DevSecret.in(settings.dataDir()),
				vapid);
		Topology topology = infraOnly ? all.infrastructureOnly() : all.only(settings.only());
		ClassDataArchives archives = new ClassDataArchives(settings.home(), ChatStack::say);
		topology.trainings().forEach((module, training) -> {
			if (!Files.isRegularFile(training.jar())) {
				throw new IllegalStateException(training.jar() + " is missing (./mvnw -DskipTests package)");
			}
			archives.extract(module, training.jar());
		});
		for (Member member : topology.members()) {
			missingJar(member).ifPresent(jar -> {
				throw new IllegalStateException(jar + " is missing (./mvnw -DskipTests package)");
			});
		}
		List<Integer> busy = Preflight.busyPorts(topology.ports(settings));
		if (!busy.isEmpty()) {
			throw new IllegalStateException("port(s) already in use: " + busy
					+ " (another ./chat up, or another server; change them with the CHAT_*_PORT variables)");
		}
		rotateLogs(settings.logDir(), topology);
		createDirectories(settings.dataDir().resolve("redis")); // redis-server refuses a missing --dir
		PidFile.of(ProcessHandle.current(), Map.of()).orElseThrow().write(supervisorPid);

		long began = System.nanoTime();
		Supervisor supervisor = new Supervisor(settings.logDir(), settings.runDir(), ChatStack::say);
		topology.members().forEach(m -> supervisor.add(m.spec()));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopAll(supervisor, topology, supervisorPid);
			stopped.countDown();
		}, "chat-stop"));
		try {
			say("starting kafka :" + settings.kafkaPort() + ", redis :" + settings.redisPort() + ", mongo :"
					+ settings.mongoPort() + " (data in " + settings.dataDir() + ")");
			supervisor.startAll(processes(supervisor, topology, Tier.INFRASTRUCTURE), settings.readyTimeout());
			say("kafka, redis, mongo ready");
			// needs the infrastructure: a training run refreshes the application context as a start does
			archives.train(topology.trainings());
			List<SupervisedProcess> services = new ArrayList<>(processes(supervisor, topology, Tier.SERVICE));
			services.addAll(processes(supervisor, topology, Tier.GATEWAY));
			if (!services.isEmpty()) {
				say("starting " + services.stream().map(SupervisedProcess::name).toList());
				long servicesBegan = System.nanoTime();
				supervisor.startAll(services, settings.readyTimeout());
				// start to ready of the services (warm-up included): what a new pod costs before it takes traffic
				say(String.format("services ready in %.1f s", (System.nanoTime() - servicesBegan) / 1e9));
			}
		}
		catch (RuntimeException ex) {
			say("error: " + ex.getMessage());
			System.exit(1);
		}
		say("up in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) + " s");
		printUrls(settings, topology);
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	/** Front to back: gateways drain first, then the services, then the infrastructure. */
	private static void stopAll(Supervisor supervisor, Topology topology, Path supervisorPid) {
		say("stopping");
		supervisor.holdAll();
		supervisor.stop(processes(supervisor, topology, Tier.GATEWAY), GATEWAY_GRACE);
		supervisor.stop(processes(supervisor, topology, Tier.SERVICE), GATEWAY_GRACE);
		supervisor.stop(processes(supervisor, topology, Tier.INFRASTRUCTURE), INFRA_GRACE);
		supervisor.close();
		try {
			Files.deleteIfExists(supervisorPid);
		}
		catch (IOException ex) {
			// stale: its start time matches no process
		}
		say("stopped");
	}

	private static List<SupervisedProcess> processes(Supervisor supervisor, Topology topology, Tier tier) {
		return topology.tier(tier).stream().map(m -> supervisor.process(m.name())).toList();
	}

	private static Optional<Path> missingJar(Member member) {
		List<String> command = member.spec().command();
		int jar = command.indexOf("-jar");
		return jar < 0 || Files.isRegularFile(Path.of(command.get(jar + 1))) ? Optional.empty()
				: Optional.of(Path.of(command.get(jar + 1)));
	}

	/** Each run starts fresh logs; the previous run's stay as {@code <name>.log.1}. */
	private static void rotateLogs(Path logDir, Topology topology) {
		for (Member member : topology.members()) {
			Path log = logDir.resolve(member.name() + ".log");
			try {
				if (Files.exists(log)) {
					Files.move(log, logDir.resolve(member.name() + ".log.1"),
							java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int down(StackSettings settings) {
		Path supervisorPid = settings.runDir().resolve(SUPERVISOR + ".pid");
		Optional<ProcessHandle> supervisor = PidFile.read(supervisorPid).flatMap(PidFile::liveProcess);
		if (supervisor.isPresent()) {
			ProcessHandle process = supervisor.get();
			say("stopping the stack (supervisor pid " + process.pid() + ")");
			process.destroy();
			try {
				process.onExit().get(DOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (Exception notStopped) {
				say("supervisor still running after " + DOWN_WAIT.toSeconds() + " s: killing it and its children");
				process.destroyForcibly();
			}
		}
		Orphans.reap(settings.runDir(), INFRA_GRACE, ChatStack::say);
		say("down");
		return 0;
	}

	/** Each process of the configured stack and any other with a pid file: pid, ports, readiness. */
	static int status(StackSettings settings) {
		Optional<ProcessHandle> supervisor = PidFile.read(settings.runDir().resolve(SUPERVISOR + ".pid"))
			.flatMap(PidFile::liveProcess);
		System.out.println(supervisor.map(p -> String.format("%-22s running  pid %d", "supervisor", p.pid()))
			.orElse(String.format("%-22s stopped", "supervisor")));
		Set<String> names = new LinkedHashSet<>();
		Topology.of(settings, Path.of("redis-server"), "", DevVapidKeys.NONE).members().forEach(m -> names.add(m.name()));
		names.addAll(pidFileNames(settings.runDir()));
		names.remove(SUPERVISOR);
		for (String name : names) {
			Optional<PidFile> record = PidFile.read(settings.runDir().resolve(name + ".pid"));
			Optional<ProcessHandle> live = record.flatMap(PidFile::liveProcess);
			if (live.isEmpty()) {
				System.out.printf("%-22s stopped%n", name);
				continue;
			}
			PidFile file = record.get();
			String ports = file.intAttribute(Supervisor.PORT).map(p -> "port " + p).orElse("");
			Optional<Integer> management = file.intAttribute(Supervisor.MANAGEMENT_PORT);
			String health = management.map(m -> "  management " + m + "  "
					+ (Readiness.http(java.net.URI.create("http://127.0.0.1:" + m + "/actuator/health/readiness"))
						.check()
						.ready() ? "ready" : "not ready"))
				.orElse("");
			System.out.printf("%-22s running  pid %-8d %s%s%n", name, file.pid(), ports, health);
		}
		return 0;
	}

	private static List<String> pidFileNames(Path runDir) {
		List<String> names = new ArrayList<>();
		if (!Files.isDirectory(runDir)) {
			return names;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
			files.forEach(f -> names.add(f.getFileName().toString().replaceFirst("\\.pid$", "")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		names.sort(null);
		return names;
	}

	private static void printUrls(StackSettings s, Topology topology) {
		System.out.println();
		for (Member m : topology.members()) {
			Map<String, String> a = m.spec().attributes();
			String where = switch (m.tier()) {
				case GATEWAY -> "http://localhost:" + a.get(Supervisor.PORT) + "  (Socket.IO at /socket.io/, the web page at /)";
				case SERVICE -> "port " + a.get(Supervisor.PORT);
				case INFRASTRUCTURE -> "localhost:" + a.get(Supervisor.PORT);
			};
			String management = a.get(Supervisor.MANAGEMENT_PORT);
			System.out.printf("  %-22s %s%s%n", m.name(), where,
					management == null ? "" : "  health http://localhost:" + management + "/actuator/health");
		}
		topology.tier(Tier.GATEWAY).stream().findFirst().ifPresent(g -> System.out.println("  dev token              curl -s -X POST http://localhost:"
				+ g.spec().attributes().get(Supervisor.PORT)
				+ "/dev/token -H 'Content-Type: application/json' -d '{\"userId\":\"alice\",\"name\":\"Alice\"}'"));
		System.out.println("  logs " + s.logDir() + "/   pids " + s.runDir() + "/   data " + s.dataDir() + "/");
		System.out.println("  Ctrl-C (or ./chat down) stops everything.");
		System.out.println();
	}

	static void say(String line) {
		System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " chat: " + line);
	}

}
