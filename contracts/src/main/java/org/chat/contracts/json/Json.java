package org.chat.contracts.json;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.RawValue;

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

	/** {@code value} as a tree; a node (e.g. one from {@link #raw}) is used as it is. */
	public static JsonNode tree(Object value) {
		return (value instanceof JsonNode node) ? node : MAPPER.valueToTree(value);
	}

	/**
	 * {@code value} serialized once, as a node that writes those characters verbatim wherever it is
	 * serialized: for data published many times (one message in several gateway messages). Write-only: it
	 * has no fields to read in-process; a receiver decodes it to an ordinary tree.
	 */
	public static JsonNode raw(Object value) {
		return MAPPER.getNodeFactory().rawValueNode(new RawValue(MAPPER.writeValueAsString(value)));
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
