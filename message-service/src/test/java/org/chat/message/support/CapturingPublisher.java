package org.chat.message.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.GatewayPublisher;
import reactor.core.publisher.Mono;

/** Records what would go on each gateway channel; round-trips through JSON as Redis would. */
public class CapturingPublisher implements GatewayPublisher {

	public record Published(String gatewayId, GatewayMessage message) {
	}

	/** One PUBLISH: a gateway and the messages it carried, in order. */
	public record Publish(String gatewayId, List<GatewayMessage> messages) {
	}

	private final List<Publish> publishes = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	@Override
	public Mono<Void> publish(String gatewayId, List<GatewayMessage> messages) {
		if (this.failing) {
			return Mono.error(new IllegalStateException("redis down"));
		}
		this.publishes.add(new Publish(gatewayId,
				GatewayBatch.fromJson(GatewayBatch.toJson(messages), bad -> {
					throw bad;
				})));
		return Mono.empty();
	}

	/** A message as a gateway decodes it, so expected and captured compare by their JSON. */
	public static GatewayMessage wire(GatewayMessage message) {
		return GatewayMessage.fromJson(message.toJson());
	}

	/** Every message, publishes flattened in publish order. */
	public List<Published> all() {
		return this.publishes.stream()
			.flatMap(p -> p.messages().stream().map(m -> new Published(p.gatewayId(), m)))
			.toList();
	}

	public List<Publish> publishes() {
		return List.copyOf(this.publishes);
	}

	public List<Published> withEvent(String event) {
		return all().stream().filter(p -> event.equals(p.message().event())).toList();
	}

	public void clear() {
		this.publishes.clear();
	}

	public void failing(boolean failing) {
		this.failing = failing;
	}

}
