package org.chat.contracts.fanout;

import java.util.List;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code PUBLISH}/{@code SUBSCRIBE} through Spring Data Redis: one node, or the master a Sentinel names. */
final class ClassicFanoutChannels implements FanoutChannels {

	private final ReactiveRedisConnectionFactory factory;

	private final ReactiveStringRedisTemplate template;

	// Made on the first subscription: its constructor opens a connection, which publishers never need.
	private ReactiveRedisMessageListenerContainer container;

	ClassicFanoutChannels(ReactiveRedisConnectionFactory factory) {
		this.factory = factory;
		this.template = new ReactiveStringRedisTemplate(factory);
	}

	@Override
	public Mono<Long> publish(String channel, String message) {
		return this.template.convertAndSend(channel, message);
	}

	@Override
	public Mono<Flux<ChannelMessage>> receiveLater(List<String> channels) {
		return Mono.defer(() -> container()
			.receiveLater(channels.stream().map(ChannelTopic::of).toArray(ChannelTopic[]::new))
			.map(messages -> messages.map(m -> new ChannelMessage(m.getChannel(), m.getMessage()))));
	}

	private synchronized ReactiveRedisMessageListenerContainer container() {
		if (this.container == null) {
			this.container = new ReactiveRedisMessageListenerContainer(this.factory);
		}
		return this.container;
	}

	@Override
	public synchronized void close() {
		if (this.container != null) {
			this.container.destroy();
			this.container = null;
		}
	}

}
