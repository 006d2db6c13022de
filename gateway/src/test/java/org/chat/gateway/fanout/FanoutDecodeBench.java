package org.chat.gateway.fanout;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.contracts.Channels;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.metrics.GatewayMetrics;
import org.chat.gateway.metrics.MeteredConnectionHandler;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.EventListener;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * CPU and allocation of the gateway's Redis fan-out path per chat message (docs/PERFORMANCE.md "What was tuned").
 * Not a test (it prints, never asserts). The payloads are what the message-service publishes to one gateway:
 * arrays of {@code receive_private_message} (with its receipt), {@code unread_count_update}, the sender's copy
 * of the message and {@code message_delivered}, written with the contracts' {@link GatewayBatch#toJson}. Two
 * phases, each timed on this thread's CPU clock and allocation counter after warm-up rounds:
 * <ul>
 * <li>{@code decode+prepare}: {@link GatewayBatch#fromJson} and one {@link PreparedEvent} per element;</li>
 * <li>{@code route}: {@link FanoutSubscriber#onPayload} into the real router, every recipient one metered
 * socket that discards what it is given (meters read what they read; receipts go to a discarding
 * publisher).</li>
 * </ul>
 * Run it in a JVM of its own with the test classpath, e.g.
 * {@code java -Xmx512m -XX:+UseSerialGC -cp <test classpath> org.chat.gateway.fanout.FanoutDecodeBench 20000 25}
 * (messages, messages per payload).
 */
public final class FanoutDecodeBench {

	private static final int USERS = 200;

	private static final int WARMUP_ROUNDS = 8;

	private static final int MEASURED_ROUNDS = 5;

	private FanoutDecodeBench() {
	}

	public static void main(String[] args) {
		int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int perPayload = args.length > 1 ? Integer.parseInt(args[1]) : 25;
		List<String> payloads = payloads(messages, perPayload);
		long bytes = payloads.stream().mapToLong(String::length).sum();
		System.out.printf("%,d messages in %,d payloads of %d (4 gateway messages each), %,d chars of JSON%n",
				messages, payloads.size(), perPayload, bytes);
		FanoutSubscriber subscriber = subscriber();
		long[] sink = new long[1];
		Runnable decodeAndPrepare = () -> payloads.forEach(payload -> {
			for (GatewayMessage message : GatewayBatch.fromJson(payload, bad -> {
				throw bad;
			})) {
				sink[0] += PreparedEvent.of(message.event(), message.data()).packet().wireSize();
			}
		});
		Runnable route = () -> payloads.forEach(payload -> subscriber.onPayload(Channels.gateway("gw"), payload));
		measure("decode+prepare", decodeAndPrepare, messages);
		measure("route", route, messages);
		System.out.println("(checksum " + sink[0] + ")");
	}

	private static void measure(String phase, Runnable round, int messages) {
		for (int i = 0; i < WARMUP_ROUNDS; i++) {
			round.run();
		}
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] cpu = new long[MEASURED_ROUNDS];
		long[] allocated = new long[MEASURED_ROUNDS];
		for (int i = 0; i < MEASURED_ROUNDS; i++) {
			long cpuBefore = threads.getCurrentThreadCpuTime();
			long allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
			round.run();
			cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
			allocated[i] = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
		}
		Arrays.sort(cpu);
		Arrays.sort(allocated);
		System.out.printf("%-15s CPU %6.2f µs per message (median of %d rounds; min %.2f), allocated %,8d bytes per message%n",
				phase, cpu[MEASURED_ROUNDS / 2] / 1000.0 / messages, MEASURED_ROUNDS, cpu[0] / 1000.0 / messages,
				allocated[MEASURED_ROUNDS / 2] / messages);
	}

	/** What SendFanout and DeliveredHandler publish for {@code messages} sends, {@code perPayload} per array. */
	private static List<String> payloads(int messages, int perPayload) {
		List<String> payloads = new ArrayList<>();
		List<GatewayMessage> batch = new ArrayList<>();
		Instant createdAt = Instant.now();
		for (int i = 0; i < messages; i++) {
			String sender = "user-" + (i % USERS);
			String recipient = "user-" + ((i * 7 + 3) % USERS);
			String id = String.format("65a1b2c3d4e5f6%010x", i);
			MessageView view = MessageView.of(id, text(i), sender, recipient, false, createdAt.plusMillis(i),
					"c-" + i);
			batch.add(GatewayMessage.toUsers(List.of(recipient), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
				.withReceipt(new DeliveryReceipt(id, sender)));
			batch.add(GatewayMessage.toUsers(List.of(recipient), ClientEvents.UNREAD_COUNT_UPDATE,
					new UnreadCountUpdate(sender, 1 + i % 40)));
			batch.add(GatewayMessage.toUsers(List.of(sender), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
				.except(List.of("s-" + sender + "-x")));
			batch.add(GatewayMessage.toUsers(List.of(sender), ClientEvents.MESSAGE_DELIVERED,
					new Delivered("65a1b2c3d4e5f6" + String.format("%010x", Math.max(0, i - 1)), recipient)));
			if (batch.size() == 4 * perPayload) {
				payloads.add(GatewayBatch.toJson(batch));
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			payloads.add(GatewayBatch.toJson(batch));
		}
		return payloads;
	}

	/** Chat-like text of 20-200 characters, some with quotes and non-ASCII. */
	private static String text(int i) {
		String base = (i % 5 == 0) ? "sure, \"tomorrow\" at 10 — see you ✓ " : "hey, how is it going? ";
		return base.repeat(1 + i % 6);
	}

	private static FanoutSubscriber subscriber() {
		LocalSessions sessions = new LocalSessions();
		GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry(), sessions);
		SocketIoSocket[] metered = new SocketIoSocket[1];
		MeteredConnectionHandler wrapper = new MeteredConnectionHandler(new ConnectionHandler() {
			@Override
			public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
				return Mono.empty();
			}

			@Override
			public void onConnect(SocketIoSocket socket, Object principal) {
				metered[0] = socket;
			}
		}, metrics, Clock.systemUTC());
		for (int u = 0; u < USERS; u++) {
			String user = "user-" + u;
			wrapper.onConnect(new DiscardingSocket("s-" + user), null);
			sessions.add(new ChatSession(metered[0], new SessionRef(user, "s-" + user, "gw", 1),
					new TokenBucket(1, 1, System::nanoTime)));
		}
		EnvelopePublisher discard = new EnvelopePublisher() {
			@Override
			public CompletableFuture<Void> publish(String key, org.chat.contracts.envelope.Envelope envelope) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public void flush(Duration timeout) {
			}
		};
		FanoutRouter router = new FanoutRouter(sessions,
				new PendingReplies(Schedulers.single(), Duration.ofSeconds(10)), discard, Mono::empty);
		return new FanoutSubscriber(null, router, "gw");
	}

	record UnreadCountUpdate(String fromUserId, long count) {
	}

	record Delivered(String messageId, String toUserId) {
	}

	/** Takes every emit and drops it (a connected socket with room). */
	private static final class DiscardingSocket implements SocketIoSocket {

		private final String id;

		private long frames;

		DiscardingSocket(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public String namespace() {
			return "/";
		}

		@Override
		public JsonNode handshakeAuth() {
			return null;
		}

		@Override
		public InetSocketAddress remoteAddress() {
			return null;
		}

		@Override
		public void on(String event, EventListener listener) {
		}

		@Override
		public void onAny(EventListener listener) {
		}

		@Override
		public void onDisconnect(Consumer<String> listener) {
		}

		@Override
		public Outcome emit(String event, Delivery delivery, Object... args) {
			this.frames++;
			return Outcome.QUEUED;
		}

		@Override
		public Outcome emit(PreparedEvent event, Delivery delivery) {
			this.frames += event.packet().wireSize();
			return Outcome.QUEUED;
		}

		@Override
		public void ack(long ackId, Object... args) {
		}

		@Override
		public void disconnect(String reason) {
		}

		@Override
		public boolean isConnected() {
			return true;
		}

	}

}
