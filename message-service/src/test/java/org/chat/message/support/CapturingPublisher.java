package org.chat.message.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.GatewayPublisher;
import reactor.core.publisher.Mono;

/** Records what would go on each gateway channel; round-trips through JSON as Redis would. */
public class CapturingPublisher implements GatewayPublisher {

	public record Published(String gatewayId, GatewayMessage message) {
	}

	private final List<Published> published = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	@Override
	public Mono<Void> publish(String gatewayId, GatewayMessage message) {
		if (this.failing) {
			return Mono.error(new IllegalStateException("redis down"));
		}
		this.published.add(new Published(gatewayId, wire(message)));
		return Mono.empty();
	}

	/** A message as a gateway decodes it, so expected and captured compare by their JSON. */
	public static GatewayMessage wire(GatewayMessage message) {
		return GatewayMessage.fromJson(message.toJson());
	}

	public List<Published> all() {
		return List.copyOf(this.published);
	}

	public List<Published> withEvent(String event) {
		return this.published.stream().filter(p -> event.equals(p.message().event())).toList();
	}

	public void clear() {
		this.published.clear();
	}

	public void failing(boolean failing) {
		this.failing = failing;
	}

}
