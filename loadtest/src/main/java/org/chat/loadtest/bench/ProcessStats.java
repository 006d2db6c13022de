package org.chat.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Resident memory and CPU time of a stack process, read from /proc via the pid files of {@code ./chat up}. */
public final class ProcessStats {

	private static final long TICKS_PER_SECOND = 100;

	/** A process's start instant is derived from boot time and clock ticks: allow for their rounding. */
	static final Duration PID_FILE_SLACK = Duration.ofSeconds(1);

	private final Path runDir;

	public ProcessStats(Path runDir) {
		this.runDir = runDir;
	}

	public Path runDir() {
		return this.runDir;
	}

	/** The first line of the pid file (the supervisor's format: pid, then its start time and ports). */
	public OptionalLong pid(String name) {
		try {
			return OptionalLong.of(Long.parseLong(Files.readAllLines(this.runDir.resolve(name + ".pid")).get(0).trim()));
		}
		catch (IOException | NumberFormatException | IndexOutOfBoundsException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * The live process a pid file names, by the supervisor's rule (docs/LOCAL.md): the pid on the first line is
	 * taken only while the process with that pid started at the {@code started=} instant, so a stale file never
	 * names a stranger that reused the pid. A file of another stack that holds only the pid (a shell's
	 * {@code echo $! > file}) names a process that started before the file was written, at most
	 * {@link #PID_FILE_SLACK} after it: a stranger that reused the pid started later. Empty otherwise.
	 */
	public Optional<ProcessHandle> liveProcess(String name) {
		Path file = this.runDir.resolve(name + ".pid");
		List<String> lines;
		Instant written;
		try {
			lines = Files.readAllLines(file);
			written = Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(lines.get(0).trim());
			Instant started = lines.stream()
				.filter(line -> line.startsWith("started="))
				.map(line -> Instant.parse(line.substring("started=".length()).trim()))
				.findFirst()
				.orElse(null);
			Optional<ProcessHandle> alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
			if (started == null) {
				return (lines.size() == 1) ? alive.filter(p -> p.info()
					.startInstant()
					.map(start -> !start.isAfter(written.plus(PID_FILE_SLACK)))
					.orElse(false)) : Optional.empty();
			}
			return alive.filter(p -> p.info().startInstant().map(started::equals).orElse(false));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** VmRSS in KiB, or -1 when the process cannot be read. */
	public long rssKib(String name) {
		OptionalLong pid = pid(name);
		if (pid.isEmpty()) {
			return -1;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid.getAsLong()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	/** User + system CPU time in milliseconds, or -1. */
	public long cpuMillis(String name) {
		OptionalLong pid = pid(name);
		return (pid.isEmpty()) ? -1 : cpuMillisOf(pid.getAsLong());
	}

	public static long cpuMillisOf(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// fields after the parenthesised command name: state is field 3, utime 14, stime 15
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 1000 / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
