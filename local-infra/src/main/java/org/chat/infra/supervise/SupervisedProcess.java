package org.chat.infra.supervise;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child of a {@link Supervisor}. Output (stdout and stderr) is appended to its log across restarts, each start
 * marked by a line; its pid file is written at every start and removed when it is stopped. When it exits by itself
 * and its spec says {@link ProcessSpec#restart() restart}, it is started again after a back-off of 1 s, doubling up to
 * 30 s while it keeps dying, back to 1 s once a run lasted a minute: what Kubernetes does with a crashing container.
 */
public final class SupervisedProcess {

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

	private static final Duration READY_POLL = Duration.ofMillis(250);

	private final ProcessSpec spec;

	private final Path log;

	private final Path pidFile;

	private final ScheduledExecutorService scheduler;

	private final Consumer<String> report;

	private Process process;

	private Instant startedAt;

	/** Set by stop/kill: an exit after it is expected and never restarted. */
	private boolean held = true;

	private ScheduledFuture<?> pendingRestart;

	private Duration backoff = FIRST_BACKOFF;

	private int starts;

	private int restarts;

	SupervisedProcess(ProcessSpec spec, Path logDir, Path runDir, ScheduledExecutorService scheduler,
			Consumer<String> report) {
		this.spec = spec;
		this.log = logDir.resolve(spec.name() + ".log");
		this.pidFile = runDir.resolve(spec.name() + ".pid");
		this.scheduler = scheduler;
		this.report = report;
	}

	public String name() {
		return this.spec.name();
	}

	public ProcessSpec spec() {
		return this.spec;
	}

	public Path log() {
		return this.log;
	}

	public Path pidFile() {
		return this.pidFile;
	}

	/** How many times the supervisor started it again after it exited by itself. */
	public synchronized int restarts() {
		return this.restarts;
	}

	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** The running process, if any. */
	public synchronized Optional<ProcessHandle> handle() {
		return isAlive() ? Optional.of(this.process.toHandle()) : Optional.empty();
	}

	/** Launches it; does not wait for readiness. Starting a running child is an error. */
	public synchronized void start() {
		if (isAlive()) {
			throw new IllegalStateException(name() + " is already running (pid " + this.process.pid() + ")");
		}
		cancelPendingRestart();
		this.held = false;
		launch();
	}

	private void launch() {
		this.starts++;
		try {
			Files.createDirectories(this.log.getParent());
			Files.writeString(this.log, "=== supervisor: starting " + name() + " (start " + this.starts + ") at "
					+ Instant.now() + ": " + String.join(" ", this.spec.command()) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(this.spec.command()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(this.spec.environment());
			Process started = builder.start();
			this.process = started;
			this.startedAt = Instant.now();
			PidFile.of(started.toHandle(), this.spec.attributes())
				.orElseGet(() -> new PidFile(started.pid(), Instant.EPOCH, this.spec.attributes()))
				.write(this.pidFile);
			started.onExit().thenAccept(this::exited);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name() + " (" + this.spec.command().get(0) + ")", ex);
		}
	}

	private synchronized void exited(Process exited) {
		if (exited != this.process || this.held) {
			return;
		}
		boolean ranLong = Duration.between(this.startedAt, Instant.now()).compareTo(HEALTHY_RUN) >= 0;
		if (ranLong) {
			this.backoff = FIRST_BACKOFF;
		}
		String ended = name() + " (pid " + exited.pid() + ") " + this.spec.describeExit(exited.exitValue());
		if (!this.spec.restart()) {
			this.report.accept(ended);
			deletePidFile();
			return;
		}
		String line = ended + "; restarting in " + this.backoff.toSeconds() + " s (log " + this.log + ")";
		this.report.accept(line);
		appendToLog("=== supervisor: " + line);
		this.pendingRestart = this.scheduler.schedule(this::restartAfterBackoff, this.backoff.toMillis(),
				TimeUnit.MILLISECONDS);
		this.backoff = this.backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : this.backoff.multipliedBy(2);
	}

	private synchronized void restartAfterBackoff() {
		if (this.held || isAlive()) {
			return;
		}
		this.restarts++;
		try {
			launch();
		}
		catch (UncheckedIOException ex) {
			this.report.accept(ex.getMessage() + ": " + ex.getCause());
		}
	}

	/**
	 * Polls its readiness until it passes. Fails with the log tail when the timeout runs out, or at once when the
	 * child exited and will not be restarted.
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Readiness.Result last = new Readiness.Result(false, "not checked yet");
		while (System.nanoTime() < deadline) {
			synchronized (this) {
				if (!isAlive() && this.pendingRestart == null && (this.held || !this.spec.restart())) {
					String status = this.process == null ? "never started" : "exited with " + this.process.exitValue();
					throw new IllegalStateException(name() + " " + status + " before it was ready; log " + this.log
							+ " tail:\n" + logTail(60));
				}
			}
			if (isAlive()) {
				last = this.spec.readiness().check();
				if (last.ready()) {
					return;
				}
			}
			sleep(READY_POLL);
		}
		throw new IllegalStateException(name() + " not ready after " + timeout + " (" + this.spec.readiness() + ": "
				+ last.detail() + "); log " + this.log + " tail:\n" + logTail(60));
	}

	/** SIGKILL, with its descendants: a crash, no shutdown hooks. It stays down until {@link #start()}. */
	public void kill() {
		Process p = hold();
		if (p != null && p.isAlive()) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			waitFor(p, Duration.ofSeconds(10));
		}
		deletePidFile();
	}

	/** SIGTERM (a graceful shutdown), SIGKILL if it takes longer than {@code grace}. It stays down until {@link #start()}. */
	public void stop(Duration grace) {
		Process p = hold();
		if (p != null && p.isAlive()) {
			p.destroy();
			if (!waitFor(p, grace)) {
				this.report.accept(name() + " (pid " + p.pid() + ") did not stop within " + grace.toSeconds()
						+ " s: killing it");
				kill();
			}
		}
		deletePidFile();
	}

	/** Its log's last lines, for error messages. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.ISO_8859_1);
			return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** From now on an exit is expected: no restart. Returns the process to stop, if any. */
	synchronized Process hold() {
		this.held = true;
		cancelPendingRestart();
		return this.process;
	}

	private void cancelPendingRestart() {
		if (this.pendingRestart != null) {
			this.pendingRestart.cancel(false);
			this.pendingRestart = null;
		}
	}

	private void appendToLog(String line) {
		try {
			Files.writeString(this.log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// the report line went to the console already
		}
	}

	private void deletePidFile() {
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			// a stale file is harmless: its start time no longer matches any process
		}
	}

	private static boolean waitFor(Process p, Duration timeout) {
		try {
			return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	@Override
	public String toString() {
		String port = this.spec.attributes().get(Supervisor.PORT);
		return name() + (port == null ? "" : "@" + port);
	}

}
