package org.chat.e2e.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the jars and logs are, how the JVMs are started and how many of each service run; Failsafe passes the
 * paths as system properties ({@code e2e.jar.<module>}, {@code e2e.logs.dir}); the rest have defaults fit for a
 * 2-core machine. The default topology is the scaled one: 3 gateways, 2 message-services, 2 presence-services.
 */
record StackSettings(Path gatewayJar, Path messageServiceJar, Path presenceServiceJar, Path logsDir,
		List<String> jvmOptions, Duration readyTimeout, int gateways, int messageServices, int presenceServices) {

	StackSettings {
		if (gateways < 2 || gateways > 26 || messageServices < 1 || presenceServices < 1) {
			throw new IllegalArgumentException("the e2e stack needs 2 to 26 gateways and at least one of each service");
		}
	}

	static StackSettings fromSystemProperties() {
		return new StackSettings(jar("gateway"), jar("message-service"), jar("presence-service"),
				Path.of(System.getProperty("e2e.logs.dir", "target/stack-logs")),
				Arrays.asList(System
					.getProperty("e2e.jvm.opts", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k")
					.trim()
					.split("\\s+")),
				Duration.ofSeconds(Long.getLong("e2e.ready.timeout.seconds", 600)), Integer.getInteger("e2e.gateways", 3),
				Integer.getInteger("e2e.message-services", 2), Integer.getInteger("e2e.presence-services", 2));
	}

	private static Path jar(String module) {
		Path jar = Path.of(System.getProperty("e2e.jar." + module,
				"../" + module + "/target/" + module + "-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("missing " + jar.toAbsolutePath() + ": build it first with "
					+ "./mvnw -o -q -pl gateway,message-service,presence-service -am -DskipTests package");
		}
		return jar;
	}

}
