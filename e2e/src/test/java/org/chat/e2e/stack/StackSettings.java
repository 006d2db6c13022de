package org.chat.e2e.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the jars and logs are and how the JVMs are started; Failsafe passes the paths as system properties
 * ({@code e2e.jar.<module>}, {@code e2e.logs.dir}); the rest have defaults fit for a 2-core machine.
 */
record StackSettings(Path gatewayJar, Path messageServiceJar, Path presenceServiceJar, Path logsDir,
		List<String> jvmOptions, Duration readyTimeout) {

	static StackSettings fromSystemProperties() {
		return new StackSettings(jar("gateway"), jar("message-service"), jar("presence-service"),
				Path.of(System.getProperty("e2e.logs.dir", "target/stack-logs")),
				Arrays.asList(System
					.getProperty("e2e.jvm.opts", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k")
					.trim()
					.split("\\s+")),
				Duration.ofSeconds(Long.getLong("e2e.ready.timeout.seconds", 600)));
	}

	private static Path jar(String module) {
		Path jar = Path.of(System.getProperty("e2e.jar." + module,
				"../" + module + "/target/" + module + "-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("missing " + jar.toAbsolutePath() + ": build it first with "
					+ "./mvnw -o -q -pl gateway,message-service,presence-service -DskipTests package");
		}
		return jar;
	}

}
