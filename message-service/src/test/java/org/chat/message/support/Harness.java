package org.chat.message.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.config.MessagesProperties;
import org.chat.message.consume.BatchProcessor;
import org.chat.message.consume.InboundRecord;
import org.chat.message.consume.RecordDispatcher;
import org.chat.message.fanout.Fanout;
import org.chat.message.feed.FeedStore;
import org.chat.message.feed.InboxSync;
import org.chat.message.feed.Watermarks;
import org.chat.message.metrics.MessageMetrics;
import org.chat.message.order.ClockSeeder;
import org.chat.message.order.HybridClock;
import org.chat.message.profile.ProfileHandler;
import org.chat.message.query.HistoryQueryHandler;
import org.chat.message.query.SyncQueryHandler;
import org.chat.message.query.UnreadCountsQueryHandler;
import org.chat.message.read.MarkReadHandler;
import org.chat.message.receipt.DeliveredHandler;
import org.chat.message.send.SendFanout;
import org.chat.message.send.SendFeeds;
import org.chat.message.send.SendHandler;
import org.chat.message.send.SendParser;
import org.chat.message.send.UnreadCounting;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoreIndexes;
import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadStore;
import org.chat.message.store.UserStore;
import org.chat.testsupport.MutableClock;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/** The service's object graph (as MessageServiceConfiguration wires it) on an in-process Mongo, fakes for Redis. */
public class Harness {

	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	public final ReactiveMongoTemplate mongo;

	public final MutableClock clock;

	public final HybridClock hybridClock;

	public final FakeRouting routing = new FakeRouting();

	public final CapturingPublisher published = new CapturingPublisher();

	public final MessagesProperties properties = new MessagesProperties(12, 1, 50, 100, 100, Duration.ofSeconds(1), 100_000,
			Duration.ofSeconds(10));

	public final MessageStore messages;

	public final UnreadStore unread;

	public final UserStore users;

	public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	public final MessageMetrics metrics = new MessageMetrics(this.meters);

	public final Fanout fanout = new Fanout(this.routing, this.published, Duration.ofSeconds(1), this.metrics);

	public final FeedStore feeds;

	public final Watermarks watermarks;

	public final SendHandler sends;

	public final DeliveredHandler delivered;

	public final RecordDispatcher dispatcher;

	public final BatchProcessor processor;

	public Harness() {
		this(InProcessMongo.newDatabase(), Instant.parse("2026-01-01T12:00:00Z"), MessageStore::new);
	}

	/**
	 * One service instance: several on the same {@code mongo} are several instances of the service.
	 * @param messages builds the messages store (a test may hold its writes)
	 */
	public Harness(ReactiveMongoTemplate mongo, Instant clockStart,
			Function<ReactiveMongoTemplate, MessageStore> messages) {
		this.mongo = mongo;
		this.clock = new MutableClock(clockStart);
		this.hybridClock = new HybridClock(this.clock);
		this.messages = messages.apply(mongo);
		this.unread = new UnreadStore(mongo);
		this.users = new UserStore(mongo);
		this.feeds = new FeedStore(mongo, this.properties.feedDirectoryCache());
		this.watermarks = new Watermarks(mongo);
		this.sends = new SendHandler(new SendParser(this.hybridClock), this.messages, new SendFeeds(this.feeds),
				new UnreadCounting(this.unread), new SendFanout(this.fanout, this.unread), this.metrics);
		this.delivered = new DeliveredHandler(this.messages, this.fanout, this.clock);
		this.dispatcher = new RecordDispatcher(this.delivered,
				new MarkReadHandler(this.messages, this.feeds, this.unread, this.fanout, this.clock),
				new UnreadCountsQueryHandler(this.unread, this.fanout),
				new HistoryQueryHandler(this.messages, this.feeds, this.fanout, this.properties),
				new SyncQueryHandler(this.messages, new InboxSync(this.feeds, this.watermarks), this.delivered,
						this.fanout, this.properties),
				new ProfileHandler(this.users));
		this.processor = new BatchProcessor(new ClockSeeder(this.hybridClock, this.messages), this.sends,
				this.delivered, this.dispatcher, this.watermarks);
		new StoreIndexes(mongo).ensure(TIMEOUT);
	}

	public void process(InboundRecord... records) {
		this.processor.processDecoded(List.of(records)).block(TIMEOUT);
	}

	/** Runs a query as the query listener does (not through a messages batch) and returns its reply. */
	public GatewayMessage ask(InboundRecord query) {
		this.dispatcher.dispatch(query).block(TIMEOUT);
		return this.published.all()
			.stream()
			.map(CapturingPublisher.Published::message)
			.filter(m -> query.envelope().eventId().equals(m.replyTo()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no reply to " + query.type()));
	}

	/** Message ids of {@code get_messages}, newest first. */
	public List<String> history(String me, String other, String before, int limit) {
		return ids(ask(Records.history(0, 0, me, other, before, limit)).ack().tree().get("messages"));
	}

	/** One sync answer: ids, next token, hasMore. */
	public record SyncPage(List<String> ids, String next, boolean hasMore) {
	}

	public SyncPage sync(String me, String since, int limit) {
		GatewayMessage reply = ask(Records.sync(0, 0, me, since, limit));
		if (!reply.ack().tree().get("ok").asBoolean()) {
			throw new AssertionError("sync failed: " + reply.ack());
		}
		return new SyncPage(ids(reply.ack().tree().get("messages")), reply.ack().tree().get("next").asString(),
				reply.ack().tree().get("hasMore").asBoolean());
	}

	private static List<String> ids(tools.jackson.databind.JsonNode messages) {
		List<String> ids = new java.util.ArrayList<>();
		messages.forEach(m -> ids.add(m.get("id").asString()));
		return ids;
	}

	public List<StoredMessage> allMessages() {
		return Flux.from(this.mongo.getCollection(StoredMessage.COLLECTION).block(TIMEOUT).find())
			.map(StoredMessage::from)
			.collectList()
			.block(TIMEOUT);
	}

	public StoredMessage message(String id) {
		return this.messages.findById(id).block(TIMEOUT);
	}

	public long counter(String recipient, String sender) {
		UnreadCounter counter = this.unread.find(List.of(UnreadCounter.id(recipient, sender)))
			.block(TIMEOUT)
			.get(UnreadCounter.id(recipient, sender));
		return counter == null ? 0 : counter.count();
	}

	public List<Document> raw(String collection) {
		return Flux.from(this.mongo.getCollection(collection).block(TIMEOUT).find()).collectList().block(TIMEOUT);
	}

}
