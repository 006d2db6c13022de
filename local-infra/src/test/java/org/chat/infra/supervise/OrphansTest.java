package org.chat.infra.supervise;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OrphansTest {

	@TempDir
	Path run;

	@Test
	void stopsAChildLeftRunningAndRemovesItsFile() throws Exception {
		Process orphan = Children.sleep();
		PidFile.of(orphan.toHandle(), Map.of()).orElseThrow().write(this.run.resolve("gateway-8080.pid"));

		List<String> reaped = Orphans.reap(this.run, Duration.ofSeconds(5), line -> {
		});

		assertThat(reaped).containsExactly("gateway-8080");
		assertThat(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(this.run.resolve("gateway-8080.pid")).doesNotExist();
	}

	@Test
	void neverStopsAProcessWhosePidWasReused() throws Exception {
		Process stranger = Children.sleep();
		try {
			Instant earlier = stranger.toHandle().info().startInstant().orElseThrow().minusSeconds(60);
			new PidFile(stranger.pid(), earlier, Map.of()).write(this.run.resolve("redis.pid"));
			List<String> reported = new ArrayList<>();

			List<String> reaped = Orphans.reap(this.run, Duration.ofSeconds(5), reported::add);

			assertThat(reaped).isEmpty();
			assertThat(reported).isEmpty();
			assertThat(stranger.isAlive()).isTrue();
			assertThat(this.run.resolve("redis.pid")).doesNotExist();
		}
		finally {
			stranger.destroyForcibly();
		}
	}

	@Test
	void keepsTheFilesItIsToldToKeep() throws Exception {
		PidFile.of(ProcessHandle.current(), Map.of()).orElseThrow().write(this.run.resolve("chat.pid"));

		assertThat(Orphans.reap(this.run, Duration.ofSeconds(1), line -> {
		}, "chat")).isEmpty();
		assertThat(this.run.resolve("chat.pid")).exists();
	}

}
