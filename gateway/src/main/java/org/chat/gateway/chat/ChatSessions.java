package org.chat.gateway.chat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.contracts.envelope.SessionRef;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.ratelimit.RateLimitProperties;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.SocketIoSocket;

/** Opens and closes chat sessions (registry, pending acks, presence records) and drains them at shutdown. */
public class ChatSessions {

	private static final Log log = LogFactory.getLog(ChatSessions.class);

	private final LocalSessions sessions;

	private final SessionEvents sessionEvents;

	private final PendingReplies pending;

	private final ChatEvents events;

	private final String gatewayId;

	private final RateLimitProperties rateLimit;

	private volatile boolean draining;

	public ChatSessions(LocalSessions sessions, SessionEvents sessionEvents, PendingReplies pending, ChatEvents events,
			String gatewayId, RateLimitProperties rateLimit) {
		this.sessions = sessions;
		this.sessionEvents = sessionEvents;
		this.pending = pending;
		this.events = events;
		this.gatewayId = gatewayId;
		this.rateLimit = rateLimit;
	}

	public ChatEvents events() {
		return this.events;
	}

	/**
	 * Registers the socket and produces {@code session.opened}. If Kafka does not take it, the socket is
	 * disconnected (reason {@code io server disconnect} on the client, which should reconnect with backoff):
	 * a session the presence-service never heard of would silently receive nothing.
	 */
	ChatSession open(SocketIoSocket socket, ConnectedUser user) {
		SessionRef ref = new SessionRef(user.userId(), socket.id(), this.gatewayId, user.epoch());
		ChatSession session = new ChatSession(socket, ref, TokenBucket.of(this.rateLimit));
		this.sessions.add(session);
		this.sessionEvents.opened(ref).whenComplete((done, error) -> {
			if (error != null && !session.isClosed()) {
				log.warn("session.opened not produced, disconnecting " + ref + ": " + error);
				socket.disconnect("unavailable");
				close(session, "unavailable");
			}
		});
		return session;
	}

	/** Idempotent: the protocol's disconnect callback and a shutdown may both call it. */
	public void close(ChatSession session, String reason) {
		if (!session.markClosed()) {
			return;
		}
		this.sessions.remove(session);
		this.pending.dropSession(session.id());
		this.sessionEvents.closed(session.ref(), reason).whenComplete((done, error) -> {
			if (error != null) {
				// the presence sweep removes it once this gateway's liveness key is gone
				log.warn("session.closed not produced for " + session.ref() + ": " + error);
			}
		});
	}

	public boolean isDraining() {
		return this.draining;
	}

	/** Refuse new connections from now on ({@code unavailable}: the client tries another gateway). */
	public void drain() {
		this.draining = true;
	}

	/**
	 * Shutdown: produces every session's {@code session.closed} while the sockets are still open. The engine's
	 * own shutdown then closes the transports; clients see a transport close (not a server DISCONNECT, after
	 * which official clients would not reconnect on their own) and reconnect to another gateway.
	 */
	public void closeAll(String reason) {
		for (ChatSession session : this.sessions.all()) {
			close(session, reason);
		}
	}

}
