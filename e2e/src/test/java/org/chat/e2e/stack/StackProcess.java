package org.chat.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service as a real JVM running its repackaged Boot jar: started, awaited on its readiness probe,
 * SIGKILLed or stopped, restarted on the same port. Output goes to {@code <logs>/<name>.log} (appended across
 * restarts), the pid to {@code <logs>/pids/<name>.pid} so the {@link Watchdog} can reap it if the test JVM dies.
 */
public final class StackProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final List<String> command;

	private final int port;

	private final Path log;

	private final Path pidFile;

	private volatile Process process;

	StackProcess(String name, List<String> command, int port, Path logsDir) {
		this.name = name;
		this.command = List.copyOf(command);
		this.port = port;
		this.log = logsDir.resolve(name + ".log");
		this.pidFile = logsDir.resolve("pids").resolve(name + ".pid");
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public boolean isAlive() {
		Process p = this.process;
		return p != null && p.isAlive();
	}

	public long pid() {
		return this.process.pid();
	}

	/** Launches the JVM; does not wait for it. */
	public synchronized void start() {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		try {
			Files.createDirectories(this.pidFile.getParent());
			Files.writeString(this.log, "=== start " + String.join(" ", this.command) + "\n", StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.start();
			Files.writeString(this.pidFile, Long.toString(this.process.pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.name, ex);
		}
	}

	/** Polls {@code /actuator/health/readiness} until 200; fails fast with the log tail if the JVM exits. */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "no answer yet";
		while (System.nanoTime() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " before it was ready; log tail:\n" + logTail(60));
			}
			try {
				HttpResponse<String> response = HTTP.send(
						HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(2))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(this.name + " not ready on port " + this.port + " after " + timeout
				+ " (last readiness answer: " + last + "); log " + this.log + " tail:\n" + logTail(60));
	}

	/** SIGKILL: no shutdown hooks, no close events, exactly like a crash. */
	public synchronized void kill() {
		Process p = this.process;
		if (p == null) {
			return;
		}
		p.descendants().forEach(ProcessHandle::destroyForcibly);
		p.destroyForcibly();
		waitFor(p, 10);
		deletePidFile();
	}

	/** SIGTERM, then SIGKILL if the graceful shutdown takes longer than the grace period. */
	public synchronized void stop(Duration grace) {
		Process p = this.process;
		if (p == null || !p.isAlive()) {
			deletePidFile();
			return;
		}
		p.destroy();
		if (!waitFor(p, grace.toSeconds())) {
			kill();
		}
		deletePidFile();
	}

	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private void deletePidFile() {
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			// the watchdog only ever kills pids that are still listed; a stale file is harmless
		}
	}

	private static boolean waitFor(Process p, long seconds) {
		try {
			return p.waitFor(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	@Override
	public String toString() {
		return this.name + "@" + this.port;
	}

}
