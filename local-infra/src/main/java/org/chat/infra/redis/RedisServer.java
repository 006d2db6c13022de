package org.chat.infra.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server child process. It runs under a tiny sh watchdog that holds our pipe: if this
 * JVM dies, even by SIGKILL, the pipe closes and the watchdog stops Redis, so no server outlives us.
 */
public final class RedisServer implements AutoCloseable {

	// "$@" is the redis-server command line; fd 3 keeps our pipe for the background watcher
	// (a background list would otherwise get /dev/null as stdin).
	private static final String WATCHDOG = "exec 3<&0; \"$@\" & pid=$!; trap 'kill $pid' TERM INT; "
			+ "( read -r _ <&3; kill $pid 2>/dev/null ) & wait $pid";

	private static final long STOP_TIMEOUT_SECONDS = 15;

	private final Path binary;

	private final RedisSettings settings;

	private final Path configFile;

	private final List<String> extraArgs;

	private Process process;

	private RedisServer(Path binary, RedisSettings settings, Path configFile, List<String> extraArgs) {
		this.binary = binary;
		this.settings = settings;
		this.configFile = configFile;
		this.extraArgs = List.copyOf(extraArgs);
	}

	public static RedisServer start(Path binary, RedisSettings settings) throws IOException {
		return start(binary, settings, null, List.of());
	}

	/**
	 * @param configFile read first, before the settings' options ({@code null}: none); Sentinel needs one it
	 * can rewrite
	 * @param extraArgs further {@code --option value} arguments, e.g. {@code --cluster-enabled yes}
	 */
	public static RedisServer start(Path binary, RedisSettings settings, Path configFile, List<String> extraArgs)
			throws IOException {
		RedisServer server = new RedisServer(binary, settings, configFile, extraArgs);
		server.launch();
		return server;
	}

	public String host() {
		return RedisSettings.HOST;
	}

	public int port() {
		return settings.port();
	}

	public RedisSettings settings() {
		return settings;
	}

	/** Stops and starts the server on the same port; with {@code wipeData} it comes back empty. */
	public synchronized void restart(boolean wipeData) throws IOException {
		stop();
		if (wipeData) {
			wipe(settings.dataDir());
		}
		launch();
	}

	@Override
	public synchronized void close() {
		stop();
	}

	private synchronized void launch() throws IOException {
		Files.createDirectories(settings.dataDir());
		ProcessBuilder builder = new ProcessBuilder(command()).directory(settings.dataDir().toFile())
			.redirectErrorStream(true);
		if (settings.logFile() == null) {
			builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
		}
		else {
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
		}
		process = builder.start();
		try {
			RedisPing.awaitReady(settings.port(), process);
		}
		catch (IOException | RuntimeException e) {
			stop();
			throw e;
		}
	}

	private List<String> command() {
		List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "redis-watchdog"));
		command.add(binary.toString());
		if (configFile != null) {
			command.add(configFile.toString());
		}
		command.addAll(List.of("--port", String.valueOf(settings.port()), "--bind", RedisSettings.HOST,
				"--dir", settings.dataDir().toString(), "--save", "", "--daemonize", "no",
				"--appendonly", settings.persistent() ? "yes" : "no"));
		command.addAll(extraArgs);
		return command;
	}

	private void stop() {
		if (process == null) {
			return;
		}
		try {
			process.getOutputStream().close();
			if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
		}
		catch (IOException e) {
			process.destroyForcibly();
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		finally {
			process = null;
		}
	}

	private static void wipe(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

}
