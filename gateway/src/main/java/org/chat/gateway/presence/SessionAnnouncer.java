package org.chat.gateway.presence;

import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;

/**
 * Announces every live local socket to presence again, each with its own epoch (registered with its profile, or
 * only opened): what a presence that lost its Redis data needs to know this gateway's sessions again.
 */
public class SessionAnnouncer implements Runnable {

	private static final Log log = LogFactory.getLog(SessionAnnouncer.class);

	private final LocalSessions sessions;

	private final SessionEvents events;

	public SessionAnnouncer(LocalSessions sessions, SessionEvents events) {
		this.sessions = sessions;
		this.events = events;
	}

	@Override
	public void run() {
		log.info("announcing " + this.sessions.size() + " local sessions to presence again");
		for (ChatSession session : this.sessions.all()) {
			CompletableFuture<Void> announced = (session.profile() != null)
					? this.events.registered(session.ref(), session.profile()) : this.events.opened(session.ref());
			announced.whenComplete((done, error) -> {
				if (error != null) {
					log.warn("re-announce of " + session.ref() + " not produced: " + error);
				}
			});
		}
	}

}
