package org.chat.deploy.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chat.deploy.docker.Dockerfile.Instruction;
import org.springframework.boot.loader.tools.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** Static checks of the service image (no Docker engine here to build it). */
class DockerfileTest {

	static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

	static final String ARCHIVE = "application.jsa";

	static Dockerfile dockerfile;

	@BeforeAll
	static void parse() throws IOException {
		dockerfile = Dockerfile.parse(DOCKERFILE);
	}

	@Test
	void buildsOnTheTemurin17JreInTwoStages() {
		assertThat(dockerfile.instructions().get(0)).isEqualTo(new Instruction("ARG", "JAVA_IMAGE=eclipse-temurin:17-jre"));
		assertThat(dockerfile.all("FROM")).extracting(Instruction::arguments)
			.containsExactly("${JAVA_IMAGE} AS layers", "${JAVA_IMAGE}");
	}

	@Test
	void extractsTheModuleJarIntoBootLayersOfPlainJarsWithoutTheLauncher() {
		// class data sharing archives only classes of plain jars on the class path, not the launcher's nested jars
		assertThat(dockerfile.all("COPY").get(0).arguments())
			.isEqualTo("${MODULE}/target/${MODULE}-${VERSION}.jar application.jar");
		assertThat(dockerfile.all("RUN").get(0).arguments())
			.isEqualTo("java -Djarmode=tools -jar application.jar extract --layers --destination extracted");
	}

	@Test
	void aTrainingRunWritesTheClassDataArchiveTheEntrypointUsesAndItsFailureDoesNotFailTheBuild() {
		List<Instruction> stage = dockerfile.finalStage();
		Instruction training = stage.stream()
			.filter(i -> i.keyword().equals("RUN") && i.arguments().contains("-XX:ArchiveClassesAtExit="))
			.findFirst()
			.orElseThrow();

		assertThat(training.arguments()).startsWith("java -XX:ArchiveClassesAtExit=" + ARCHIVE + " ")
			.contains("-Dspring.context.exit=onRefresh", "-jar application.jar")
			// the last command decides the RUN's status: a missing archive only warns
			.endsWith("test -s " + ARCHIVE + " || { tail -n 50 /tmp/training.log; echo \"warning: no class data archive\" >&2; }");
		List<Instruction> copies = stage.stream().filter(i -> i.keyword().equals("COPY")).toList();
		assertThat(stage.indexOf(training)).isGreaterThan(stage.indexOf(copies.get(copies.size() - 1)))
			.isLessThan(stage.indexOf(stage.stream().filter(i -> i.keyword().equals("USER")).findFirst().orElseThrow()));
		assertThat(entrypoint()).contains("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto");
	}

	@Test
	void copiesTheLayersLeastChangingFirst() {
		List<String> layerCopies = dockerfile.finalStage().stream()
			.filter(i -> i.keyword().equals("COPY"))
			.map(Instruction::arguments)
			.toList();

		assertThat(layerCopies).containsExactly(
				"--from=layers /build/extracted/dependencies/ ./",
				"--from=layers /build/extracted/snapshot-dependencies/ ./",
				"--from=layers /build/extracted/application/ ./");
	}

	@Test
	void runsAsANumericNonRootUserCreatedInTheImage() {
		List<Instruction> stage = dockerfile.finalStage();
		List<Instruction> users = stage.stream().filter(i -> i.keyword().equals("USER")).toList();

		assertThat(users).hasSize(1);
		String user = users.get(0).arguments();
		assertThat(user).matches("\\d+:\\d+").isNotEqualTo("0:0");
		assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThanOrEqualTo(10000);
		assertThat(stage.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::arguments))
			.anyMatch(run -> run.contains("useradd") && run.contains("--uid " + user.split(":")[0]));
		assertThat(stage.indexOf(users.get(0))).isLessThan(stage.indexOf(dockerfile.all("ENTRYPOINT").get(0)));
	}

	@Test
	void entrypointIsExecFormWithContainerAwareJvmFlags() {
		List<Instruction> entrypoints = dockerfile.all("ENTRYPOINT");
		assertThat(entrypoints).hasSize(1);

		// Exec form (a JSON array): java is PID 1 and gets SIGTERM for graceful shutdown.
		List<String> command = entrypoint();
		assertThat(command.get(0)).isEqualTo("java");
		assertThat(command).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
			.contains("-XX:+ExitOnOutOfMemoryError")
			.noneMatch(a -> a.startsWith("-Xmx"))
			.endsWith("-jar", "application.jar");
	}

	@SuppressWarnings("unchecked")
	private static List<String> entrypoint() {
		return (List<String>) new Yaml().load(dockerfile.all("ENTRYPOINT").get(0).arguments());
	}

	@Test
	void layerCopiesFollowBootsLayerOrder() {
		List<String> bootLayers = new ArrayList<>();
		// without the launcher the spring-boot-loader layer is empty, and the image does not copy it
		Layers.IMPLICIT.forEach(layer -> bootLayers.add(layer.toString()));
		bootLayers.remove("spring-boot-loader");
		List<String> copied = dockerfile.finalStage().stream()
			.filter(i -> i.keyword().equals("COPY"))
			.map(i -> i.arguments().replaceAll(".*/extracted/([^/]+)/ .*", "$1"))
			.toList();

		assertThat(copied).isEqualTo(bootLayers);
	}

	@Test
	void ignoreFileSendsOnlyTheServiceJars() throws IOException {
		List<String> rules = Files.readAllLines(Path.of("docker", "Dockerfile.dockerignore")).stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#"))
			.toList();

		assertThat(rules).containsExactly("*", "!gateway/target/gateway-*.jar",
				"!message-service/target/message-service-*.jar", "!presence-service/target/presence-service-*.jar",
				"!notification-service/target/notification-service-*.jar");
	}

	@Test
	void buildScriptBuildsEveryModuleWithThisDockerfile() throws IOException {
		String script = Files.readString(Path.of("build-images.sh"));

		assertThat(script).contains("MODULES=\"gateway message-service presence-service notification-service\"")
			.contains("-f deploy/docker/Dockerfile")
			.contains("--build-arg MODULE=\"$module\"");
		assertThat(Files.isExecutable(Path.of("build-images.sh"))).isTrue();
	}

}
