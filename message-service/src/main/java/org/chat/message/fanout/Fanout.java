package org.chat.message.fanout;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.message.metrics.MessageMetrics;
import org.chat.message.metrics.MessageMetrics.FanoutStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers to gateways through Redis, at most once: a lookup or publish that fails or times out is
 * logged and dropped, never failing the batch (the client recovers the message through sync).
 */
public class Fanout {

	private static final Logger log = LoggerFactory.getLogger(Fanout.class);

	private final RoutingLookup routing;

	private final GatewayPublisher publisher;

	private final Duration timeout;

	private final MessageMetrics metrics;

	public Fanout(RoutingLookup routing, GatewayPublisher publisher, Duration timeout, MessageMetrics metrics) {
		this.routing = routing;
		this.publisher = publisher;
		this.timeout = timeout;
		this.metrics = metrics;
	}

	/** One lookup for many users (pipelined by the lookup). */
	public Mono<Routes> routes(Collection<String> users) {
		return this.routing.gatewaysOf(users)
			.timeout(this.timeout)
			.map(Routes::new)
			.onErrorResume(ex -> {
				this.metrics.fanoutFailed(FanoutStage.LOOKUP);
				log.warn("Routing lookup failed, deliveries dropped (sync recovers them): {}", ex.toString());
				return Mono.just(Routes.NONE);
			});
	}

	/** One publish per gateway of the batch (concurrently), each carrying that gateway's messages in order. */
	public Mono<Void> publish(FanoutBatch batch) {
		return Flux.fromIterable(batch.byGateway().entrySet())
			.flatMap(e -> publish(e.getKey(), e.getValue()))
			.then();
	}

	public Mono<Void> toUser(Routes routes, String user, GatewayMessage message) {
		return publish(new FanoutBatch().toUser(routes, user, message));
	}

	public Mono<Void> toUser(String user, GatewayMessage message) {
		return routes(List.of(user)).flatMap(routes -> toUser(routes, user, message));
	}

	/** Answers the ack of the envelope's event on its session; skipped if the record names no session. */
	public Mono<Void> reply(Envelope envelope, String event, Object data, Object ack) {
		if (envelope.gatewayId() == null || envelope.sessionId() == null) {
			log.debug("No session to answer {} {}", envelope.type(), envelope.eventId());
			return Mono.empty();
		}
		return publish(envelope.gatewayId(),
				List.of(GatewayMessage.reply(envelope.sessionId(), envelope.eventId(), event, data, ack)));
	}

	/** A failed publish drops all its messages (counted once: it is one failed PUBLISH). */
	private Mono<Void> publish(String gateway, List<GatewayMessage> messages) {
		return this.publisher.publish(gateway, messages).timeout(this.timeout).onErrorResume(ex -> {
			this.metrics.fanoutFailed(FanoutStage.PUBLISH);
			log.warn("Publish to gateway {} failed, {} deliveries dropped: {}", gateway, messages.size(),
					ex.toString());
			return Mono.empty();
		});
	}

}
