package org.chat.infra.supervise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTest {

	@TempDir
	Path dir;

	@Test
	void roundTripsPidStartTimeAndAttributesWithThePidAloneOnTheFirstLine() throws Exception {
		Path file = this.dir.resolve("gateway-8080.pid");
		PidFile written = PidFile.of(ProcessHandle.current(), Map.of("port", "8080", "management-port", "8070")).orElseThrow();
		written.write(file);

		assertThat(Files.readAllLines(file).get(0)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
		PidFile read = PidFile.read(file).orElseThrow();
		assertThat(read).isEqualTo(written);
		assertThat(read.intAttribute("management-port")).contains(8070);
		assertThat(read.liveProcess()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
	}

	@Test
	void aLivePidThatStartedAtAnotherInstantIsNotOurs() {
		Instant ourStart = ProcessHandle.current().info().startInstant().orElseThrow();
		PidFile reused = new PidFile(ProcessHandle.current().pid(), ourStart.minusSeconds(3600), Map.of());

		assertThat(reused.liveProcess()).isEmpty();
	}

	@Test
	void aFileInAnotherFormatIsNeverGuessedAt() throws Exception {
		Path bare = Files.writeString(this.dir.resolve("old.pid"), ProcessHandle.current().pid() + "\n");
		Path garbage = Files.writeString(this.dir.resolve("garbage.pid"), "not a pid\nstarted=yesterday\n");

		assertThat(PidFile.read(bare)).isEmpty();
		assertThat(PidFile.read(garbage)).isEmpty();
		assertThat(PidFile.read(this.dir.resolve("missing.pid"))).isEmpty();
	}

}
