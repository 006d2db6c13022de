package org.chat.gateway.fanout;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.contracts.Channels;
import org.chat.contracts.fanout.FanoutChannels;
import org.chat.contracts.fanout.FanoutChannels.ChannelMessage;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Listens on {@code chat:gw:{gatewayId}} and {@code chat:all} and hands each message to the router; a payload
 * may be one message or a batch ({@link GatewayBatch}). A message that cannot be decoded or routed is logged and
 * skipped, without its batch; a lost subscription is re-made with backoff
 * (pub/sub is at-most-once: clients resync what they missed). On a Redis Cluster the channels are sharded
 * (SSUBSCRIBE on the shard that owns each channel's slot).
 */
public class FanoutSubscriber {

	private static final Log log = LogFactory.getLog(FanoutSubscriber.class);

	private final FanoutChannels channels;

	private final FanoutRouter router;

	private final String gatewayId;

	private final Sinks.One<Void> subscribed = Sinks.one();

	private volatile Disposable subscription;

	public FanoutSubscriber(FanoutChannels channels, FanoutRouter router, String gatewayId) {
		this.channels = channels;
		this.router = router;
		this.gatewayId = gatewayId;
	}

	public void start() {
		this.subscription = Mono
			.defer(() -> this.channels.receiveLater(List.of(Channels.gateway(this.gatewayId), Channels.ALL)))
			.doOnNext(messages -> this.subscribed.tryEmitEmpty())
			.flatMapMany(messages -> messages)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
				.maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry(signal -> log.warn("fan-out subscription lost, re-subscribing: " + signal.failure())))
			.subscribe(this::onMessage);
	}

	/** Completes once the channels are subscribed for the first time. */
	public Mono<Void> subscribed() {
		return this.subscribed.asMono();
	}

	private void onMessage(ChannelMessage message) {
		onPayload(message.channel(), message.message());
	}

	/** One message or a batch (JSON array, routed in order); a bad element is skipped alone. */
	void onPayload(String channel, String payload) {
		for (GatewayMessage each : GatewayBatch.fromJson(payload,
				bad -> log.warn("fan-out message on " + channel + " skipped: " + bad))) {
			try {
				this.router.route(each);
			}
			catch (RuntimeException ex) {
				log.warn("fan-out message on " + channel + " skipped: " + ex);
			}
		}
	}

	public void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
	}

}
