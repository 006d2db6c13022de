package org.chat.contracts.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.chat.contracts.json.ContractViolation;

/**
 * The {@code next} of a {@code sync_messages} answer: for each partition of the messages topic, the offset below
 * which every message to the user has been returned by this answer or an earlier one of its chain. Opaque to
 * clients: {@code t1.} + base64url of {@code partition:offset,...}. A partition it does not name is at 0.
 */
public record SyncToken(Map<Integer, Long> positions) {

	private static final String PREFIX = "t1.";

	/** Far above any real token (a few bytes per partition), so a bad client cannot make us decode megabytes. */
	public static final int MAX_LENGTH = 8_192;

	public SyncToken {
		positions = Collections.unmodifiableMap(new TreeMap<>(positions));
	}

	public static final SyncToken START = new SyncToken(Map.of());

	public long position(int partition) {
		return this.positions.getOrDefault(partition, 0L);
	}

	/** Whether {@code since} is meant as a token (and not as a message id, the older form). */
	public static boolean isToken(String since) {
		return since != null && since.startsWith(PREFIX);
	}

	public String encode() {
		StringJoiner text = new StringJoiner(",");
		this.positions.forEach((partition, offset) -> text.add(partition + ":" + offset));
		return PREFIX + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
	}

	/** @throws ContractViolation if it is not a token this service wrote */
	public static SyncToken decode(String token) {
		if (!isToken(token) || token.length() > MAX_LENGTH) {
			throw new ContractViolation("since is not a sync token");
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())),
					StandardCharsets.US_ASCII);
			Map<Integer, Long> positions = new TreeMap<>();
			if (!text.isEmpty()) {
				for (String pair : text.split(",", -1)) {
					int colon = pair.indexOf(':');
					int partition = Integer.parseInt(pair.substring(0, colon));
					long offset = Long.parseLong(pair.substring(colon + 1));
					if (partition < 0 || offset < 0 || positions.put(partition, offset) != null) {
						throw new IllegalArgumentException(pair);
					}
				}
			}
			return new SyncToken(positions);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new ContractViolation("since is not a valid sync token");
		}
	}

}
