package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonOutTest {

	@Test
	void resultDocumentsAreIndentedWithListsOnOneLineAndThreeDecimals() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("p50", 1.23456);
		nested.put("max", Double.NaN);
		nested.put("count", 7L);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("bench", "chat \"quoted\"");
		document.put("gateways", List.of("http://a", "http://b"));
		document.put("rate", Double.POSITIVE_INFINITY);
		document.put("ok", true);
		document.put("latency", nested);
		document.put("failures", Map.of());

		assertThat(JsonOut.write(document)).isEqualTo("""
				{
				  "bench": "chat \\"quoted\\"",
				  "gateways": ["http://a", "http://b"],
				  "rate": null,
				  "ok": true,
				  "latency": {
				    "p50": 1.235,
				    "max": null,
				    "count": 7
				  },
				  "failures": {}
				}
				""");
	}

}
