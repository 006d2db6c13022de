package org.chat.infra.supervise;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Children that a supervisor left running when it died without stopping them (SIGKILL, a crashed test JVM): found
 * by the pid files in its run directory and stopped, each only while its pid still names the process that started at
 * the recorded instant. A file whose process is gone, or whose pid now names another process, is just removed.
 */
public final class Orphans {

	private Orphans() {
	}

	/**
	 * Stops (SIGTERM, SIGKILL after {@code grace}) every live child recorded in {@code runDir}, in parallel, and
	 * deletes every pid file there except {@code keep}.
	 * @return the names of the children that were still running
	 */
	public static List<String> reap(Path runDir, Duration grace, Consumer<String> report, String... keep) {
		List<String> reaped = new ArrayList<>();
		List<ProcessHandle> stopping = new ArrayList<>();
		for (Path file : pidFiles(runDir)) {
			String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
			if (List.of(keep).contains(name)) {
				continue;
			}
			Optional<ProcessHandle> live = PidFile.read(file).flatMap(PidFile::liveProcess);
			live.ifPresent(process -> {
				report.accept("stopping " + name + " (pid " + process.pid() + ") left from an earlier run");
				process.destroy();
				stopping.add(process);
				reaped.add(name);
			});
			deleteQuietly(file);
		}
		for (ProcessHandle process : stopping) {
			try {
				process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception notStopped) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
		}
		return reaped;
	}

	static List<Path> pidFiles(Path runDir) {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(runDir)) {
			return files;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(runDir, "*.pid")) {
			stream.forEach(files::add);
		}
		catch (IOException ex) {
			// nothing readable: nothing to reap
		}
		return files;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// stale and harmless: its start time matches no process
		}
	}

}
