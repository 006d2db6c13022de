package org.chat.e2e.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.Frames;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import tools.jackson.databind.JsonNode;

/**
 * What a reconnecting client does: {@code sync_messages} page after page, each asking {@code since} the previous
 * answer's {@code next} token, until {@code hasMore} is false.
 */
final class Sync {

	private static final Set<String> RETRYABLE = Set.of("unavailable", "rate_limited");

	private Sync() {
	}

	/**
	 * Every message to {@code client}'s user after the token {@code since} (null: from the start), oldest first, as
	 * the pages returned them (duplicates kept).
	 */
	static List<JsonNode> all(String since, JsClient client) {
		List<JsonNode> messages = new ArrayList<>();
		JsonNode page = untilOk(() -> client.ack(ClientEvents.SYNC_MESSAGES,
				(since == null) ? Payloads.obj() : Payloads.obj("since", since)));
		while (true) {
			messages.addAll(Frames.syncMessages(page));
			if (!page.get("hasMore").asBoolean()) {
				return messages;
			}
			String next = Frames.next(page);
			page = untilOk(() -> client.ack(ClientEvents.SYNC_MESSAGES, Payloads.obj("since", next)));
		}
	}

	/**
	 * Asks again while the answer is {@code unavailable} (a service still catching up after a restart) or
	 * {@code rate_limited}, as the web client does, for at most 60 s.
	 */
	static JsonNode untilOk(Supplier<JsonNode> ask) {
		long deadline = System.currentTimeMillis() + 60_000;
		JsonNode answer = ask.get();
		while (!answer.path("ok").asBoolean() && RETRYABLE.contains(answer.path("error").path("code").asString())
				&& System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return answer;
			}
			answer = ask.get();
		}
		return answer;
	}

	static List<String> ids(List<JsonNode> messages) {
		return messages.stream().map(m -> m.path("id").asString()).toList();
	}

}
