package org.chat.infra.supervise;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSpecTest {

	private static ProcessSpec spec(String... command) {
		return new ProcessSpec("store", List.of(command), Map.of(), Readiness.none(), true, Map.of());
	}

	@Test
	void aJvmThatExitsOnOutOfMemoryWithItsStatusSaysSoAndNamesItsHeap() {
		assertThat(spec("java", "-Xmx3g", "-XX:+ExitOnOutOfMemoryError", "-cp", "x", "Main").describeExit(3))
			.isEqualTo("ran out of heap (-Xmx3g, exit status 3)");
	}

	@Test
	void anyOtherExitIsItsStatus() {
		assertThat(spec("java", "-Xmx3g", "-XX:+ExitOnOutOfMemoryError", "Main").describeExit(1))
			.isEqualTo("exited with status 1");
		// without the flag, status 3 is the program's own
		assertThat(spec("sh", "-c", "exit 3").describeExit(3)).isEqualTo("exited with status 3");
	}

}
