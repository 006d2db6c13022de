package org.chat.loadtest.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes the result documents (maps of strings, numbers, booleans, nested maps and lists) as indented JSON, one
 * entry per line, lists on one line, decimals to 3 places, NaN and infinities as {@code null}.
 */
final class JsonOut {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.addModule(new SimpleModule("bench-decimals").addSerializer(Double.class, new ThreeDecimals()))
		.defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Spacing.AFTER)
			.withArrayElementSpacing(Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("")).withArrayIndenter(new DefaultPrettyPrinter.NopIndenter()))
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private JsonOut() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value) + "\n";
	}

	private static final class ThreeDecimals extends ValueSerializer<Double> {

		@Override
		public void serialize(Double value, JsonGenerator json, SerializationContext context) {
			if (value.isNaN() || value.isInfinite()) {
				json.writeNull();
			}
			else {
				json.writeNumber(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP));
			}
		}

	}

}
