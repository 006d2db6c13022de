package org.chat.gateway.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.socketio.SocketIoSocket;

/** One authenticated socket: who it is (token user, epoch), its rate limit and, once registered, its profile. */
public final class ChatSession {

	private final SocketIoSocket socket;

	private final SessionRef ref;

	private final TokenBucket rateLimit;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile Profile profile;

	/** Known to be in the routing hash (see SessionRoutes); only ever goes from false to true. */
	private volatile boolean routable;

	/** Completed when the session becomes routable; made by the first wait only (most sockets never wait). */
	private CompletableFuture<Void> routableSignal;

	public ChatSession(SocketIoSocket socket, SessionRef ref, TokenBucket rateLimit) {
		this.socket = socket;
		this.ref = ref;
		this.rateLimit = rateLimit;
	}

	public boolean routable() {
		return this.routable;
	}

	public void markRoutable() {
		CompletableFuture<Void> signal;
		synchronized (this) {
			this.routable = true;
			signal = this.routableSignal;
		}
		if (signal != null) {
			signal.complete(null);
		}
	}

	/** Completes once {@link #markRoutable()} was called (at once if it was already). */
	public synchronized CompletableFuture<Void> whenRoutable() {
		if (this.routable) {
			return CompletableFuture.completedFuture(null);
		}
		if (this.routableSignal == null) {
			this.routableSignal = new CompletableFuture<>();
		}
		return this.routableSignal;
	}

	public SocketIoSocket socket() {
		return this.socket;
	}

	public SessionRef ref() {
		return this.ref;
	}

	public String id() {
		return this.ref.sessionId();
	}

	public String userId() {
		return this.ref.userId();
	}

	public boolean tryAcquire() {
		return this.rateLimit.tryAcquire();
	}

	/** The profile of the last {@code register_user}, or null if the session never registered. */
	public Profile profile() {
		return this.profile;
	}

	public void registered(Profile registeredProfile) {
		this.profile = registeredProfile;
	}

	/** @return true for the one caller that closes the session (disconnect and shutdown may race). */
	public boolean markClosed() {
		return this.closed.compareAndSet(false, true);
	}

	public boolean isClosed() {
		return this.closed.get();
	}

}
