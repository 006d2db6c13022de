package org.chat.infra.supervise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A small JVM beside the supervisor that outlives it: when the supervisor's process ends without having stopped its
 * children (SIGKILL, a test JVM killed by its build), it reaps them ({@link Orphans}) and exits. A supervisor that
 * closes normally stops it. The supervisor is recognised by pid and start time, like any child.
 */
final class OrphanGuard implements AutoCloseable {

	private final Process process;

	private OrphanGuard(Process process) {
		this.process = process;
	}

	static OrphanGuard watch(Path runDir) {
		ProcessHandle self = ProcessHandle.current();
		String started = self.info().startInstant().map(Instant::toString).orElse("");
		List<String> command = List.of(ProcessSpec.java(), "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-cp", ownLocation(), OrphanGuard.class.getName(), Long.toString(self.pid()), started,
				runDir.toAbsolutePath().toString());
		try {
			return new OrphanGuard(new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the orphan guard", ex);
		}
	}

	/** {@code OrphanGuard <supervisor pid> <its start instant> <run dir>} */
	public static void main(String[] args) {
		long pid = Long.parseLong(args[0]);
		PidFile supervisor = new PidFile(pid, args[1].isEmpty() ? Instant.EPOCH : Instant.parse(args[1]), java.util.Map.of());
		supervisor.liveProcess().ifPresent(p -> p.onExit().join());
		Orphans.reap(Path.of(args[2]), Duration.ofSeconds(5), line -> {
		});
	}

	private static String ownLocation() {
		try {
			return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
