package org.chat.infra.supervise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One child of a {@link Supervisor}: how to run it and how to know it is ready.
 *
 * @param name unique; names its log ({@code <logs>/<name>.log}) and pid file ({@code <run>/<name>.pid})
 * @param command the program and its arguments
 * @param environment added to the supervisor's own environment
 * @param readiness when it counts as ready
 * @param restart whether the supervisor starts it again when it exits by itself (as Kubernetes does); a child
 * stopped or killed through the supervisor is never restarted
 * @param attributes recorded in its pid file (ports, for {@code ./chat status})
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment, Readiness readiness,
		boolean restart, Map<String, String> attributes) {

	public ProcessSpec {
		if (!name.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("process name must be a file name: " + name);
		}
		command = List.copyOf(command);
		environment = Map.copyOf(environment);
		attributes = Map.copyOf(attributes);
	}

	/** The exit status a JVM started with {@code -XX:+ExitOnOutOfMemoryError} ends with when its heap runs out. */
	static final int OUT_OF_MEMORY_STATUS = 3;

	/**
	 * How an exit by itself reads in the supervisor's report: a JVM that ran out of heap says so and names its
	 * {@code -Xmx}, since the next start (the embedded store's, for one) may come back without its data.
	 */
	public String describeExit(int status) {
		if (status == OUT_OF_MEMORY_STATUS && this.command.contains("-XX:+ExitOnOutOfMemoryError")) {
			String heap = this.command.stream().filter(arg -> arg.startsWith("-Xmx")).reduce((a, b) -> b).orElse("");
			return "ran out of heap (" + (heap.isEmpty() ? "" : heap + ", ") + "exit status " + status + ")";
		}
		return "exited with status " + status;
	}

	/** The JVM running this program, for child JVMs: the same Java as the supervisor's. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
