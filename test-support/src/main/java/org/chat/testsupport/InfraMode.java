package org.chat.testsupport;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** Which infrastructure the integration tests get. */
public enum InfraMode {

	/** Real KRaft broker, real redis-server and mongo-java-server, started inside the test JVM. */
	EMBEDDED,

	/** Official apache/kafka, redis and mongo images through Testcontainers. */
	CONTAINERS;

	/** System property forcing the mode: {@code embedded} or {@code containers}. */
	public static final String PROPERTY = "chat.test.infra";

	/** The forced mode if {@value #PROPERTY} is set, else containers when a Docker engine answers. */
	static InfraMode choose() {
		String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
		return switch (forced) {
			case "embedded" -> EMBEDDED;
			case "containers" -> CONTAINERS;
			case "" -> DockerHints.anyPresent() && DockerClientFactory.instance().isDockerAvailable() ? CONTAINERS : EMBEDDED;
			default -> throw new IllegalArgumentException(
					"-D" + PROPERTY + " must be 'embedded' or 'containers', got '" + forced + "'");
		};
	}

}
