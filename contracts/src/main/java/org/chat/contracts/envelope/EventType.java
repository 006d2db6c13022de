package org.chat.contracts.envelope;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chat.contracts.Topics;

/** Every record type on the three topics, with its wire name and topic. */
public enum EventType {

	// chat.messages — key: conversation id (user id for profile updates)
	MESSAGE_SEND("message.send", Topics.MESSAGES),
	MESSAGE_DELIVERED("message.delivered", Topics.MESSAGES),
	MESSAGES_READ("message.read", Topics.MESSAGES),
	PROFILE_UPDATE("profile.update", Topics.MESSAGES),
	/** Produced by the presence-service (key: user id) so the owner of {@code users} records lastSeenAt. */
	LAST_SEEN("user.last_seen", Topics.MESSAGES),

	// chat.queries — key: user id
	UNREAD_COUNTS_QUERY("query.unread_counts", Topics.QUERIES),
	HISTORY_QUERY("query.history", Topics.QUERIES),
	SYNC_QUERY("query.sync", Topics.QUERIES),

	// chat.presence — key: user id
	SESSION_OPENED("session.opened", Topics.PRESENCE),
	SESSION_REGISTERED("session.registered", Topics.PRESENCE),
	SESSION_CLOSED("session.closed", Topics.PRESENCE),
	TYPING("typing", Topics.PRESENCE),
	USER_LIST_QUERY("query.user_list", Topics.PRESENCE);

	private static final Map<String, EventType> BY_WIRE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

	private final String wireName;

	private final String topic;

	EventType(String wireName, String topic) {
		this.wireName = wireName;
		this.topic = topic;
	}

	public String wireName() {
		return this.wireName;
	}

	public String topic() {
		return this.topic;
	}

	/** @return the type, or {@code null} for a name this version does not know (newer producer). */
	public static EventType fromWire(String wireName) {
		return BY_WIRE.get(wireName);
	}

}
