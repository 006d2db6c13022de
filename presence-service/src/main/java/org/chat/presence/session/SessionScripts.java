package org.chat.presence.session;

import java.time.Clock;
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

	private final Clock clock;

	public SessionScripts(ReactiveStringRedisTemplate redis, Duration tombstoneTtl, Clock clock) {
		this.redis = redis;
		this.tombstoneTtl = tombstoneTtl;
		this.clock = clock;
	}

	public Mono<PresenceChange> open(SessionRef session) {
		return run(this.opened, session, keys(session), args(session, 0));
	}

	/** @param registeredAt when the client registered (the envelope's sentAt), identical in redeliveries */
	public Mono<PresenceChange> register(SessionRef session, long registeredAt, Profile profile) {
		List<String> args = args(session, registeredAt);
		if (profile != null) {
			addField(args, "name", profile.name());
			addField(args, "email", profile.email());
			addField(args, "avatar", profile.avatar());
		}
		return run(this.registered, session, keys(session), args);
	}

	public Mono<PresenceChange> close(SessionRef session) {
		return run(this.closed, session, keys(session), args(session, 0));
	}

	/** Removes the session if gateway {@code gatewayId} still holds it and its alive key is still missing. */
	public Mono<PresenceChange> sweep(String userId, String sessionId, String gatewayId) {
		SessionRef session = new SessionRef(userId, sessionId, gatewayId, 0);
		List<String> keys = keys(session);
		keys.add(PresenceKeys.gatewayAlive(gatewayId));
		return run(this.swept, session, keys, args(session, 0));
	}

	private Mono<PresenceChange> run(RedisScript<Long> script, SessionRef session, List<String> keys,
			List<String> args) {
		return this.redis.execute(script, keys, args).next().map(PresenceChange::of);
	}

	private static List<String> keys(SessionRef session) {
		List<String> keys = new ArrayList<>(6);
		keys.add(PresenceKeys.sessions(session.userId()));
		keys.add(PresenceKeys.ONLINE);
		keys.add(PresenceKeys.profile(session.userId()));
		keys.add(PresenceKeys.closedSession(session.userId(), session.sessionId()));
		keys.add(PresenceKeys.GATEWAYS);
		return keys;
	}

	private List<String> args(SessionRef session, long registeredAt) {
		List<String> args = new ArrayList<>(14);
		args.add(session.userId());
		args.add(session.sessionId());
		args.add(Long.toString(session.epoch()));
		args.add(session.gatewayId());
		args.add(Long.toString(this.clock.millis()));
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
