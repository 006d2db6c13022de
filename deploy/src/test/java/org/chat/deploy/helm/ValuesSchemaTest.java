package org.chat.deploy.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.chat.deploy.support.Tree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * values.schema.json: the values files under src/test/resources/values/good render, each one under
 * values/bad is refused with the message its first line ({@code # expect: ...}) names.
 */
class ValuesSchemaTest {

	static final Path VALUES = Path.of("src", "test", "resources", "values");

	@ParameterizedTest
	@MethodSource("good")
	void goodValuesRender(Path values) {
		assertThat(RenderedChart.renderValuesFile(values).ofKind("Deployment"))
			.extracting(deployment -> Tree.map(deployment, "metadata.labels").get("app.kubernetes.io/component"))
			.containsAll(Workloads.COMPONENTS);
	}

	@ParameterizedTest
	@MethodSource("bad")
	void badValuesAreRefusedBeforeAnythingRenders(Path values) throws IOException {
		String first = Files.readAllLines(values).get(0);
		assertThat(first).startsWith("# expect: ");
		String expected = first.substring("# expect: ".length());

		assertThatThrownBy(() -> RenderedChart.renderValuesFile(values, "auth.jwtSecret=0123456789abcdef0123456789abcdef"))
			.hasMessageContaining("values don't meet the specifications of the schema")
			.hasMessageContaining(expected);
	}

	static Stream<Path> good() throws IOException {
		return files("good");
	}

	static Stream<Path> bad() throws IOException {
		return files("bad");
	}

	private static Stream<Path> files(String dir) throws IOException {
		try (Stream<Path> files = Files.list(VALUES.resolve(dir))) {
			return files.sorted().toList().stream();
		}
	}

}
