package org.chat.gateway.fanout;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.ids.EventIds;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.SocketIoSocket.Outcome;
import reactor.core.publisher.Mono;

/**
 * Applies one {@link GatewayMessage} from Redis to the local sockets (see its javadoc for the kinds). An event
 * is encoded once per message and every recipient queues the same bytes ({@link PreparedEvent}). Typing
 * indicators are droppable; a {@code user_list} EMIT is a full snapshot, so a newer one supersedes the one a
 * socket has not written yet (LATEST); everything else is reliable.
 */
public class FanoutRouter {

	private static final Log log = LogFactory.getLog(FanoutRouter.class);

	private final LocalSessions sessions;

	private final PendingReplies pending;

	private final EnvelopePublisher publisher;

	private final Supplier<Mono<Void>> livenessRefresh;

	/**
	 * @param livenessRefresh writes this gateway's alive key now and re-announces its sessions if presence's boot
	 * marker is new ({@code GatewayLiveness::refreshOnce})
	 */
	public FanoutRouter(LocalSessions sessions, PendingReplies pending, EnvelopePublisher publisher,
			Supplier<Mono<Void>> livenessRefresh) {
		this.sessions = sessions;
		this.pending = pending;
		this.publisher = publisher;
		this.livenessRefresh = livenessRefresh;
	}

	public void route(GatewayMessage message) {
		if (message.kind() == null) {
			log.warn("gateway message without kind ignored");
			return;
		}
		switch (message.kind()) {
			case EMIT -> emit(message);
			case REPLY -> reply(message);
			case REANNOUNCE -> reannounce();
			case ROUTABLE -> orEmpty(message.sessions()).forEach(this::routable);
		}
	}

	/** Presence wrote the session's route: its first sync, if held for that, goes ahead now. */
	private void routable(String sessionId) {
		ChatSession session = this.sessions.bySession(sessionId);
		if (session != null) {
			session.markRoutable();
		}
	}

	private void emit(GatewayMessage message) {
		if (message.event() == null) {
			log.warn("EMIT without event ignored");
			return;
		}
		Set<String> except = Set.copyOf(orEmpty(message.exceptSessions()));
		Delivery delivery = emitDelivery(message.event());
		PreparedEvent event = prepare(message);
		if (message.broadcast()) {
			this.sessions.all().stream().filter(s -> !except.contains(s.id())).forEach(s -> write(s, event, delivery));
			return;
		}
		Set<String> written = new HashSet<>();
		for (String user : orEmpty(message.users())) {
			ChatSession firstWritten = null;
			for (ChatSession session : this.sessions.ofUser(user)) {
				if (!except.contains(session.id()) && written.add(session.id())
						&& write(session, event, delivery).queued() && firstWritten == null) {
					firstWritten = session;
				}
			}
			if (firstWritten != null && message.receipt() != null) {
				reportDelivered(firstWritten, message.receipt());
			}
		}
		for (String sessionId : orEmpty(message.sessions())) {
			ChatSession session = this.sessions.bySession(sessionId);
			if (session != null && !except.contains(sessionId) && written.add(sessionId)) {
				write(session, event, delivery);
			}
		}
	}

	private static Delivery emitDelivery(String event) {
		if (ClientEvents.TYPING_INDICATOR_PRIVATE.equals(event)) {
			return Delivery.DROPPABLE;
		}
		return ClientEvents.USER_LIST.equals(event) ? Delivery.latest(ClientEvents.USER_LIST) : Delivery.RELIABLE;
	}

	/**
	 * Emits the reply's event (if any) to the asking session, then answers its parked ack. Always reliable: the
	 * ack tells the client the event came, so no later snapshot may skip it.
	 */
	private void reply(GatewayMessage message) {
		List<String> target = orEmpty(message.sessions());
		if (target.isEmpty()) {
			log.warn("REPLY without session ignored");
			return;
		}
		String sessionId = target.get(0);
		ChatSession session = this.sessions.bySession(sessionId);
		if (session != null && message.event() != null) {
			write(session, prepare(message), Delivery.RELIABLE);
		}
		if (message.replyTo() != null && message.ack() != null) {
			this.pending.complete(message.replyTo(), sessionId, message.ack());
		}
	}

	/**
	 * Presence lost its state: the liveness refresh writes the alive key and, seeing the new boot marker,
	 * re-announces every live local socket with its own epoch. Should this refresh fail, the periodic one does it.
	 */
	private void reannounce() {
		this.livenessRefresh.get()
			.subscribe(null, ex -> log.warn("re-announce deferred to the next liveness refresh: " + ex));
	}

	private void reportDelivered(ChatSession recipient, DeliveryReceipt receipt) {
		Envelope delivered = Envelope.of(EventType.MESSAGE_DELIVERED, EventIds.next(), recipient.ref(),
				new MessageDelivered(receipt.messageId(), receipt.senderId()));
		// a receipt Kafka did not take is not retried: the sender learns it when the recipient syncs (delivery
		// guarantee 4); the producer's listener logs such failures, throttled, so a stall logs no line per receipt
		this.publisher.publish(ConversationId.of(recipient.userId(), receipt.senderId()), delivered);
	}

	private static PreparedEvent prepare(GatewayMessage message) {
		return (message.data() == null) ? PreparedEvent.of(message.event())
				: PreparedEvent.of(message.event(), message.data());
	}

	private static Outcome write(ChatSession session, PreparedEvent event, Delivery delivery) {
		return session.socket().emit(event, delivery);
	}

	private static <T> List<T> orEmpty(Collection<T> values) {
		return (values == null) ? List.of() : List.copyOf(values);
	}

}
