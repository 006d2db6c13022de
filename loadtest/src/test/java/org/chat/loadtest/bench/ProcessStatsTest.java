package org.chat.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatsTest {

	private static final ProcessHandle SELF = ProcessHandle.current();

	@Test
	void aSupervisorPidFileNamesTheProcessThatStartedAtItsInstant(@TempDir Path runDir) throws Exception {
		Instant started = SELF.info().startInstant().orElseThrow();
		Files.writeString(runDir.resolve("gateway-8080.pid"), SELF.pid() + "\nstarted=" + started + "\nport=8080\n");
		Files.writeString(runDir.resolve("gateway-8081.pid"),
				SELF.pid() + "\nstarted=" + started.minusSeconds(60) + "\nport=8081\n");

		ProcessStats stats = new ProcessStats(runDir);

		assertThat(stats.liveProcess("gateway-8080")).contains(SELF);
		assertThat(stats.liveProcess("gateway-8081")).isEmpty();
	}

	@Test
	void aPidOnlyFileNamesAProcessThatStartedBeforeItWasWritten(@TempDir Path runDir) throws Exception {
		Path fresh = Files.writeString(runDir.resolve("ref-9080.pid"), SELF.pid() + "\n");
		Path stale = Files.writeString(runDir.resolve("ref-9081.pid"), SELF.pid() + "\n");
		// written before this JVM started: the pid was reused by this JVM, a stranger to the file
		Instant beforeStart = SELF.info().startInstant().orElseThrow().minus(Duration.ofMinutes(5));
		Files.setLastModifiedTime(stale, FileTime.from(beforeStart));
		Path extraLines = Files.writeString(runDir.resolve("ref-9082.pid"), SELF.pid() + "\nport=9082\n");

		ProcessStats stats = new ProcessStats(runDir);

		assertThat(fresh).exists();
		assertThat(stats.liveProcess("ref-9080")).contains(SELF);
		assertThat(stats.liveProcess("ref-9081")).isEmpty();
		assertThat(extraLines).exists();
		assertThat(stats.liveProcess("ref-9082")).isEmpty();
		assertThat(stats.liveProcess("missing")).isEmpty();
	}

}
