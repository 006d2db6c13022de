package org.chat.infra.supervise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupervisedProcessTest {

	@TempDir
	Path dir;

	private final List<String> reported = new ArrayList<>();

	private Supervisor supervisor;

	@BeforeEach
	void start() {
		this.supervisor = new Supervisor(this.dir.resolve("logs"), this.dir.resolve("run"), line -> {
			synchronized (this.reported) {
				this.reported.add(line);
			}
		});
	}

	@AfterEach
	void stop() {
		this.supervisor.close();
	}

	@Test
	void aChildThatDiesByItselfIsStartedAgainWithANewPidFile() throws Exception {
		SupervisedProcess child = this.supervisor.add(Children.sleeper("svc", true));
		child.start();
		long firstPid = child.handle().orElseThrow().pid();
		assertThat(PidFile.read(child.pidFile()).orElseThrow().pid()).isEqualTo(firstPid);

		ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // kill -9 from outside: a crash

		Children.await(() -> child.handle().map(p -> p.pid() != firstPid).orElse(false), Duration.ofSeconds(10),
				"restarted");
		long secondPid = child.handle().orElseThrow().pid();
		assertThat(child.restarts()).isEqualTo(1);
		assertThat(PidFile.read(child.pidFile()).orElseThrow().pid()).isEqualTo(secondPid);
		assertThat(Files.readAllLines(child.log())).filteredOn(l -> l.startsWith("=== supervisor: starting svc"))
			.hasSize(2);
		assertThat(this.reported).anyMatch(l -> l.contains("svc (pid " + firstPid + ") exited") && l.contains("restarting in 1 s"));
	}

	@Test
	void aJvmThatRunsOutOfHeapIsReportedSoAndStartedAgain() throws Exception {
		SupervisedProcess child = this.supervisor.add(new ProcessSpec("eater", List.of(ProcessSpec.java(), "-Xmx16m",
				"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				HeapEater.class.getName()), Map.of(), Readiness.none(), true, Map.of()));
		child.start();

		Children.await(() -> child.restarts() >= 1, Duration.ofSeconds(30), "restarted");
		synchronized (this.reported) {
			assertThat(this.reported).anyMatch(l -> l.startsWith("eater (pid ")
					&& l.contains(") ran out of heap (-Xmx16m, exit status 3); restarting in 1 s"));
		}
	}

	@Test
	void aChildKilledOrStoppedThroughTheSupervisorStaysDownUntilStarted() throws Exception {
		SupervisedProcess child = this.supervisor.add(Children.sleeper("svc", true));
		child.start();
		child.kill();
		Thread.sleep(SupervisedProcess.FIRST_BACKOFF.toMillis() + 500);
		assertThat(child.isAlive()).isFalse();
		assertThat(child.pidFile()).doesNotExist();

		child.start();
		assertThat(child.isAlive()).isTrue();
		child.stop(Duration.ofSeconds(5));
		Thread.sleep(SupervisedProcess.FIRST_BACKOFF.toMillis() + 500);
		assertThat(child.isAlive()).isFalse();
		assertThat(child.restarts()).isZero();
	}

	@Test
	void afterHoldAllAChildThatExitsIsNotRestarted() throws Exception {
		SupervisedProcess child = this.supervisor.add(Children.sleeper("svc", true));
		child.start();
		long pid = child.handle().orElseThrow().pid();

		this.supervisor.holdAll();
		ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // Ctrl-C reached it before its turn to be stopped

		Thread.sleep(SupervisedProcess.FIRST_BACKOFF.toMillis() + 500);
		assertThat(child.isAlive()).isFalse();
		assertThat(child.restarts()).isZero();
	}

	@Test
	void withoutRestartADeadChildFailsItsReadinessWaitAtOnceWithItsLog() {
		SupervisedProcess child = this.supervisor.add(new ProcessSpec("broken",
				List.of("sh", "-c", "echo cannot bind port 1234 >&2; exit 3"), Map.of(), Readiness.port(1), false, Map.of()));
		child.start();

		long began = System.nanoTime();
		assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30))).hasMessageContaining("broken exited with 3")
			.hasMessageContaining("cannot bind port 1234");
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void readinessWaitsForThePortToAcceptConnections() throws Exception {
		int port = org.chat.infra.FreePort.find();
		SupervisedProcess child = this.supervisor.add(new ProcessSpec("late", List.of("sleep", "600"), Map.of(),
				Readiness.port(port), false, Map.of()));
		child.start();
		assertThatThrownBy(() -> child.awaitReady(Duration.ofMillis(600))).hasMessageContaining("not ready")
			.hasMessageContaining("port " + port);

		try (var server = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			child.awaitReady(Duration.ofSeconds(5));
		}
	}

	@Test
	void childrenGetTheirEnvironmentAndAnOwnLog() throws Exception {
		SupervisedProcess child = this.supervisor.add(new ProcessSpec("env", List.of("sh", "-c", "echo id=$CHAT_INSTANCE_ID"),
				Map.of("CHAT_INSTANCE_ID", "message-service-2"), Readiness.none(), false, Map.of()));
		child.start();
		Children.await(() -> !child.isAlive(), Duration.ofSeconds(10), "exited");

		assertThat(Files.readAllLines(child.log())).contains("id=message-service-2");
	}

}
