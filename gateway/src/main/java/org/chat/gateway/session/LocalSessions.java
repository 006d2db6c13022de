package org.chat.gateway.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets this gateway holds, by session id and by user id. */
public class LocalSessions {

	private final Map<String, ChatSession> bySession = new ConcurrentHashMap<>();

	/**
	 * Immutable lists replaced under {@code compute} (atomic per user): most users have one socket, and a
	 * concurrent set per user cost every idle connection ~200 bytes.
	 */
	private final Map<String, List<ChatSession>> byUser = new ConcurrentHashMap<>();

	public void add(ChatSession session) {
		this.bySession.put(session.id(), session);
		this.byUser.compute(session.userId(), (user, sessions) -> {
			if (sessions == null) {
				return List.of(session);
			}
			if (sessions.contains(session)) {
				return sessions;
			}
			List<ChatSession> more = new ArrayList<>(sessions.size() + 1);
			more.addAll(sessions);
			more.add(session);
			return List.copyOf(more);
		});
	}

	public void remove(ChatSession session) {
		this.bySession.remove(session.id(), session);
		this.byUser.computeIfPresent(session.userId(), (user, sessions) -> {
			List<ChatSession> rest = sessions.stream().filter(other -> other != session).toList();
			return rest.isEmpty() ? null : rest;
		});
	}

	public ChatSession bySession(String sessionId) {
		return (sessionId != null) ? this.bySession.get(sessionId) : null;
	}

	public Collection<ChatSession> ofUser(String userId) {
		List<ChatSession> sessions = (userId != null) ? this.byUser.get(userId) : null;
		return (sessions != null) ? sessions : List.of();
	}

	public Collection<ChatSession> all() {
		return List.copyOf(this.bySession.values());
	}

	public int size() {
		return this.bySession.size();
	}

}
