package org.chat.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.chat.infra.supervise.ProcessSpec;

/**
 * Application class-data sharing (AppCDS) for the services started by {@code ./chat up}: each service module gets
 * its jar extracted (Spring Boot's {@code -Djarmode=tools extract}, so every class comes from a plain jar on the
 * class path, which CDS requires) and a dynamic archive written by a training run that refreshes the application
 * context and exits ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}). The services then
 * start with {@code -XX:SharedArchiveFile -Xshare:auto}: the classes come mapped from the archive instead of being
 * parsed and verified again.
 * <p>
 * Everything lives under {@code <CHAT_HOME>/cds/<module>/}, never in the repository. A stamp (the jar's size and
 * modification time) says which jar the extraction and archive were made from; a rebuilt jar is extracted and
 * trained again. A failed training leaves no archive, and a missing or unusable archive only makes the JVM start
 * without it ({@code -Xshare:auto}): CDS makes starts faster, it is never a precondition.
 */
final class ClassDataArchives {

	private final Path dir;

	private final Consumer<String> say;

	ClassDataArchives(Path home, Consumer<String> say) {
		this.dir = home.resolve("cds");
		this.say = say;
	}

	/** The JVM options and jar a service of {@code module} starts with. */
	List<String> launch(String module, Path jar) {
		return List.of("-XX:SharedArchiveFile=" + archive(module), "-Xshare:auto", "-jar",
				extracted(module, jar).toString());
	}

	Path archive(String module) {
		return this.dir.resolve(module).resolve("app.jsa");
	}

	Path extracted(String module, Path jar) {
		return this.dir.resolve(module).resolve("app").resolve(jar.getFileName());
	}

	/** Extracts {@code jar} unless the extraction of this very jar is there; a new extraction drops the archive. */
	void extract(String module, Path jar) {
		Path moduleDir = this.dir.resolve(module);
		String stamp = stamp(jar);
		Path stampFile = moduleDir.resolve("stamp");
		if (stamp.equals(read(stampFile)) && Files.isRegularFile(extracted(module, jar))) {
			return;
		}
		delete(moduleDir);
		run(List.of(ProcessSpec.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				moduleDir.resolve("app").toString()), Map.of(), moduleDir.resolve("extract.log"), 120);
		if (!Files.isRegularFile(extracted(module, jar))) {
			throw new IllegalStateException("extracting " + jar + " failed; see " + moduleDir.resolve("extract.log"));
		}
		write(stampFile, stamp);
	}

	/**
	 * Writes the archive of every module that has none, with the training commands in parallel.
	 * @param trainings per module, the command (without the dump options and jar) and environment of a start
	 */
	void train(Map<String, Training> trainings) {
		List<Process> running = new ArrayList<>();
		List<String> modules = new ArrayList<>();
		long began = System.nanoTime();
		trainings.forEach((module, training) -> {
			if (Files.isRegularFile(archive(module))) {
				return;
			}
			List<String> command = new ArrayList<>(training.jvm());
			command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(module), "-Dspring.context.exit=onRefresh",
					"-jar", extracted(module, training.jar()).toString()));
			command.addAll(training.args());
			running.add(start(command, training.env(), this.dir.resolve(module).resolve("training.log")));
			modules.add(module);
		});
		if (modules.isEmpty()) {
			return;
		}
		this.say.accept("class data archives: training " + modules + " (once per build)");
		for (int i = 0; i < running.size(); i++) {
			Process process = running.get(i);
			try {
				if (!process.waitFor(180, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
			Path archive = archive(modules.get(i));
			if (!Files.isRegularFile(archive) || size(archive) == 0) {
				delete(archive);
				this.say.accept("class data archive of " + modules.get(i) + " not written (see "
						+ this.dir.resolve(modules.get(i)).resolve("training.log") + "); it starts without one");
			}
		}
		this.say.accept(String.format("class data archives written in %.1f s", (System.nanoTime() - began) / 1e9));
	}

	/** What a training run of one module needs from its service's command line. */
	record Training(List<String> jvm, Path jar, List<String> args, Map<String, String> env) {
	}

	private static String stamp(Path jar) {
		try {
			return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Process start(List<String> command, Map<String, String> env, Path log) {
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(env);
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(List<String> command, Map<String, String> env, Path log, int seconds) {
		Process process = start(command, env, log);
		try {
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file).trim() : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void delete(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(path)) {
			tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
