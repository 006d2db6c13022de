package org.chat.message.support;

import java.time.Instant;
import java.util.UUID;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.LastSeen;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.json.Json;
import org.chat.message.consume.InboundRecord;

/** Builds decoded records as a gateway would produce them: user u's session is "u-s1" on gateway "gw-u". */
public final class Records {

	public static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");

	private Records() {
	}

	public static String session(String user) {
		return user + "-s1";
	}

	public static String gateway(String user) {
		return "gw-" + user;
	}

	public static Envelope envelope(EventType type, String user, Object payload) {
		return new Envelope(type.wireName(), UUID.randomUUID().toString(), user, session(user), gateway(user), 1,
				CREATED, Json.tree(payload));
	}

	public static InboundRecord record(int partition, long offset, EventType type, String user, Object payload) {
		return new InboundRecord(partition, offset, type, envelope(type, user, payload));
	}

	public static InboundRecord send(int partition, long offset, String from, String to, String id) {
		return record(partition, offset, EventType.MESSAGE_SEND, from,
				new SendMessage(id, to, "text of " + id, "c-" + id, CREATED));
	}

	public static InboundRecord read(int partition, long offset, String me, String other) {
		return record(partition, offset, EventType.MESSAGES_READ, me, new MarkRead(other));
	}

	public static InboundRecord delivered(int partition, long offset, String me, String id, String sender) {
		return record(partition, offset, EventType.MESSAGE_DELIVERED, me, new MessageDelivered(id, sender));
	}

	public static InboundRecord unreadCounts(int partition, long offset, String me) {
		return record(partition, offset, EventType.UNREAD_COUNTS_QUERY, me, null);
	}

	public static InboundRecord history(int partition, long offset, String me, String other, String before, int limit) {
		return record(partition, offset, EventType.HISTORY_QUERY, me, new HistoryQuery(other, before, limit));
	}

	public static InboundRecord sync(int partition, long offset, String me, String since, int limit) {
		return record(partition, offset, EventType.SYNC_QUERY, me, new SyncQuery(since, limit));
	}

	public static InboundRecord profile(int partition, long offset, String me, Profile profile) {
		return record(partition, offset, EventType.PROFILE_UPDATE, me, profile);
	}

	public static InboundRecord lastSeen(int partition, long offset, String me, Instant at) {
		return record(partition, offset, EventType.LAST_SEEN, me, new LastSeen(at));
	}

}
