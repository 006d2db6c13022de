package org.chat.message.warmup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.chat.chassis.warmup.WarmUp;
import org.chat.contracts.events.SyncToken;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.message.fanout.ClientPayloads.SyncAck;
import org.chat.message.fanout.GatewayPublisher;
import org.chat.message.feed.FeedKey;
import org.chat.message.feed.FeedStore;
import org.chat.message.feed.Watermarks;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadStore;
import reactor.core.publisher.Mono;

/**
 * The batch pipeline's and the sync's round trips, read-only: the MongoDB driver (finds by {@code _id} on every
 * collection the service uses, the watermarks read whole), the Redis routing lookup and a publish, so that the
 * driver's and Lettuce's command paths, their event loops and the Reactor operators between them are compiled
 * before the first batch. A cold instance spent most of its first seconds interpreting exactly these (a JFR profile
 * of a restarted instance under 500 msgs/s: the Mongo driver's event loop, Lettuce's and the consumer threads).
 * <p>
 * Nothing is written. The users and message ids contain {@code ':'}, which no user id may
 * ({@link org.chat.contracts.UserIds}), so every find and lookup misses; the publish goes to the channel of gateway
 * {@value #GATEWAY}, which no gateway has, as a reply to a session that does not exist. A round fails when MongoDB
 * or Redis does, and the runner then drops this warm-up.
 */
class StoreWarmUp implements WarmUp {

	static final String GATEWAY = "warm-up:gateway";

	static final String SESSION = "warm-up:session";

	/** Round trips are slower than the in-memory steps: every fifth round does them (2,000 at the default). */
	static final int IO_EVERY = 5;

	private static final int USERS = 8;

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

	private final MessageStore messages;

	private final FeedStore feeds;

	private final Watermarks watermarks;

	private final UnreadStore unread;

	private final RoutingLookup routing;

	private final GatewayPublisher publisher;

	private long round;

	StoreWarmUp(MessageStore messages, FeedStore feeds, Watermarks watermarks, UnreadStore unread,
			RoutingLookup routing, GatewayPublisher publisher) {
		this.messages = messages;
		this.feeds = feeds;
		this.watermarks = watermarks;
		this.unread = unread;
		this.routing = routing;
		this.publisher = publisher;
	}

	@Override
	public String name() {
		return "store-and-redis";
	}

	@Override
	public void round() {
		long n = this.round++;
		if (n % IO_EVERY != 0) {
			return;
		}
		List<String> users = IntStream.range(0, USERS).mapToObj(i -> "warm-up:" + (n + i)).toList();
		FeedKey inbox = FeedKey.inbox(users.get(0));
		// all at once: the round's work is the calls the JIT counts, not how long it waits for answers
		Mono<List<StoredMessage>> found = this.messages.findInOrder(users);
		Mono<Void> reads = Mono.when(this.feeds.directory(inbox),
				this.feeds.read(inbox, Map.of(0, List.of(0L)), entry -> true, USERS), this.watermarks.all(),
				this.unread.find(users.stream().map(user -> UnreadCounter.id(user, users.get(0))).toList()),
				this.routing.gatewaysOf(users));
		Mono.zip(found, reads.thenReturn(true))
			.flatMap(answers -> this.publisher.publish(GATEWAY, List.of(GatewayMessage.reply(SESSION,
					"warm-up-" + n, null, null, new SyncAck(true,
							answers.getT1().stream().map(StoredMessage::view).toList(), SyncToken.START.encode(),
							false)))))
			.block(ROUND_TIMEOUT);
	}

}
