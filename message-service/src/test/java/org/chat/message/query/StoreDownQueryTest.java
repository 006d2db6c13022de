package org.chat.message.query;

import java.net.ServerSocket;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.SyncQuery;
import org.chat.message.fanout.Fanout;
import org.chat.message.feed.FeedStore;
import org.chat.message.feed.InboxSync;
import org.chat.message.feed.Watermarks;
import org.chat.message.receipt.DeliveredHandler;
import org.chat.message.store.MessageStore;
import org.chat.message.store.UnreadStore;
import org.chat.message.support.CapturingPublisher;
import org.chat.message.support.FakeRouting;
import org.chat.message.support.Harness;
import org.chat.message.support.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that is down answers queries with {@code unavailable} promptly, never a hang or a silent drop. */
class StoreDownQueryTest {

	private final CapturingPublisher published = new CapturingPublisher();

	private final Harness config = new Harness();

	private final Fanout fanout = new Fanout(new FakeRouting(), this.published, Duration.ofSeconds(1),
			this.config.metrics);

	private final MongoClient deadClient = MongoClients.create("mongodb://127.0.0.1:" + freePort()
			+ "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300");

	private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(this.deadClient, "down");

	@AfterEach
	void close() {
		this.deadClient.close();
	}

	@Test
	void historySyncAndUnreadCountsAnswerUnavailable() {
		MessageStore messages = new MessageStore(this.mongo);
		new HistoryQueryHandler(messages, new FeedStore(this.mongo, 1_000), this.fanout, this.config.properties)
			.handle(Records.envelope(EventType.HISTORY_QUERY, "alice", new HistoryQuery("bob", null, 10)))
			.block(Harness.TIMEOUT);
		new SyncQueryHandler(messages, new InboxSync(new FeedStore(this.mongo, 1_000), new Watermarks(this.mongo)),
				new DeliveredHandler(messages, this.fanout, this.config.clock), this.fanout, this.config.properties)
			.handle(Records.envelope(EventType.SYNC_QUERY, "alice", new SyncQuery(null, 10)))
			.block(Harness.TIMEOUT);
		new UnreadCountsQueryHandler(new UnreadStore(this.mongo), this.fanout)
			.handle(Records.envelope(EventType.UNREAD_COUNTS_QUERY, "alice", null))
			.block(Harness.TIMEOUT);

		assertThat(this.published.all()).hasSize(3).allSatisfy(p -> {
			assertThat(p.message().ack().tree().get("ok").asBoolean()).isFalse();
			assertThat(p.message().ack().tree().get("error").get("code").asString()).isEqualTo("unavailable");
		});
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
