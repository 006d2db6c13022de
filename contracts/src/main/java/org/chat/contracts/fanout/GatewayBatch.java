package org.chat.contracts.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import org.chat.contracts.json.RawJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * The payload of {@code chat:gw:{gatewayId}}: one {@link GatewayMessage} object, or a JSON array of them that
 * the gateway applies in array order (a publisher sends one array per gateway per processing step instead of
 * one PUBLISH per message). Both forms are valid on the channel; a one-element batch is written as a plain
 * object, so gateways that only know the object form keep working for everything but multi-message batches.
 */
public final class GatewayBatch {

	/** Binds one element at a time; the payload's end is checked here, after the last one. */
	private static final ObjectReader READER = Json.MAPPER.readerFor(GatewayMessage.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private GatewayBatch() {
	}

	/** @param messages at least one, in delivery order */
	public static String toJson(List<GatewayMessage> messages) {
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("empty gateway batch");
		}
		return (messages.size() == 1) ? messages.get(0).toJson() : Json.writeString(messages);
	}

	/**
	 * Decodes either form. An element that does not decode is reported to {@code onBad} and skipped; the
	 * others are still returned, in order. A payload that is not JSON at all yields nothing (and one report).
	 * <p>
	 * One streaming pass: each element is bound straight from the parser, its {@code data} and {@code ack}
	 * kept as slices of {@code payload} ({@link RawJson}). The reports of bad elements are held back until the
	 * whole payload has parsed, so a payload that turns out not to be JSON still gives only its one report.
	 */
	public static List<GatewayMessage> fromJson(String payload, Consumer<ContractViolation> onBad) {
		ObjectReader reader = RawJson.withSource(READER, payload);
		List<GatewayMessage> messages = new ArrayList<>();
		List<ContractViolation> bad = new ArrayList<>(0);
		try (JsonParser parser = reader.createParser(payload)) {
			if (parser.nextToken() == JsonToken.START_ARRAY) {
				for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
					if (parser.currentToken() == null) {
						throw new ContractViolation("gateway message array not closed");
					}
					element(reader, parser, index, messages, bad);
				}
			}
			else {
				element(reader, parser, 0, messages, bad);
			}
			if (parser.nextToken() != null) {
				throw new ContractViolation("trailing content after the gateway message");
			}
		}
		catch (StreamReadException | ContractViolation ex) {
			onBad.accept(new ContractViolation("undecodable gateway message", ex));
			return List.of();
		}
		bad.forEach(onBad);
		return messages;
	}

	/** Binds the element at the parser's current token, or reports it and moves the parser past its end. */
	private static void element(ObjectReader reader, JsonParser parser, int index, List<GatewayMessage> messages,
			List<ContractViolation> bad) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			bad.add(new ContractViolation("gateway message " + index + " is not an object"));
			parser.skipChildren();
			return;
		}
		TokenStreamContext around = parser.streamReadContext().getParent();
		try {
			messages.add(reader.readValue(parser));
		}
		catch (DatabindException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof StreamReadException syntax) {
					throw syntax; // not JSON after all: the whole payload is undecodable, as before
				}
			}
			bad.add(new ContractViolation(
					"gateway message " + index + ": payload does not fit GatewayMessage: " + ex.getMessage(), ex));
			// the binding stopped somewhere inside the element: move on to its end
			while (parser.streamReadContext() != around && parser.nextToken() != null) {
				// skipping
			}
		}
	}

}
