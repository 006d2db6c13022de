package org.chat.presence.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The session transitions, one atomic Lua script each, under the epoch rule (see docs/PRESENCE.md).
 * Every transition is idempotent and commutes with the others, so any interleaving converges.
 */
public class SessionScripts {

	private static final String GATEWAY_SESSIONS_PREFIX = PresenceKeys.gatewaySessions("");

	private final RedisScript<Long> opened = LuaScripts.sessionTransition("session-opened.lua");

	private final RedisScript<Long> registered = LuaScripts.sessionTransition("session-registered.lua");

	private final RedisScript<Long> closed = LuaScripts.sessionTransition("session-closed.lua");

	private final RedisScript<Long> swept = LuaScripts.sessionTransition("session-swept.lua");

	private final ReactiveStringRedisTemplate redis;

	private final Duration tombstoneTtl;

	public SessionScripts(ReactiveStringRedisTemplate redis, Duration tombstoneTtl) {
		this.redis = redis;
		this.tombstoneTtl = tombstoneTtl;
	}

	public Mono<PresenceChange> open(SessionRef session, long now) {
		return run(this.opened, keys(session), args(session, now, 0));
	}

	/**
	 * @param now written as lastSeenAt if the user goes offline
	 * @param registeredAt when the client registered (the envelope's sentAt), identical in redeliveries */
	public Mono<PresenceChange> register(SessionRef session, long now, long registeredAt, Profile profile) {
		List<String> args = args(session, now, registeredAt);
		if (profile != null) {
			addField(args, "name", profile.name());
			addField(args, "email", profile.email());
			addField(args, "avatar", profile.avatar());
		}
		return run(this.registered, keys(session), args);
	}

	public Mono<PresenceChange> close(SessionRef session, long now) {
		return run(this.closed, keys(session), args(session, now, 0));
	}

	/** Removes the session if gateway {@code gatewayId} still holds it and its alive key is still missing. */
	public Mono<PresenceChange> sweep(String userId, String sessionId, String gatewayId, long now) {
		SessionRef session = new SessionRef(userId, sessionId, gatewayId, 0);
		List<String> keys = keys(session);
		keys.add(PresenceKeys.gatewayAlive(gatewayId));
		return run(this.swept, keys, args(session, now, 0));
	}

	private Mono<PresenceChange> run(RedisScript<Long> script, List<String> keys, List<String> args) {
		return this.redis.execute(script, keys, args).next().map(PresenceChange::of);
	}

	private static List<String> keys(SessionRef session) {
		List<String> keys = new ArrayList<>(7);
		keys.add(PresenceKeys.sessions(session.userId()));
		keys.add(PresenceKeys.ONLINE);
		keys.add(PresenceKeys.profile(session.userId()));
		keys.add(PresenceKeys.closedSession(session.userId(), session.sessionId()));
		keys.add(PresenceKeys.GATEWAYS);
		keys.add(PresenceKeys.USER_LIST_VERSION);
		return keys;
	}

	private List<String> args(SessionRef session, long now, long registeredAt) {
		List<String> args = new ArrayList<>(14);
		args.add(session.userId());
		args.add(session.sessionId());
		args.add(Long.toString(session.epoch()));
		args.add(session.gatewayId());
		args.add(Long.toString(now));
		args.add(GATEWAY_SESSIONS_PREFIX);
		args.add(Long.toString(this.tombstoneTtl.toMillis()));
		args.add(Long.toString(registeredAt));
		return args;
	}

	private static void addField(List<String> args, String field, String value) {
		if (value != null) {
			args.add(field);
			args.add(value);
		}
	}

}
