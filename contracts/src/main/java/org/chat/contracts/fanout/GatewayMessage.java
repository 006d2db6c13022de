package org.chat.contracts.fanout;

import java.util.List;

import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import org.chat.contracts.json.RawJson;
import tools.jackson.databind.ObjectReader;

/**
 * What the services publish on {@code chat:gw:{gatewayId}} and {@code chat:all} (at-most-once).
 *
 * <ul>
 * <li>{@code EMIT}: write {@code event}/{@code data} to every local socket of {@code users}, to the local
 * sessions in {@code sessions}, or to all local sockets when {@code broadcast}; never to
 * {@code exceptSessions}. With a {@code receipt}, the gateway reports {@code message.delivered} once it
 * wrote to at least one socket of a user in {@code users}.</li>
 * <li>{@code REPLY}: answer the ack of event {@code replyTo} on session {@code sessions[0]} with
 * {@code ack}; if {@code event} is set, also emit it to that session first.</li>
 * <li>{@code REANNOUNCE}: presence was lost (Redis restarted empty); gateways re-send their live sessions.</li>
 * <li>{@code ROUTABLE}: the local sessions in {@code sessions} are in the routing hash now (presence wrote their
 * route), so a first sync held for that may go ahead. A hint only: a gateway that misses it finds the route by
 * polling.</li>
 * </ul>
 * {@code data} and {@code ack} are {@link RawJson}: a service serializes them once (a value given to the factories
 * is serialized there), and a gateway reads them as slices of the channel payload and writes them to its sockets
 * as they came, never building a tree of them on the way.
 */
public record GatewayMessage(Kind kind, List<String> users, List<String> sessions, List<String> exceptSessions,
		boolean broadcast, String event, RawJson data, DeliveryReceipt receipt, String replyTo, RawJson ack) {

	private static final ObjectReader READER = Json.MAPPER.readerFor(GatewayMessage.class);

	public enum Kind {

		EMIT, REPLY, REANNOUNCE, ROUTABLE

	}

	public static GatewayMessage toUsers(List<String> users, String event, Object data) {
		return new GatewayMessage(Kind.EMIT, users, null, null, false, event, RawJson.of(data), null, null, null);
	}

	public static GatewayMessage toSessions(List<String> sessions, String event, Object data) {
		return new GatewayMessage(Kind.EMIT, null, sessions, null, false, event, RawJson.of(data), null, null, null);
	}

	public static GatewayMessage broadcast(String event, Object data) {
		return new GatewayMessage(Kind.EMIT, null, null, null, true, event, RawJson.of(data), null, null, null);
	}

	/** Answer an ack; {@code event} (may be null) is emitted to the session before the ack. */
	public static GatewayMessage reply(String sessionId, String replyTo, String event, Object data, Object ack) {
		return new GatewayMessage(Kind.REPLY, null, List.of(sessionId), null, false, event,
				RawJson.of(data), null, replyTo, RawJson.of(ack));
	}

	public static GatewayMessage reannounce() {
		return new GatewayMessage(Kind.REANNOUNCE, null, null, null, false, null, null, null, null, null);
	}

	public static GatewayMessage routable(String sessionId) {
		return new GatewayMessage(Kind.ROUTABLE, null, List.of(sessionId), null, false, null, null, null, null, null);
	}

	public GatewayMessage except(List<String> sessionIds) {
		return new GatewayMessage(this.kind, this.users, this.sessions, sessionIds, this.broadcast, this.event,
				this.data, this.receipt, this.replyTo, this.ack);
	}

	public GatewayMessage withReceipt(DeliveryReceipt deliveryReceipt) {
		return new GatewayMessage(this.kind, this.users, this.sessions, this.exceptSessions, this.broadcast,
				this.event, this.data, deliveryReceipt, this.replyTo, this.ack);
	}

	public String toJson() {
		return Json.writeString(this);
	}

	public static GatewayMessage fromJson(String json) {
		try {
			return RawJson.withSource(READER, json).readValue(json);
		}
		catch (RuntimeException ex) {
			throw new ContractViolation("undecodable gateway message", ex);
		}
	}

}
