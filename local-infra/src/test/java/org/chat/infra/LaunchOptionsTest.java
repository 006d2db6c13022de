package org.chat.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

	private static final Set<String> KNOWN = Set.of("port", "data-dir", "persist");

	@Test
	void flagWinsOverEnvironmentWhichWinsOverDefault() {
		Map<String, String> env = Map.of("CHAT_X_PORT", "7000", "CHAT_X_DATA_DIR", "/env");
		LaunchOptions withFlag = LaunchOptions.parse(new String[] { "--port=8000" }, KNOWN, env);
		LaunchOptions none = LaunchOptions.parse(new String[0], KNOWN, Map.of());

		assertThat(withFlag.intValue("port", "CHAT_X_PORT", 9000)).isEqualTo(8000);
		assertThat(withFlag.pathValue("data-dir", "CHAT_X_DATA_DIR", Path.of("d"))).isEqualTo(Path.of("/env"));
		assertThat(none.intValue("port", "CHAT_X_PORT", 9000)).isEqualTo(9000);
		assertThat(none.pathValue("data-dir", "CHAT_X_DATA_DIR", Path.of("d"))).isEqualTo(Path.of("d"));
	}

	@Test
	void rejectsUnknownAndMalformedFlags() {
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--prot=1" }, KNOWN, Map.of()))
			.hasMessageContaining("unknown flag --prot");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "port" }, KNOWN, Map.of()))
			.hasMessageContaining("expected --name=value");
	}

	@Test
	void readsSwitchesAsOneTrueZeroOrFalse() {
		assertThat(LaunchOptions.parse(new String[] { "--persist=TRUE" }, KNOWN, Map.of())
			.booleanValue("persist", "CHAT_X_PERSIST", false)).isTrue();
		assertThat(LaunchOptions.parse(new String[0], KNOWN, Map.of("CHAT_X_PERSIST", "1"))
			.booleanValue("persist", "CHAT_X_PERSIST", false)).isTrue();
		assertThat(LaunchOptions.parse(new String[] { "--persist=0" }, KNOWN, Map.of("CHAT_X_PERSIST", "1"))
			.booleanValue("persist", "CHAT_X_PERSIST", true)).isFalse();
		assertThat(LaunchOptions.parse(new String[0], KNOWN, Map.of("CHAT_X_PERSIST", ""))
			.booleanValue("persist", "CHAT_X_PERSIST", false)).isFalse();
		assertThatThrownBy(() -> LaunchOptions.parse(new String[0], KNOWN, Map.of("CHAT_X_PERSIST", "yes please"))
			.booleanValue("persist", "CHAT_X_PERSIST", false)).hasMessageContaining("CHAT_X_PERSIST")
			.hasMessageContaining("yes please");
	}

	@Test
	void rejectsNonNumericNumbersNamingTheSource() {
		LaunchOptions options = LaunchOptions.parse(new String[0], KNOWN, Map.of("CHAT_X_PORT", "abc"));

		assertThatThrownBy(() -> options.intValue("port", "CHAT_X_PORT", 1))
			.hasMessageContaining("CHAT_X_PORT")
			.hasMessageContaining("abc");
	}

}
