package org.chat.gateway.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets this gateway holds, by session id and by user id. */
public class LocalSessions {

	private final Map<String, ChatSession> bySession = new ConcurrentHashMap<>();

	private final Map<String, Set<ChatSession>> byUser = new ConcurrentHashMap<>();

	public void add(ChatSession session) {
		this.bySession.put(session.id(), session);
		this.byUser.compute(session.userId(), (user, sessions) -> {
			Set<ChatSession> set = (sessions != null) ? sessions : ConcurrentHashMap.newKeySet();
			set.add(session);
			return set;
		});
	}

	public void remove(ChatSession session) {
		this.bySession.remove(session.id(), session);
		this.byUser.computeIfPresent(session.userId(), (user, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	public ChatSession bySession(String sessionId) {
		return (sessionId != null) ? this.bySession.get(sessionId) : null;
	}

	public Collection<ChatSession> ofUser(String userId) {
		Set<ChatSession> sessions = (userId != null) ? this.byUser.get(userId) : null;
		return (sessions != null) ? List.copyOf(sessions) : List.of();
	}

	public Collection<ChatSession> all() {
		return List.copyOf(this.bySession.values());
	}

	public int size() {
		return this.bySession.size();
	}

}
