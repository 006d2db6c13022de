package org.chat.infra.supervise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Starts, watches and stops the processes of a local stack: one supervisor for {@code ./chat up} and for the
 * end-to-end fixture. Each child gets a log and a pid file that records its start time; orphans of a supervisor that
 * died without stopping them are found by those files ({@link Orphans}), never by a process name.
 */
public final class Supervisor implements AutoCloseable {

	/** Pid-file attribute: the port clients use. */
	public static final String PORT = "port";

	/** Pid-file attribute: the management (actuator) port. */
	public static final String MANAGEMENT_PORT = "management-port";

	private final Path logDir;

	private final Path runDir;

	private final Consumer<String> report;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "supervisor-restarts");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, SupervisedProcess> processes = new LinkedHashMap<>();

	private final OrphanGuard guard;

	/**
	 * @param report where restarts and forced kills are told (the console of {@code ./chat up}, the test output)
	 */
	public Supervisor(Path logDir, Path runDir, Consumer<String> report) {
		this.logDir = logDir;
		this.runDir = runDir;
		this.report = report;
		createDirectories(logDir);
		createDirectories(runDir);
		this.guard = OrphanGuard.watch(runDir);
	}

	/** Adds a child without starting it. */
	public synchronized SupervisedProcess add(ProcessSpec spec) {
		if (this.processes.containsKey(spec.name())) {
			throw new IllegalArgumentException("a process named " + spec.name() + " exists already");
		}
		SupervisedProcess process = new SupervisedProcess(spec, this.logDir, this.runDir, this.scheduler, this.report);
		this.processes.put(spec.name(), process);
		return process;
	}

	/** Starts every child, then waits until all are ready (they start in parallel). */
	public void startAll(Collection<SupervisedProcess> children, Duration readyTimeout) {
		children.forEach(SupervisedProcess::start);
		awaitReady(children, readyTimeout);
	}

	/** Waits for every child's readiness in parallel; the first failure is thrown with the others suppressed. */
	public void awaitReady(Collection<SupervisedProcess> children, Duration timeout) {
		List<RuntimeException> failures = new ArrayList<>();
		children.parallelStream().forEach(child -> {
			try {
				child.awaitReady(timeout);
			}
			catch (RuntimeException ex) {
				synchronized (failures) {
					failures.add(ex);
				}
			}
		});
		if (!failures.isEmpty()) {
			RuntimeException first = failures.get(0);
			failures.subList(1, failures.size()).forEach(first::addSuppressed);
			throw first;
		}
	}

	public synchronized SupervisedProcess process(String name) {
		SupervisedProcess process = this.processes.get(name);
		if (process == null) {
			throw new IllegalArgumentException("no process " + name + "; known: " + this.processes.keySet());
		}
		return process;
	}

	public synchronized List<SupervisedProcess> processes() {
		return List.copyOf(this.processes.values());
	}

	/**
	 * No child is restarted from now on: the first step of a shutdown. Ctrl-C reaches every child of the terminal
	 * at once, so one that exits before its turn to be stopped must not come back meanwhile.
	 */
	public void holdAll() {
		processes().forEach(SupervisedProcess::hold);
	}

	/** Stops the named children in parallel: SIGTERM, then SIGKILL after {@code grace}. */
	public void stop(Collection<SupervisedProcess> children, Duration grace) {
		children.parallelStream().forEach(child -> child.stop(grace));
	}

	/** Stops every child (in parallel; a caller that needs an order stops tiers with {@link #stop} first). */
	@Override
	public void close() {
		stop(processes(), Duration.ofSeconds(20));
		this.scheduler.shutdownNow();
		this.guard.close();
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
