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

	static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

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
	void extractsTheModuleJarIntoBootLayersWithTheLauncher() {
		assertThat(dockerfile.all("COPY").get(0).arguments())
			.isEqualTo("${MODULE}/target/${MODULE}-${VERSION}.jar application.jar");
		assertThat(dockerfile.all("RUN").get(0).arguments())
			.isEqualTo("java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted");
	}

	@Test
	void copiesTheLayersLeastChangingFirst() {
		List<String> layerCopies = dockerfile.finalStage().stream()
			.filter(i -> i.keyword().equals("COPY"))
			.map(Instruction::arguments)
			.toList();

		assertThat(layerCopies).containsExactly(
				"--from=layers /build/extracted/dependencies/ ./",
				"--from=layers /build/extracted/spring-boot-loader/ ./",
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
		@SuppressWarnings("unchecked")
		List<String> command = (List<String>) new Yaml().load(entrypoints.get(0).arguments());
		assertThat(command.get(0)).isEqualTo("java");
		assertThat(command).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
			.contains("-XX:+ExitOnOutOfMemoryError")
			.noneMatch(a -> a.startsWith("-Xmx"))
			.last().isEqualTo(LAUNCHER);
	}

	@Test
	void entrypointLauncherExistsInBootsLoader() throws ClassNotFoundException {
		Class<?> launcher = Class.forName(LAUNCHER);

		assertThat(launcher.getMethods()).anyMatch(m -> m.getName().equals("main"));
	}

	@Test
	void layerCopiesFollowBootsLayerOrder() {
		List<String> bootLayers = new ArrayList<>();
		Layers.IMPLICIT.forEach(layer -> bootLayers.add(layer.toString()));
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
