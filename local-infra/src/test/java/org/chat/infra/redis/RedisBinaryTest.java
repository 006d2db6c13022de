package org.chat.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTest {

	@Test
	void extractsTheBundledServerForThisPlatformAsAnExecutable(@TempDir Path dir) {
		Path binary = RedisBinary.extractBundled(dir);

		assertThat(binary).startsWith(dir).isExecutable();
		assertThat(RedisBinary.extractBundled(dir)).isEqualTo(binary);
	}


	@Test
	void readsTheVersionOfAServerBinary(@TempDir Path dir) {
		String version = RedisBinary.version(RedisBinary.extractBundled(dir));

		assertThat(version).startsWith("6.2.");
		assertThat(RedisBinary.majorOf(version)).isEqualTo(6);
		assertThat(RedisBinary.majorOf("7.0.15")).isEqualTo(7);
	}

}
