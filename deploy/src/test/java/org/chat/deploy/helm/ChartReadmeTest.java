package org.chat.deploy.helm;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value of values.yaml is in the README's values table, and every table row is a real value. */
class ChartReadmeTest {

	@Test
	void valuesTableCoversValuesYaml() throws IOException {
		Map<String, Object> values;
		try (Reader reader = Files.newBufferedReader(RenderedChart.CHART.resolve("values.yaml"))) {
			values = new Yaml().load(reader);
		}
		List<String> documented = Files.readAllLines(RenderedChart.CHART.resolve("README.md")).stream()
			.filter(line -> line.startsWith("| `"))
			.map(line -> line.substring(3, line.indexOf('`', 3)))
			.toList();
		List<String> leaves = new ArrayList<>();
		collectLeaves("", values, leaves);

		// a leaf is documented by its own row or by the row of the map that holds it
		assertThat(leaves).allSatisfy(leaf -> assertThat(documented)
			.as("README row for %s", leaf)
			.anyMatch(row -> leaf.equals(row) || leaf.startsWith(row + ".")));
		assertThat(documented).allSatisfy(row -> assertThat(leaves).as("value behind README row %s", row)
			.anyMatch(leaf -> leaf.equals(row) || leaf.startsWith(row + ".")));
	}

	@SuppressWarnings("unchecked")
	private static void collectLeaves(String prefix, Map<String, Object> map, List<String> leaves) {
		map.forEach((key, value) -> {
			String path = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
				collectLeaves(path, (Map<String, Object>) nested, leaves);
			}
			else {
				leaves.add(path);
			}
		});
	}

}
