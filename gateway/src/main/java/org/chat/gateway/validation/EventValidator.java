package org.chat.gateway.validation;

import java.util.List;

import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.events.Typing;
import tools.jackson.databind.JsonNode;

/**
 * Checks client payloads (PROTOCOL.md) and turns them into contract payloads, or throws {@link EventRejected}.
 * Identity fields a client may send ({@code user}, {@code id}) never become the sender: that is the token's.
 */
public class EventValidator {

	/** Largest page of {@code get_messages}/{@code sync_messages} (PROTOCOL.md). */
	public static final int MAX_PAGE = 100;

	private final LimitsProperties limits;

	public EventValidator(LimitsProperties limits) {
		this.limits = limits;
	}

	public SendRequest send(List<JsonNode> args) {
		JsonNode payload = Fields.object(args);
		String to = Fields.userId(payload, "toUserId");
		String text = Fields.requiredText(payload, "text", this.limits.maxTextLength());
		return new SendRequest(to, text, Fields.optionalClientMessageId(payload, "clientMessageId"));
	}

	public Typing typing(List<JsonNode> args) {
		JsonNode payload = Fields.object(args);
		return new Typing(Fields.userId(payload, "toUserId"), Fields.requiredBoolean(payload, "isTyping"));
	}

	public MarkRead markRead(List<JsonNode> args) {
		return new MarkRead(Fields.userId(Fields.object(args), "otherUserId"));
	}

	/** {@code register_user}: no argument means an empty profile; {@code id}/{@code _id} may only repeat the token's user. */
	public Profile register(List<JsonNode> args, String tokenUserId) {
		if (args.isEmpty() || args.get(0).isNull()) {
			return new Profile(null, null, null);
		}
		JsonNode payload = Fields.object(args);
		for (String idField : List.of("id", "_id")) {
			JsonNode id = payload.get(idField);
			if (id != null && !id.isNull() && !(id.isString() && id.stringValue().equals(tokenUserId))) {
				throw new EventRejected(ErrorCode.UNAUTHORIZED, idField + " must be absent or equal the token's user");
			}
		}
		return new Profile(Fields.optionalText(payload, "name", this.limits.maxNameLength()),
				Fields.optionalText(payload, "email", this.limits.maxEmailLength()),
				Fields.optionalText(payload, "avatar", this.limits.maxAvatarLength()));
	}

	public HistoryQuery history(List<JsonNode> args) {
		JsonNode payload = Fields.object(args);
		return new HistoryQuery(Fields.userId(payload, "otherUserId"), Fields.optionalMessageId(payload, "before"),
				Fields.optionalInt(payload, "limit", 1, MAX_PAGE, this.limits.defaultHistoryLimit()));
	}

	/** {@code sync_messages}: no argument means "from the start". */
	public SyncQuery sync(List<JsonNode> args) {
		if (args.isEmpty() || args.get(0).isNull()) {
			return new SyncQuery(null, this.limits.defaultSyncLimit());
		}
		JsonNode payload = Fields.object(args);
		return new SyncQuery(Fields.optionalSyncCursor(payload, "since"),
				Fields.optionalInt(payload, "limit", 1, MAX_PAGE, this.limits.defaultSyncLimit()));
	}

}
