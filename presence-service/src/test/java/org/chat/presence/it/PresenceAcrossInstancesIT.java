package org.chat.presence.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.UserView;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.Typing;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.contracts.routing.SessionEntry;
import org.chat.presence.PresenceServiceApplication;
import org.chat.presence.consume.PresenceConsumer;
import org.chat.presence.sweep.GatewaySweeper;
import org.chat.presence.typing.TypingIndicator;
import org.chat.presence.userlist.UserListCoalescer;
import org.chat.presence.support.FanoutRecorder;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two presence-service instances (real application contexts, real consumers and Redis; the Kafka listener is not
 * started, so the test hands each instance the records a rebalance would) driven through the interleavings a
 * scaled deployment produces on purpose:
 * <ul>
 * <li>instance A consumes all of one partition but commits only half, then dies before its periodic tasks run;
 * the partition moves to B, which gets the second half again (a redelivery of what A already applied);</li>
 * <li>both instances sweep the same dead gateway at the same time, while sessions of that gateway still arrive;</li>
 * <li>a user's events arrive reordered (several gateways) and duplicated (producer retries);</li>
 * <li>a typing:true is delivered again by B after its expiry already went out.</li>
 * </ul>
 * The end state is compared with a model of the epoch rule: online set, sessions, gateway sets, the last
 * user_list broadcast, and each typing indicator shown and expired exactly once.
 */
class PresenceAcrossInstancesIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	// Long enough that A applies every typing event before it expires (the records are stamped when generated).
	private static final Duration TYPING_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration WINDOW = Duration.ofMillis(100);

	private static final int USERS = 60;

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final String live1 = "gw-x-" + this.run;

	private final String live2 = "gw-y-" + this.run;

	private final String dead = "gw-dead-" + this.run;

	private final String watcher = "watch-" + this.run;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private FanoutRecorder fanout;

	private ReactiveStringRedisTemplate redis;

	@BeforeEach
	void start() {
		TestInfra infra = TestInfra.get();
		this.fanout = new FanoutRecorder(infra.redisHost(), infra.redisPort());
		// A's user-list window never comes round: it dies before it would have broadcast what it applied.
		this.a = instance(Duration.ofHours(1));
		this.b = instance(WINDOW);
		this.redis = this.b.getBean(ReactiveStringRedisTemplate.class);
		for (String gateway : List.of(this.live1, this.live2)) {
			this.redis.opsForValue().set(PresenceKeys.gatewayAlive(gateway), "1", Duration.ofMinutes(10)).block(WAIT);
		}
	}

	@AfterEach
	void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.a, this.b }) {
			if (context != null && context.isActive()) {
				context.close();
			}
		}
		this.fanout.close();
	}

	private static ConfigurableApplicationContext instance(Duration userListWindow) {
		TestInfra infra = TestInfra.get();
		// As command-line arguments: they outrank application.yml (default properties would not).
		return new SpringApplicationBuilder(PresenceServiceApplication.class).run("--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
				"--spring.data.redis.host=" + infra.redisHost(), "--spring.data.redis.port=" + infra.redisPort(),
				"--spring.kafka.listener.auto-startup=false", "--chat.presence.sweep.interval=1h",
				"--chat.presence.typing.timeout=" + TYPING_TIMEOUT.toMillis() + "ms",
				"--chat.presence.typing.poll-interval=50ms",
				"--chat.presence.user-list.window=" + userListWindow.toMillis() + "ms",
				// the window stays the configured one: the run sleeps three of them before its last tick, and a
				// 60-user list at the default 8 KB/s would stretch it past that (UserListBroadcasterIT covers that)
				"--chat.presence.user-list.client-bandwidth=10MB",
				"--logging.level.org.apache.kafka=WARN");
	}

	@Test
	void onlineSetUserListTypingAndSweepStayExactWhileAPartitionMovesBetweenInstances() throws Exception {
		long seed = Long.getLong("chat.test.seed", System.nanoTime());
		Random random = new Random(seed);
		Model model = new Model();
		List<Envelope> p0 = new ArrayList<>();
		List<Envelope> p1 = new ArrayList<>();
		// The typing recipient is online on a live gateway from the start (partition 1, instance B).
		p1.add(envelope(EventType.SESSION_OPENED, this.watcher, "w", this.live1, 1, null, Instant.now()));
		p1.add(envelope(EventType.SESSION_REGISTERED, this.watcher, "w", this.live1, 1, new Profile("W", null, null),
				Instant.now()));
		model.socket(this.watcher, "w", this.live1, true, false);
		List<String> gateways = List.of(this.live1, this.live2, this.dead);
		for (int u = 0; u < USERS; u++) {
			String user = "u" + u + "-" + this.run;
			List<Envelope> partition = u % 2 == 0 ? p0 : p1;
			List<List<Envelope>> sockets = new ArrayList<>();
			int count = 1 + random.nextInt(4);
			for (int epoch = 1; epoch <= count; epoch++) {
				String session = "s" + epoch;
				String gateway = gateways.get(random.nextInt(gateways.size()));
				boolean registers = random.nextDouble() < 0.8;
				boolean closes = random.nextDouble() < (epoch == count ? 0.3 : 0.8);
				List<Envelope> events = new ArrayList<>();
				events.add(envelope(EventType.SESSION_OPENED, user, session, gateway, epoch, null, Instant.now()));
				if (registers) {
					events.add(envelope(EventType.SESSION_REGISTERED, user, session, gateway, epoch,
							new Profile("User " + u, null, null), Instant.now()));
				}
				if (closes) {
					events.add(envelope(EventType.SESSION_CLOSED, user, session, gateway, epoch, null, Instant.now()));
				}
				model.socket(user, session, gateway, registers, closes);
				sockets.add(events);
			}
			partition.addAll(interleave(sockets, random));
		}
		// Typing from a few users of partition 0 to the watcher; each must be shown and expire exactly once.
		Set<String> typists = new TreeSet<>();
		for (int u = 0; u < USERS; u += 10) {
			String user = "u" + u + "-" + this.run;
			typists.add(user);
			// The first one last, so B's redelivery surely holds one.
			p0.add(u == 0 ? p0.size() : random.nextInt(p0.size()),
					envelope(EventType.TYPING, user, "s1", this.live1, 1, new Typing(this.watcher, true), Instant.now()));
		}
		duplicate(p0, random);
		duplicate(p1, random);

		PresenceConsumer consumerA = this.a.getBean(PresenceConsumer.class);
		PresenceConsumer consumerB = this.b.getBean(PresenceConsumer.class);
		GatewaySweeper sweepA = this.a.getBean(GatewaySweeper.class);
		GatewaySweeper sweepB = this.b.getBean(GatewaySweeper.class);

		// B owns partition 1 and applies it all; A owns partition 0, applies it all, but commits only half.
		consume(consumerB, 1, p1, 0, p1.size());
		int committed = p0.size() / 2;
		CyclicBarrier together = new CyclicBarrier(3);
		CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> {
			awaitBarrier(together);
			consume(consumerA, 0, p0, 0, p0.size());
		});
		// Meanwhile both instances sweep the dead gateway, at the same moments, several times.
		CompletableFuture<Void> sweepingA = CompletableFuture.runAsync(() -> sweepRepeatedly(sweepA, together));
		sweepRepeatedly(sweepB, together);
		applying.get();
		sweepingA.get();

		// Every typing indicator was shown once and has expired (popped by whichever instance polled first).
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
			.until(() -> typingShown(false).keySet().containsAll(typists));
		// a duplicate within the typing window may show isTyping:true again (same deadline): count from here
		Map<String, Long> shownBeforeTheRedelivery = typingShown(true);
		assertThat(shownBeforeTheRedelivery.keySet()).containsExactlyInAnyOrderElementsOf(typists);

		// A dies (nothing of it runs any more); partition 0 moves to B, which gets everything after the commit again.
		this.a.close();
		consume(consumerB, 0, p0, committed, p0.size());
		// The sweep after everything arrived: late sessions of the dead gateway go too.
		sweepB.sweepOnce().block(WAIT);

		System.out.printf("[PresenceAcrossInstancesIT] seed=%d users=%d records p0=%d p1=%d, online at the end %d%n",
				seed, USERS, p0.size(), p1.size(), model.online().size());
		assertThat(onlineOfRun()).as("online set (seed %d)", seed).isEqualTo(model.online());
		for (Map.Entry<String, Set<String>> user : model.sessions().entrySet()) {
			assertThat(sessions(user.getKey())).as("sessions of %s (seed %d)", user.getKey(), seed)
				.isEqualTo(user.getValue());
		}
		for (String gateway : List.of(this.live1, this.live2)) {
			assertThat(members(PresenceKeys.gatewaySessions(gateway))).as("sessions on %s (seed %d)", gateway, seed)
				.isEqualTo(model.gatewaySet(gateway));
		}
		assertThat(members(PresenceKeys.gatewaySessions(this.dead))).isEmpty();
		assertThat(members(PresenceKeys.GATEWAYS)).doesNotContain(this.dead);

		// The last user_list any instance broadcast shows exactly the model's online users of this run.
		UserListCoalescer coalescer = this.b.getBean(UserListCoalescer.class);
		Thread.sleep(3 * WINDOW.toMillis()); // let a running window close, then one explicit tick
		coalescer.tick().block(WAIT);
		assertThat(lastUserListOfRun()).as("last user_list (seed %d)", seed).isEqualTo(model.online());

		// A typing:true delivered again after its expiry went out shows nothing again.
		assertThat(typingShown(true)).as("isTyping:true per typist (seed %d)", seed)
			.isEqualTo(shownBeforeTheRedelivery);
		assertThat(typingShown(false)).as("isTyping:false per typist (seed %d)", seed)
			.isEqualTo(typists.stream().collect(Collectors.toMap(t -> t, t -> 1L)));
	}

	@Test
	void aChangeAppliedByAnInstanceThatDiedBeforeBroadcastingStillReachesTheUserList() throws Exception {
		String user = "leaving-" + this.run;
		List<Envelope> online = List.of(envelope(EventType.SESSION_OPENED, user, "s1", this.live1, 1, null, Instant.now()),
				envelope(EventType.SESSION_REGISTERED, user, "s1", this.live1, 1, new Profile("Leaving", null, null),
						Instant.now()));
		consume(this.b.getBean(PresenceConsumer.class), 0, online, 0, online.size());
		await().atMost(WAIT).until(() -> lastUserListOfRun().equals(Set.of(user)));

		// A applies the close, commits nothing and dies before its user-list window comes round.
		List<Envelope> close = List.of(envelope(EventType.SESSION_CLOSED, user, "s1", this.live1, 1, null, Instant.now()));
		consume(this.a.getBean(PresenceConsumer.class), 0, close, 0, close.size());
		this.a.close();
		// B gets the close again: for the scripts it changes nothing now, yet the list must still go out.
		consume(this.b.getBean(PresenceConsumer.class), 0, close, 0, close.size());
		assertThat(onlineOfRun()).isEmpty();
		Thread.sleep(3 * WINDOW.toMillis());
		this.b.getBean(UserListCoalescer.class).tick().block(WAIT);
		assertThat(lastUserListOfRun()).isEmpty();
	}

	/** Applies records [from, to) of one partition in batches of up to 50, as the listener container would. */
	private static void consume(PresenceConsumer consumer, int partition, List<Envelope> records, int from, int to) {
		for (int start = from; start < to; start += 50) {
			List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
			for (int i = start; i < Math.min(to, start + 50); i++) {
				Envelope e = records.get(i);
				batch.add(new ConsumerRecord<>(Topics.PRESENCE, partition, i, e.userId(), e.toBytes()));
			}
			consumer.onBatch(batch);
		}
	}

	private static void sweepRepeatedly(GatewaySweeper sweeper, CyclicBarrier together) {
		awaitBarrier(together);
		for (int i = 0; i < 20; i++) {
			sweeper.sweepOnce().block(WAIT);
		}
	}

	private static void awaitBarrier(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Each socket's events in their order, sockets interleaved at random (events of several gateways). */
	private static List<Envelope> interleave(List<List<Envelope>> sockets, Random random) {
		List<Envelope> out = new ArrayList<>();
		List<List<Envelope>> left = new ArrayList<>();
		sockets.forEach(s -> left.add(new ArrayList<>(s)));
		while (!left.isEmpty()) {
			List<Envelope> next = left.get(random.nextInt(left.size()));
			out.add(next.remove(0));
			if (next.isEmpty()) {
				left.remove(next);
			}
		}
		// A close may overtake its own open when two gateways race: swap a few neighbours of one user.
		for (int i = 0; i + 1 < out.size(); i++) {
			if (random.nextDouble() < 0.15) {
				Envelope tmp = out.get(i);
				out.set(i, out.get(i + 1));
				out.set(i + 1, tmp);
			}
		}
		return out;
	}

	/** Producer retries: some records again, later in the same partition. */
	private static void duplicate(List<Envelope> records, Random random) {
		int distinct = records.size();
		for (int i = 0; i < distinct / 8; i++) {
			int at = random.nextInt(distinct);
			records.add(at + 1 + random.nextInt(records.size() - at), records.get(at));
		}
	}

	private static Envelope envelope(EventType type, String user, String session, String gateway, long epoch,
			Object payload, Instant sentAt) {
		return new Envelope(type.wireName(), UUID.randomUUID().toString(), user, session, gateway, epoch, sentAt,
				payload == null ? Json.MAPPER.createObjectNode() : Json.tree(payload));
	}

	private Map<String, Long> typingShown(boolean isTyping) {
		return this.fanout.messagesOn(Channels.gateway(this.live1))
			.stream()
			.filter(m -> ClientEvents.TYPING_INDICATOR_PRIVATE.equals(m.event()) && m.users().contains(this.watcher))
			.map(m -> Json.convert(m.data(), TypingIndicator.class))
			.filter(t -> t.isTyping() == isTyping)
			.collect(Collectors.groupingBy(TypingIndicator::fromUserId, TreeMap::new, Collectors.counting()));
	}

	private Set<String> lastUserListOfRun() {
		List<GatewayMessage> lists = this.fanout.messagesOn(Channels.ALL)
			.stream()
			.filter(m -> ClientEvents.USER_LIST.equals(m.event()))
			.toList();
		if (lists.isEmpty()) {
			return Set.of();
		}
		UserView[] users = Json.convert(lists.get(lists.size() - 1).data(), UserView[].class);
		return java.util.Arrays.stream(users).map(UserView::id).filter(this::ofRun)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private Set<String> onlineOfRun() {
		return members(PresenceKeys.ONLINE).stream().filter(this::ofRun).collect(Collectors.toCollection(TreeSet::new));
	}

	private boolean ofRun(String user) {
		return user.endsWith("-" + this.run);
	}

	private Set<String> members(String key) {
		return this.redis.opsForSet().members(key).collect(Collectors.toCollection(TreeSet::new)).block(WAIT);
	}

	private Set<String> sessions(String user) {
		return this.redis.<String, String>opsForHash()
			.entries(PresenceKeys.sessions(user))
			.map(e -> e.getKey() + "@" + SessionEntry.fromJson(e.getValue()).gatewayId())
			.collect(Collectors.toCollection(TreeSet::new))
			.block(WAIT);
	}

	/** The epoch rule's end state, after the dead gateway's sessions are swept. */
	private final class Model {

		private final Map<String, Set<String>> sessions = new TreeMap<>();

		private final Set<String> online = new TreeSet<>();

		private final Map<String, Set<String>> gatewaySets = new HashMap<>();

		void socket(String user, String session, String gateway, boolean registers, boolean closes) {
			this.sessions.computeIfAbsent(user, k -> new TreeSet<>());
			if (closes || gateway.equals(PresenceAcrossInstancesIT.this.dead)) {
				return;
			}
			this.sessions.get(user).add(session + "@" + gateway);
			this.gatewaySets.computeIfAbsent(gateway, k -> new TreeSet<>()).add(user + " " + session);
			if (registers) {
				this.online.add(user);
			}
		}

		Map<String, Set<String>> sessions() {
			return this.sessions;
		}

		Set<String> online() {
			return this.online;
		}

		Set<String> gatewaySet(String gateway) {
			return this.gatewaySets.getOrDefault(gateway, Set.of());
		}

	}

}
