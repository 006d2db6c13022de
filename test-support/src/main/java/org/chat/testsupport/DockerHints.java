package org.chat.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cheap signs that a Docker engine might be configured. Without any, asking Testcontainers is
 * skipped: it would only log an alarming "Could not find a valid Docker environment" ERROR.
 */
final class DockerHints {

	private DockerHints() {
	}

	static boolean anyPresent() {
		if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
			return true;
		}
		return candidates().stream().anyMatch(Files::exists);
	}

	private static List<Path> candidates() {
		Path home = Path.of(System.getProperty("user.home"));
		List<Path> paths = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
				home.resolve(".testcontainers.properties"), home.resolve(".docker/run/docker.sock"),
				home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima"), home.resolve(".rd/docker.sock")));
		String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
		if (runtimeDir != null) {
			paths.add(Path.of(runtimeDir, "docker.sock"));
			paths.add(Path.of(runtimeDir, "podman", "podman.sock"));
		}
		return paths;
	}

}
