package org.chat.presence.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.GatewayMessage;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;

import static org.awaitility.Awaitility.await;

/** Records every GatewayMessage published on chat:all and chat:gw:*, as a gateway would receive them. */
public final class FanoutRecorder implements AutoCloseable {

	/** One received message and the channel it came on. */
	public record Received(String channel, GatewayMessage message) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final LettuceConnectionFactory factory;

	private final ReactiveRedisMessageListenerContainer container;

	private final Disposable subscription;

	public FanoutRecorder(String host, int port) {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.container = new ReactiveRedisMessageListenerContainer(this.factory);
		this.subscription = this.container
			.receiveLater(PatternTopic.of(Channels.ALL), PatternTopic.of(Channels.gateway("*")))
			.block(Duration.ofSeconds(30))
			.subscribe(this::record);
	}

	private void record(ReactiveSubscription.Message<String, String> message) {
		this.received.add(new Received(message.getChannel(), GatewayMessage.fromJson(message.getMessage())));
	}

	/** A position in the recording: {@link #messagesOn(String, int)} from it sees only later messages. */
	public int mark() {
		return this.received.size();
	}

	public List<GatewayMessage> messagesOn(String channel) {
		return messagesOn(channel, 0);
	}

	public List<GatewayMessage> messagesOn(String channel, int since) {
		List<Received> all = List.copyOf(this.received);
		return all.subList(Math.min(since, all.size()), all.size())
			.stream()
			.filter(r -> r.channel().equals(channel))
			.map(Received::message)
			.toList();
	}

	/** Waits for a message on {@code channel} that matches, and returns it. */
	public GatewayMessage awaitOn(String channel, Duration atMost, Predicate<GatewayMessage> matching) {
		return awaitOn(channel, 0, atMost, matching);
	}

	/** Waits for a message on {@code channel}, received after {@code since}, that matches. */
	public GatewayMessage awaitOn(String channel, int since, Duration atMost, Predicate<GatewayMessage> matching) {
		return await().atMost(atMost)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> messagesOn(channel, since).stream().filter(matching).findFirst().orElse(null),
					message -> message != null);
	}

	@Override
	public void close() {
		this.subscription.dispose();
		this.container.destroy();
		this.factory.destroy();
	}

}
