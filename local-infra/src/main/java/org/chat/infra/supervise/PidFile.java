package org.chat.infra.supervise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a supervisor knows of one child it started: its pid, the start time the OS reports for it, and attributes
 * such as its ports. The first line is the pid alone ({@code kill -9 "$(head -n1 x.pid)"} works); the start time
 * is what makes the file safe: a pid is taken for ours only while the live process with that pid started at that
 * instant, so a stale file never names a stranger that reused the pid.
 *
 * <pre>
 * 41237
 * started=2026-12-04T03:51:07.420Z
 * port=8080
 * management-port=8070
 * </pre>
 */
public record PidFile(long pid, Instant started, Map<String, String> attributes) {

	private static final String STARTED = "started";

	public PidFile {
		attributes = Map.copyOf(attributes);
	}

	/** The record of a live process; empty when the OS does not say when it started (then nothing can be checked). */
	public static Optional<PidFile> of(ProcessHandle process, Map<String, String> attributes) {
		return process.info().startInstant().map(started -> new PidFile(process.pid(), started, attributes));
	}

	/** Written to a temporary file and moved into place, so a reader never sees half a file. */
	public void write(Path file) {
		StringBuilder text = new StringBuilder().append(this.pid).append('\n');
		text.append(STARTED).append('=').append(this.started).append('\n');
		new java.util.TreeMap<>(this.attributes).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/** Empty when the file is missing or not in this format (e.g. written by something else): never guessed. */
	public static Optional<PidFile> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				values.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		try {
			long pid = Long.parseLong(lines.get(0).trim());
			Instant started = Instant.parse(values.remove(STARTED));
			return Optional.of(new PidFile(pid, started, values));
		}
		catch (NumberFormatException | DateTimeParseException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	/** The process this file names, if it is still the same one: same pid and same start instant. */
	public Optional<ProcessHandle> liveProcess() {
		return ProcessHandle.of(this.pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().startInstant().map(this.started::equals).orElse(false));
	}

	public Optional<Integer> intAttribute(String name) {
		try {
			return Optional.ofNullable(this.attributes.get(name)).map(Integer::valueOf);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
