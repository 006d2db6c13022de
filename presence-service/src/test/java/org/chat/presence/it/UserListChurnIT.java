package org.chat.presence.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chat.contracts.Channels;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.UserView;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.presence.support.PresenceItSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of online/offline churn gives a few coalesced user_list broadcasts, the last one right. */
class UserListChurnIT extends PresenceItSupport {

	@Test
	void churnIsCoalescedIntoAFewBroadcastsEndingInTheRightList() {
		String gateway = unique("gw-churn");
		gatewayAlive(gateway, java.time.Duration.ofMinutes(10));
		String prefix = unique("churn");
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			users.add(prefix + "-" + i);
		}
		int mark = fanout.mark();
		long started = System.nanoTime();
		int events = 0;
		for (int i = 0; i < users.size(); i++) {
			produceAsync(envelope(EventType.SESSION_REGISTERED, users.get(i), "s", gateway, 1, null));
			events++;
			if (i % 2 == 0) { // every other user leaves again
				produceAsync(envelope(EventType.SESSION_CLOSED, users.get(i), "s", gateway, 1, null));
				events++;
			}
		}
		flushProducer();
		Set<String> expected = new java.util.TreeSet<>();
		for (int i = 1; i < users.size(); i += 2) {
			expected.add(users.get(i));
		}
		GatewayMessage last = fanout.awaitOn(Channels.ALL, mark, WAIT,
				m -> ClientEvents.USER_LIST.equals(m.event()) && churnUsers(m, prefix).equals(expected));
		long elapsedMs = (System.nanoTime() - started) / 1_000_000;
		long lists = fanout.messagesOn(Channels.ALL, mark)
			.stream()
			.filter(m -> ClientEvents.USER_LIST.equals(m.event()))
			.count();
		System.out.printf("[UserListChurnIT] %d presence events -> %d user_list broadcasts in %d ms (window %d ms)%n",
				events, lists, elapsedMs, USER_LIST_WINDOW.toMillis());
		assertThat(last.broadcast()).isTrue();
		assertThat(lists).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(elapsedMs / USER_LIST_WINDOW.toMillis() + 1);
	}

	private static Set<String> churnUsers(GatewayMessage message, String prefix) {
		return List.of(Json.convert(message.data(), UserView[].class))
			.stream()
			.map(UserView::id)
			.filter(id -> id.startsWith(prefix))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

}
