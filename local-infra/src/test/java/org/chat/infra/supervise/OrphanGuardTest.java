package org.chat.infra.supervise;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor JVM SIGKILLed with a child running: its orphan guard stops the child. */
class OrphanGuardTest {

	@TempDir
	Path dir;

	@Test
	void theChildrenOfASupervisorKilledWithSigkillAreStopped() throws Exception {
		Process supervisorJvm = new ProcessBuilder(ProcessSpec.java(), "-Xmx64m", "-cp",
				System.getProperty("java.class.path"), SupervisorThatDies.class.getName(), this.dir.toString())
			.redirectErrorStream(true)
			.start();
		ProcessHandle child;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(supervisorJvm.getInputStream(), StandardCharsets.UTF_8))) {
			String line = out.readLine();
			assertThat(line).startsWith("child ");
			child = ProcessHandle.of(Long.parseLong(line.substring("child ".length()))).orElseThrow();
		}
		try {
			assertThat(child.isAlive()).isTrue();

			supervisorJvm.destroyForcibly();

			Children.await(() -> !child.isAlive(), Duration.ofSeconds(20), "the orphan stopped");
			assertThat(Orphans.pidFiles(this.dir.resolve("run"))).isEmpty();
		}
		finally {
			child.destroyForcibly();
		}
	}

	/** A supervisor with one sleeping child, which prints the child's pid and waits to be killed. */
	public static final class SupervisorThatDies {

		public static void main(String[] args) throws Exception {
			Path dir = Path.of(args[0]);
			Supervisor supervisor = new Supervisor(dir.resolve("logs"), dir.resolve("run"), line -> {
			});
			SupervisedProcess child = supervisor.add(new ProcessSpec("orphan", List.of("sleep", "600"), java.util.Map.of(),
					Readiness.none(), true, java.util.Map.of()));
			child.start();
			// the guard JVM must be up and watching before the test kills us
			Thread.sleep(3000);
			System.out.println("child " + child.handle().orElseThrow().pid());
			System.out.flush();
			Thread.sleep(600_000);
		}

	}

}
