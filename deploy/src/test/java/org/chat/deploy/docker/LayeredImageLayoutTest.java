package org.chat.deploy.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.chat.deploy.docker.Dockerfile.Instruction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.tools.Layers;
import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the Dockerfile without Docker: a layered Boot jar (made by Boot's own Repackager, as
 * spring-boot-maven-plugin does) is extracted with the Dockerfile's RUN command, the layers are
 * copied into one directory as its COPY lines do, the class data training run is replayed there, and the
 * ENTRYPOINT is run there, which must load the application's class from that archive.
 */
class LayeredImageLayoutTest {

	@TempDir
	Path work;

	@Test
	void extractedLayersStartWithTheDockerfileEntrypoint() throws Exception {
		Dockerfile dockerfile = Dockerfile.parse(Path.of("docker", "Dockerfile"));
		Path jar = layeredBootJar();

		// RUN java -Djarmode=tools -jar application.jar extract ... (in /build)
		Path build = Files.createDirectories(work.resolve("build"));
		Files.copy(jar, build.resolve("application.jar"));
		String extract = dockerfile.all("RUN").get(0).arguments();
		Result extracted = run(build, List.of(extract.split(" ")));
		assertThat(extracted.exitCode).as(extracted.output).isZero();

		// COPY --from=layers /build/extracted/<layer>/ ./  (into /app)
		Path app = Files.createDirectories(work.resolve("app"));
		for (Instruction copy : dockerfile.finalStage().stream().filter(i -> i.keyword().equals("COPY")).toList()) {
			String source = copy.arguments().split(" ")[1].replaceFirst("^/build/", "");
			Path layer = build.resolve(source);
			assertThat(layer).as("layer %s", source).isNotEmptyDirectory();
			copyTree(layer, app);
		}

		// RUN java -XX:ArchiveClassesAtExit=application.jsa ... (the training run's java command, in /app)
		String training = dockerfile.finalStage()
			.stream()
			.filter(i -> i.keyword().equals("RUN") && i.arguments().startsWith("java "))
			.findFirst()
			.orElseThrow()
			.arguments();
		List<String> trainingCommand = List.of(training.substring(0, training.indexOf(" >")).split(" "))
			.stream()
			.filter(word -> !word.isBlank() && !word.startsWith("--") && !word.startsWith("\"--"))
			.toList();
		Result trained = run(app, trainingCommand);
		assertThat(trained.exitCode).as(trained.output).isZero();
		assertThat(app.resolve("application.jsa")).isNotEmptyFile();

		// ENTRYPOINT [...] with WORKDIR /app; class loading logged to see where demo.Main comes from
		@SuppressWarnings("unchecked")
		List<String> entrypoint = new ArrayList<>(
				(List<String>) new Yaml().load(dockerfile.all("ENTRYPOINT").get(0).arguments()));
		entrypoint.add(1, "-Xlog:class+load=info");
		Result started = run(app, entrypoint);

		assertThat(started.exitCode).as(started.output).isZero();
		assertThat(started.output).contains("started {k=v} from a snapshot dependency")
			.containsPattern("demo\\.Main source: shared objects file \\(top\\)");
	}

	/** demo.Main using a release dependency (SnakeYAML) and a SNAPSHOT one, repackaged with layers. */
	private Path layeredBootJar() throws IOException {
		Path snakeYaml = jarOf(Yaml.class);
		// Every Boot app has spring-core, which the tools jar mode needs.
		List<Path> springCore = List.of(jarOf(org.springframework.util.ClassUtils.class),
				jarOf(org.apache.commons.logging.LogFactory.class));
		Path snapshotJar = jar("contracts-0.1.0-SNAPSHOT.jar", "snap.Snap", """
				package snap;
				public class Snap { public static String where() { return "from a snapshot dependency"; } }
				""", List.of(), null);
		Path appJar = jar("demo.jar", "demo.Main", """
				package demo;
				public class Main {
				  public static void main(String[] args) {
				    System.out.println("started " + new org.yaml.snakeyaml.Yaml().load("k: v") + " " + snap.Snap.where());
				  }
				}
				""", List.of(snakeYaml, snapshotJar), "demo.Main");
		Repackager repackager = new Repackager(appJar.toFile());
		repackager.setLayers(Layers.IMPLICIT);
		repackager.setIncludeRelevantJarModeJars(true);
		repackager.setBackupSource(false);
		repackager.repackage(callback -> {
			callback.library(new Library(snakeYaml.toFile(), LibraryScope.COMPILE));
			callback.library(new Library(snapshotJar.toFile(), LibraryScope.COMPILE));
			for (Path jar : springCore) {
				callback.library(new Library(jar.toFile(), LibraryScope.COMPILE));
			}
		});
		return appJar;
	}

	private static Path jarOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path jar(String name, String className, String source, List<Path> classpath, String mainClass) throws IOException {
		Path src = Files.createDirectories(work.resolve("src-" + name));
		Path classes = Files.createDirectories(work.resolve("classes-" + name));
		Path file = src.resolve(className.replace('.', '/') + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
		if (!classpath.isEmpty()) {
			args.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList())));
		}
		args.add(file.toString());
		assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();

		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (mainClass != null) {
			manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
		}
		Path jar = work.resolve(name);
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			String entry = className.replace('.', '/') + ".class";
			jarOut.putNextEntry(new JarEntry(entry));
			jarOut.write(Files.readAllBytes(classes.resolve(entry)));
			jarOut.closeEntry();
		}
		return jar;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private record Result(int exitCode, String output) {
	}

	/**
	 * Runs a command whose first word is "java" with this JVM's java, in {@code dir}; the added
	 * flags only make the short-lived JVM cheaper on a busy machine.
	 */
	private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
		assertThat(command.get(0)).isEqualTo("java");
		List<String> resolved = new ArrayList<>(command);
		resolved.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		resolved.addAll(1, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		Process process = new ProcessBuilder(resolved).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s did not finish", command).isTrue();
		return new Result(process.exitValue(), output);
	}

}
