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

}
