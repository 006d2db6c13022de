package org.chat.gateway.fanout;

import java.time.Duration;
import java.util.List;

import org.chat.contracts.Channels;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.FakeSocket.Emitted;
import org.chat.gateway.fakes.RecordingPublisher;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class FanoutSubscriberTest {

	private static final String CHANNEL = Channels.gateway("gw");

	private final LocalSessions sessions = new LocalSessions();

	private final RecordingPublisher publisher = new RecordingPublisher();

	// the container is only used by start(); payloads are fed in directly
	private final FanoutSubscriber subscriber = new FanoutSubscriber(null,
			new FanoutRouter(this.sessions, new PendingReplies(VirtualTimeScheduler.create(), Duration.ofSeconds(10)),
					this.publisher, Mono::empty),
			"gw");

	private final FakeSocket bob = socket("bob", "b1");

	@Test
	void aSingleObjectIsRouted() {
		this.subscriber.onPayload(CHANNEL, emit(ClientEvents.RECEIVE_PRIVATE_MESSAGE, 1).toJson());

		assertThat(counts()).containsExactly(1);
	}

	@Test
	void anArrayIsRoutedInOrder() {
		this.subscriber.onPayload(CHANNEL, GatewayBatch.toJson(List.of(emit(ClientEvents.RECEIVE_PRIVATE_MESSAGE, 1),
				emit(ClientEvents.UNREAD_COUNT_UPDATE, 2), emit(ClientEvents.RECEIVE_PRIVATE_MESSAGE, 3))));

		assertThat(this.bob.emitted()).extracting(Emitted::event)
			.containsExactly(ClientEvents.RECEIVE_PRIVATE_MESSAGE, ClientEvents.UNREAD_COUNT_UPDATE,
					ClientEvents.RECEIVE_PRIVATE_MESSAGE);
		assertThat(counts()).containsExactly(1, 2, 3);
	}

	@Test
	void aBadElementDoesNotDropTheOthers() {
		String payload = "[" + emit(ClientEvents.RECEIVE_PRIVATE_MESSAGE, 1).toJson() + ",\"junk\",{\"kind\":7},"
				+ emit(ClientEvents.RECEIVE_PRIVATE_MESSAGE, 2).toJson() + "]";

		this.subscriber.onPayload(CHANNEL, payload);
		this.subscriber.onPayload(CHANNEL, "{broken");

		assertThat(counts()).containsExactly(1, 2);
	}

	private static GatewayMessage emit(String event, int n) {
		return GatewayMessage.toUsers(List.of("bob"), event, new Numbered(n));
	}

	private List<Integer> counts() {
		return this.bob.emitted().stream().map(e -> e.data().get("n").asInt()).toList();
	}

	private FakeSocket socket(String user, String id) {
		FakeSocket socket = new FakeSocket(id);
		this.sessions.add(new ChatSession(socket, new SessionRef(user, id, "gw", 1),
				new TokenBucket(1, 1, System::nanoTime)));
		return socket;
	}

	record Numbered(int n) {
	}

}
