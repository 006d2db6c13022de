package org.chat.gateway.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.events.Typing;
import org.chat.gateway.ids.EventIds;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.presence.SessionRoutes;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.session.Replies;
import org.chat.gateway.socketio.Ack;
import org.chat.gateway.validation.EventRejected;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.PushEventValidator;
import org.chat.gateway.validation.SendRequest;
import tools.jackson.databind.JsonNode;

/**
 * Client events → Kafka envelopes (docs/PROTOCOL.md). Order per event: rate limit, validation, produce; the ack
 * follows the broker's acknowledgement, or the service's REPLY for queries. Identity is the session's token
 * user, whatever the payload says.
 */
public class ChatEvents {

	/** What an ack-less query failure or a send failure tells the client. */
	private static final String NOT_STORED = "not accepted by the message log; retry";

	private final EventValidator validator;

	private final PushEventValidator pushValidator = new PushEventValidator();

	private final EnvelopePublisher publisher;

	private final SessionEvents sessionEvents;

	private final PendingReplies pending;

	private final MessageIds messageIds;

	private final Clock clock;

	private final SessionRoutes routes;

	public ChatEvents(EventValidator validator, EnvelopePublisher publisher, SessionEvents sessionEvents,
			PendingReplies pending, MessageIds messageIds, Clock clock, SessionRoutes routes) {
		this.routes = routes;
		this.validator = validator;
		this.publisher = publisher;
		this.sessionEvents = sessionEvents;
		this.pending = pending;
		this.messageIds = messageIds;
		this.clock = clock;
	}

	public void handle(ChatSession session, String event, List<JsonNode> args, Ack ack) {
		if (session.isClosed()) {
			// closed at shutdown, transport not yet gone: nothing may follow session.closed
			Replies.error(session.socket(), event, ack, ErrorCode.UNAVAILABLE, "gateway shutting down; reconnect");
			return;
		}
		if (!session.tryAcquire()) {
			Replies.error(session.socket(), event, ack, ErrorCode.RATE_LIMITED, "too many events; slow down");
			return;
		}
		try {
			dispatch(session, event, args, ack);
		}
		catch (EventRejected ex) {
			Replies.error(session.socket(), event, ack, ex.code(), ex.getMessage());
		}
	}

	private void dispatch(ChatSession session, String event, List<JsonNode> args, Ack ack) {
		String me = session.userId();
		switch (event) {
			case ClientEvents.SEND_PRIVATE_MESSAGE -> send(session, event, this.validator.send(args), ack);
			case ClientEvents.REGISTER_USER -> register(session, event, this.validator.register(args, me), ack);
			case ClientEvents.TYPING_PRIVATE -> {
				Typing typing = this.validator.typing(args);
				ackWhenStored(session, event, ack, me, envelope(session, EventType.TYPING, typing));
			}
			case ClientEvents.MARK_MESSAGES_READ -> {
				MarkRead read = this.validator.markRead(args);
				ackWhenStored(session, event, ack, ConversationId.of(me, read.otherUserId()),
						envelope(session, EventType.MESSAGES_READ, read));
			}
			case ClientEvents.GET_UNREAD_COUNTS -> query(session, event, ack, me,
					envelope(session, EventType.UNREAD_COUNTS_QUERY, null));
			case ClientEvents.REQUEST_USER_LIST -> query(session, event, ack, me,
					envelope(session, EventType.USER_LIST_QUERY, null));
			case ClientEvents.GET_MESSAGES -> {
				HistoryQuery history = this.validator.history(args);
				query(session, event, requireAck(event, ack), ConversationId.of(me, history.otherUserId()),
						envelope(session, EventType.HISTORY_QUERY, history));
			}
			case ClientEvents.SYNC_MESSAGES -> {
				Envelope sync = envelope(session, EventType.SYNC_QUERY, this.validator.sync(args));
				Ack answer = requireAck(event, ack);
				this.routes.awaitRoutable(session).subscribe(null, null, () -> query(session, event, answer, me, sync));
			}
			case ClientEvents.REGISTER_PUSH_TOKEN -> ackWhenStored(session, event, ack, me,
					envelope(session, EventType.PUSH_TOKEN_REGISTER, this.pushValidator.register(args)));
			case ClientEvents.UNREGISTER_PUSH_TOKEN -> ackWhenStored(session, event, ack, me,
					envelope(session, EventType.PUSH_TOKEN_UNREGISTER, this.pushValidator.unregister(args)));
			case ClientEvents.SET_NOTIFICATION_PREFS -> ackWhenStored(session, event, ack, me,
					envelope(session, EventType.NOTIFICATION_PREFS, this.pushValidator.prefs(args)));
			default -> throw new EventRejected(ErrorCode.UNKNOWN_EVENT, "unknown event");
		}
	}

	private void send(ChatSession session, String event, SendRequest request, Ack ack) {
		String messageId = (request.clientMessageId() != null)
				? MessageIds.derived(session.userId(), request.clientMessageId()) : this.messageIds.next();
		Instant createdAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		SendMessage message = new SendMessage(messageId, request.toUserId(), request.text(),
				request.clientMessageId(), createdAt);
		this.publisher
			.publish(ConversationId.of(session.userId(), request.toUserId()),
					envelope(session, EventType.MESSAGE_SEND, message))
			.whenComplete((done, error) -> {
				if (error != null) {
					Replies.error(session.socket(), event, ack, ErrorCode.UNAVAILABLE, NOT_STORED);
				}
				else if (ack != null) {
					ack.send(Replies.ok(new SendAccepted(messageId, createdAt)));
				}
			});
	}

	/** session.registered for presence, profile.update for the owner of the users collection; ack after both. */
	private void register(ChatSession session, String event, Profile profile, Ack ack) {
		session.registered(profile);
		CompletableFuture<Void> presence = this.sessionEvents.registered(session.ref(), profile);
		CompletableFuture<Void> stored = this.publisher.publish(session.userId(),
				envelope(session, EventType.PROFILE_UPDATE, profile));
		whenStored(session, event, ack, CompletableFuture.allOf(presence, stored));
	}

	private void ackWhenStored(ChatSession session, String event, Ack ack, String key, Envelope envelope) {
		whenStored(session, event, ack, this.publisher.publish(key, envelope));
	}

	private void whenStored(ChatSession session, String event, Ack ack, CompletableFuture<Void> stored) {
		stored.whenComplete((done, error) -> {
			if (error != null) {
				Replies.error(session.socket(), event, ack, ErrorCode.UNAVAILABLE, NOT_STORED);
			}
			else if (ack != null) {
				ack.send(Replies.ok());
			}
		});
	}

	/** Answered by a service's REPLY; the ack (if any) is parked until then or until the reply timeout. */
	private void query(ChatSession session, String event, Ack ack, String key, Envelope envelope) {
		if (ack != null) {
			this.pending.await(envelope.eventId(), session.id(), ack);
		}
		this.publisher.publish(key, envelope).whenComplete((done, error) -> {
			if (error == null) {
				return;
			}
			if (ack != null) {
				this.pending.fail(envelope.eventId(), ErrorCode.UNAVAILABLE, NOT_STORED);
			}
			else {
				Replies.error(session.socket(), event, null, ErrorCode.UNAVAILABLE, NOT_STORED);
			}
		});
	}

	private static Ack requireAck(String event, Ack ack) {
		if (ack == null) {
			throw EventRejected.invalid(event + " is answered in its acknowledgement: pass a callback");
		}
		return ack;
	}

	private static Envelope envelope(ChatSession session, EventType type, Object payload) {
		return Envelope.of(type, EventIds.next(), session.ref(), payload);
	}

	/** The success ack of {@code send_private_message}. */
	record SendAccepted(String messageId, Instant createdAt) {
	}

}
