package org.chat.contracts.json;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one JSON mapper of the wire contracts: nulls omitted, unknown fields tolerated, ISO-8601 instants. */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
		.build();

	private Json() {
	}

	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	public static String writeString(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static <T> T read(byte[] bytes, Class<T> type) {
		return MAPPER.readValue(bytes, type);
	}

	public static <T> T read(String text, Class<T> type) {
		return MAPPER.readValue(text, type);
	}

	/** {@code value} as a tree; a node is used as it is, a {@link RawJson} parsed (once). */
	public static JsonNode tree(Object value) {
		if (value instanceof RawJson raw) {
			return raw.tree();
		}
		return (value instanceof JsonNode node) ? node : MAPPER.valueToTree(value);
	}

	/** Reads a raw value as its record, from its text; throws {@link ContractViolation} if it does not fit. */
	public static <T> T convert(RawJson raw, Class<T> type) {
		try {
			return MAPPER.readValue(raw.text(), type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ContractViolation("payload does not fit " + type.getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	/** Converts a payload tree to its record; throws {@link ContractViolation} if it does not fit. */
	public static <T> T convert(JsonNode node, Class<T> type) {
		try {
			return MAPPER.treeToValue(node, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ContractViolation("payload does not fit " + type.getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

}
