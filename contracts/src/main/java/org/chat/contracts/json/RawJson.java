package org.chat.contracts.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

/**
 * One JSON value kept as its text: what a process passes on without looking into it, such as the {@code data}
 * and {@code ack} of a gateway message, which a service serializes once and a gateway writes to its sockets
 * as it came. Serialized, it writes its characters verbatim; read by a reader made {@link #withSource} over
 * the text being parsed, it is that value's slice of the text (no tree is built); read any other way (a
 * tree, another reader), it is the value re-serialized by {@link Json#MAPPER}. {@link #tree()} parses it on
 * demand for the readers that need fields, {@link #path} reads one top-level member without a tree.
 * <p>
 * The text is valid JSON by construction (serialized here, or a value the parser has just read). Equality
 * is that of the values ({@link #tree()}), so texts that differ only in spacing or member order are equal.
 * <p>
 * Why a type of its own rather than a {@code JsonNode} field: a node is a built tree (building one per payload
 * and per element, then serializing it again per event, was a third of a gateway's CPU under load), and
 * Jackson's raw-value node is write-only, so the readers that do need a field (tests, meters) would lose it.
 */
@JsonSerialize(using = RawJson.Writer.class)
@JsonDeserialize(using = RawJson.Reader.class)
public final class RawJson {

	/** JSON {@code null} given as a value (an absent value is a Java null). */
	public static final RawJson NULL = new RawJson("null", NullNode.getInstance());

	private static final Object SOURCE = RawJson.class;

	/** Reads one member's value out of a larger text. */
	private static final ObjectReader MEMBER = Json.MAPPER.reader()
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final String text;

	/** Parsed on first use; a benign race may parse twice. */
	private volatile JsonNode tree;

	private RawJson(String text, JsonNode tree) {
		this.text = text;
		this.tree = tree;
	}

	/** {@code value} serialized once by {@link Json#MAPPER} (a RawJson is returned as it is; null stays null). */
	public static RawJson of(Object value) {
		if (value == null || value instanceof RawJson) {
			return (RawJson) value;
		}
		return new RawJson(Json.MAPPER.writeValueAsString(value), (value instanceof JsonNode node) ? node : null);
	}

	/**
	 * {@code reader} set to read from {@code source}: the RawJson values it reads are slices of {@code source}.
	 * Use it only to read {@code source} itself (the slices are taken at the parser's character offsets).
	 */
	public static ObjectReader withSource(ObjectReader reader, String source) {
		return reader.withAttribute(SOURCE, source);
	}

	/** The JSON text, e.g. to write into a larger document as it is. */
	public String text() {
		return this.text;
	}

	/** The value as a tree, parsed on first use and kept; shared, so not to be modified. */
	public JsonNode tree() {
		JsonNode parsed = this.tree;
		if (parsed == null) {
			parsed = Json.MAPPER.readTree(this.text);
			this.tree = parsed;
		}
		return parsed;
	}

	/**
	 * The top-level member {@code name} of an object as a tree ({@link MissingNode} if absent or this is not an
	 * object), read by streaming past the other members: for a reader of one field of a large value.
	 */
	public JsonNode path(String name) {
		JsonNode parsed = this.tree;
		if (parsed != null) {
			return parsed.path(name);
		}
		try (JsonParser parser = Json.MAPPER.createParser(this.text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return MissingNode.getInstance();
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				boolean wanted = name.equals(parser.currentName());
				parser.nextToken();
				if (wanted) {
					return MEMBER.readTree(parser);
				}
				parser.skipChildren();
			}
			return MissingNode.getInstance();
		}
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof RawJson raw && tree().equals(raw.tree()));
	}

	@Override
	public int hashCode() {
		return tree().hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

	static final class Writer extends ValueSerializer<RawJson> {

		@Override
		public void serialize(RawJson value, JsonGenerator generator, SerializationContext context) {
			generator.writeRawValue(value.text);
		}

	}

	static final class Reader extends ValueDeserializer<RawJson> {

		@Override
		public RawJson deserialize(JsonParser parser, DeserializationContext context) {
			if (context.getAttribute(SOURCE) instanceof String source) {
				RawJson slice = slice(parser, source);
				if (slice != null) {
					return slice;
				}
			}
			return of(context.readTree(parser));
		}

		/**
		 * The current value's characters: from its first token's offset to the end of its last token (the
		 * closing bracket of a container, the end of a scalar once the parser has finished it). Null if the
		 * parser has no offsets into {@code source} (e.g. it replays buffered tokens).
		 */
		private static RawJson slice(JsonParser parser, String source) {
			long start = parser.currentTokenLocation().getCharOffset();
			if (start < 0 || start >= source.length()) {
				return null;
			}
			long end;
			if (parser.currentToken().isStructStart()) {
				parser.skipChildren();
				end = parser.currentTokenLocation().getCharOffset() + 1;
			}
			else {
				parser.finishToken();
				end = parser.currentLocation().getCharOffset();
			}
			return new RawJson(source.substring((int) start, (int) end), null);
		}

		@Override
		public RawJson getNullValue(DeserializationContext context) {
			// as a JsonNode property read it: an explicit null is a value (a Socket.IO argument null)
			return NULL;
		}

		@Override
		public Object getAbsentValue(DeserializationContext context) {
			// an absent property is no value (the default would take the null value)
			return null;
		}

	}

}
