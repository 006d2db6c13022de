package org.chat.presence.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.UserView;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SessionClosed;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.contracts.routing.SessionEntry;
import org.chat.presence.support.LastSeenRecords;
import org.chat.presence.support.PresenceItSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Envelopes on chat.presence → Redis state and the exact GatewayMessages the gateways receive. */
class SessionLifecycleIT extends PresenceItSupport {

	private String gwA;

	private String gwB;

	@BeforeEach
	void gateways() {
		this.gwA = unique("gw-a");
		this.gwB = unique("gw-b");
		gatewayAlive(this.gwA, Duration.ofMinutes(10));
		gatewayAlive(this.gwB, Duration.ofMinutes(10));
	}

	@Test
	void registerGoesOnlineWithProfileAndEveryGatewayGetsTheUserList() {
		String alice = unique("alice");
		produce(envelope(EventType.SESSION_OPENED, alice, "s1", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_REGISTERED, alice, "s1", this.gwA, 1,
				new Profile("Alice", "alice@example.org", "a.png")));

		UserView expected = UserView.of(alice, "Alice", "alice@example.org", "a.png", true);
		GatewayMessage list = fanout.awaitOn(Channels.ALL, WAIT, m -> isUserList(m) && users(m.data().tree()).contains(expected));
		assertThat(list.kind()).isEqualTo(GatewayMessage.Kind.EMIT);
		assertThat(list.broadcast()).isTrue();
		assertThat(list.event()).isEqualTo(ClientEvents.USER_LIST);
		assertThat(isOnline(alice)).isTrue();
		SessionEntry entry = sessions(alice).get("s1");
		assertThat(entry.gatewayId()).isEqualTo(this.gwA);
		assertThat(entry.epoch()).isEqualTo(1);
		assertThat(entry.registered()).isTrue();
		assertThat(members(PresenceKeys.gatewaySessions(this.gwA))).containsExactly(alice + " s1");
		assertThat(members(PresenceKeys.GATEWAYS)).contains(this.gwA);
	}

	@Test
	void anOpenTellsTheSessionsGatewayItIsRoutableOnceTheRouteIsWritten() {
		String erin = unique("erin");
		produce(envelope(EventType.SESSION_OPENED, erin, "s1", this.gwA, 5, null));

		GatewayMessage routable = fanout.awaitOn(Channels.gateway(this.gwA), WAIT,
				m -> m.kind() == GatewayMessage.Kind.ROUTABLE && m.sessions().contains("s1"));
		assertThat(routable.sessions()).containsExactly("s1");
		assertThat(sessions(erin)).containsKey("s1");
		assertThat(fanout.messagesOn(Channels.gateway(this.gwB)))
			.noneMatch(m -> m.kind() == GatewayMessage.Kind.ROUTABLE);
	}

	@Test
	void aStaleOpenAnnouncesNothing() {
		String frank = unique("frank");
		produce(envelope(EventType.SESSION_OPENED, frank, "old", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_CLOSED, frank, "old", this.gwA, 1, new SessionClosed("transport close")));
		await().atMost(WAIT).until(() -> sessions(frank).isEmpty() && !isOnline(frank));
		int afterClose = fanout.mark();
		// a redelivered open of the closed socket, then a marker on the same partition
		produce(envelope(EventType.SESSION_OPENED, frank, "old", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_OPENED, frank, "marker", this.gwA, 2, null));

		fanout.awaitOn(Channels.gateway(this.gwA), afterClose, WAIT,
				m -> m.kind() == GatewayMessage.Kind.ROUTABLE && m.sessions().contains("marker"));
		assertThat(fanout.messagesOn(Channels.gateway(this.gwA), afterClose))
			.noneMatch(m -> m.kind() == GatewayMessage.Kind.ROUTABLE && m.sessions().contains("old"));
	}

	@Test
	void requestUserListAnswersTheAskingSession() {
		String bob = unique("bob");
		produce(envelope(EventType.SESSION_REGISTERED, bob, "s9", this.gwB, 3, new Profile("Bob", null, null)));
		await().atMost(WAIT).until(() -> isOnline(bob));
		var query = envelope(EventType.USER_LIST_QUERY, bob, "s9", this.gwB, 3, null);
		produce(query);

		GatewayMessage reply = fanout.awaitOn(Channels.gateway(this.gwB), WAIT,
				m -> m.kind() == GatewayMessage.Kind.REPLY && query.eventId().equals(m.replyTo()));
		UserView bobView = UserView.of(bob, "Bob", null, null, true);
		assertThat(reply.sessions()).containsExactly("s9");
		assertThat(reply.event()).isEqualTo(ClientEvents.USER_LIST);
		assertThat(users(reply.data().tree())).contains(bobView);
		assertThat(reply.ack().tree().get("ok").asBoolean()).isTrue();
		assertThat(users(reply.ack().tree().get("users"))).isEqualTo(users(reply.data().tree()));
	}

	@Test
	void multiDeviceStaysOnlineUntilTheLastSessionClosesThenLastSeenIsKept() {
		String carol = unique("carol");
		LastSeenRecords lastSeen = LastSeenRecords.startAtEnd();
		produce(envelope(EventType.SESSION_REGISTERED, carol, "phone", this.gwA, 1, new Profile("Carol", null, null)));
		produce(envelope(EventType.SESSION_REGISTERED, carol, "laptop", this.gwB, 2, null));
		await().atMost(WAIT).until(() -> sessions(carol).size() == 2 && isOnline(carol));

		produce(envelope(EventType.SESSION_CLOSED, carol, "phone", this.gwA, 1, new SessionClosed("transport close")));
		await().atMost(WAIT).until(() -> sessions(carol).keySet().equals(java.util.Set.of("laptop")));
		assertThat(isOnline(carol)).isTrue();
		assertThat(profileField(carol, "lastSeenAt")).isNull();

		// marked before the close: the broadcast without carol may be recorded before her offline state is seen
		int offlineAt = fanout.mark();
		produce(envelope(EventType.SESSION_CLOSED, carol, "laptop", this.gwB, 2, new SessionClosed("ping timeout")));
		await().atMost(WAIT).until(() -> !isOnline(carol));
		assertThat(sessions(carol)).isEmpty();
		assertThat(profileField(carol, "lastSeenAt")).isNotNull();
		assertThat(lastSeen.awaitFor(carol, WAIT).toEpochMilli())
			.isEqualTo(Long.parseLong(profileField(carol, "lastSeenAt")));
		fanout.awaitOn(Channels.ALL, offlineAt, WAIT,
				m -> isUserList(m) && users(m.data().tree()).stream().noneMatch(u -> u.id().equals(carol)));
		lastSeen.close();
	}

	@Test
	void aReconnectWhoseOldCloseArrivesLateStaysOnline() {
		String dave = unique("dave");
		produce(envelope(EventType.SESSION_REGISTERED, dave, "old", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_OPENED, dave, "new", this.gwB, 2, null));
		produce(envelope(EventType.SESSION_REGISTERED, dave, "new", this.gwB, 2, null));
		produce(envelope(EventType.SESSION_CLOSED, dave, "old", this.gwA, 1, null));
		// a redelivered open of the closed socket changes nothing
		produce(envelope(EventType.SESSION_OPENED, dave, "old", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_CLOSED, dave, "old", this.gwA, 1, null));
		String marker = unique("marker");
		produce(envelope(EventType.SESSION_OPENED, dave, marker, this.gwA, 3, null));
		await().atMost(WAIT).until(() -> sessions(dave).containsKey(marker));
		assertThat(sessions(dave).keySet()).containsExactlyInAnyOrder("new", marker);
		assertThat(isOnline(dave)).isTrue();
	}

	@Test
	void undecodableAndInvalidRecordsAreSkippedAndLaterOnesApplied() {
		String erin = unique("erin");
		produceRaw(erin, "{not json".getBytes(StandardCharsets.UTF_8));
		produceRaw(erin, null);
		produce(envelope(EventType.SESSION_OPENED, erin, "", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_OPENED, "bad:id", "s1", this.gwA, 1, null));
		produceRaw(erin, Json.write(Map.of("type", "future.event", "eventId", "x", "userId", erin)));
		produce(envelope(EventType.MESSAGE_SEND, erin, "s1", this.gwA, 1, null));
		produce(envelope(EventType.TYPING, erin, "s1", this.gwA, 1, Map.of("toUserId", 42)));
		produce(envelope(EventType.SESSION_REGISTERED, erin, "s1", this.gwA, 1, null));
		await().atMost(WAIT).until(() -> isOnline(erin));
		assertThat(sessions(erin).keySet()).containsExactly("s1");
	}

	private static boolean isUserList(GatewayMessage message) {
		return ClientEvents.USER_LIST.equals(message.event());
	}

	private static List<UserView> users(JsonNode node) {
		return List.of(Json.convert(node, UserView[].class));
	}

}
