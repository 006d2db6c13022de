package org.chat.message.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.chat.chassis.kafka.ConsumerProperties;
import org.chat.contracts.routing.RedisRoutingLookup;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.message.consume.BatchProcessor;
import org.chat.message.consume.MessagesListener;
import org.chat.message.consume.QueriesListener;
import org.chat.message.consume.RecordDispatcher;
import org.chat.message.fanout.Fanout;
import org.chat.message.fanout.GatewayPublisher;
import org.chat.message.fanout.RedisGatewayPublisher;
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
import org.chat.message.store.UnreadStore;
import org.chat.message.store.UserStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Wires stores, fan-out and handlers; the classes themselves stay free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagesProperties.class)
public class MessageServiceConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	HybridClock hybridClock(Clock clock) {
		return new HybridClock(clock);
	}

	@Bean
	MessageStore messageStore(ReactiveMongoTemplate mongo, ConsumerProperties consumer) {
		// indexes exist before the listener container starts (it starts after all singletons)
		new StoreIndexes(mongo).ensure(consumer.batchTimeout());
		return new MessageStore(mongo);
	}

	@Bean
	UnreadStore unreadStore(ReactiveMongoTemplate mongo) {
		return new UnreadStore(mongo);
	}

	@Bean
	FeedStore feedStore(ReactiveMongoTemplate mongo, MessagesProperties properties) {
		return new FeedStore(mongo, properties.feedDirectoryCache());
	}

	@Bean
	Watermarks watermarks(ReactiveMongoTemplate mongo) {
		return new Watermarks(mongo);
	}

	@Bean
	UserStore userStore(ReactiveMongoTemplate mongo) {
		return new UserStore(mongo);
	}

	@Bean
	MessageMetrics messageMetrics(MeterRegistry meters) {
		return new MessageMetrics(meters);
	}

	@Bean
	RoutingLookup routingLookup(ReactiveStringRedisTemplate redis) {
		return new RedisRoutingLookup(redis);
	}

	@Bean
	GatewayPublisher gatewayPublisher(ReactiveStringRedisTemplate redis) {
		return new RedisGatewayPublisher(redis);
	}

	@Bean
	Fanout fanout(RoutingLookup routing, GatewayPublisher publisher, MessagesProperties properties,
			MessageMetrics metrics) {
		return new Fanout(routing, publisher, properties.fanoutTimeout(), metrics);
	}

	@Bean
	ClockSeeder clockSeeder(HybridClock clock, MessageStore messages) {
		return new ClockSeeder(clock, messages);
	}

	@Bean
	SendHandler sendHandler(HybridClock clock, MessageStore messages, FeedStore feeds, UnreadStore unread,
			Fanout fanout, MessageMetrics metrics) {
		return new SendHandler(new SendParser(clock), messages, new SendFeeds(feeds), new UnreadCounting(unread),
				new SendFanout(fanout, unread), metrics);
	}

	@Bean
	DeliveredHandler deliveredHandler(MessageStore messages, Fanout fanout, Clock clock) {
		return new DeliveredHandler(messages, fanout, clock);
	}

	@Bean
	RecordDispatcher recordDispatcher(MessageStore messages, FeedStore feeds, Watermarks watermarks,
			UnreadStore unread, UserStore users, Fanout fanout, DeliveredHandler delivered, Clock clock,
			MessagesProperties properties) {
		return new RecordDispatcher(delivered, new MarkReadHandler(messages, feeds, unread, fanout, clock),
				new UnreadCountsQueryHandler(unread, fanout), new HistoryQueryHandler(messages, feeds, fanout, properties),
				new SyncQueryHandler(messages, new InboxSync(feeds, watermarks), delivered, fanout, properties),
				new ProfileHandler(users));
	}

	@Bean
	BatchProcessor batchProcessor(ClockSeeder seeder, SendHandler sends, DeliveredHandler delivered,
			RecordDispatcher dispatcher, Watermarks watermarks) {
		return new BatchProcessor(seeder, sends, delivered, dispatcher, watermarks);
	}

	@Bean
	QueriesListener queriesListener(RecordDispatcher dispatcher, ConsumerProperties consumer,
			MessagesProperties properties, Clock clock, MeterRegistry meters) {
		return new QueriesListener(dispatcher::dispatch, consumer.batchTimeout(), properties.queryDeadline(), clock,
				meters);
	}

	@Bean
	MessagesListener messagesListener(BatchProcessor processor, ConsumerProperties consumer, MeterRegistry meters) {
		return new MessagesListener(processor, consumer.batchTimeout(), meters);
	}

}
