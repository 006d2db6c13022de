package org.chat.notification.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code chat.push.sent{platform}}, {@code chat.push.failed{platform,reason}},
 * {@code chat.push.skipped{reason}}, {@code chat.push.tokens.removed{platform}} and
 * {@code chat.push.latency{platform}}: from the message's creation (its send record) to the provider's answer.
 */
public class PushMetrics {

	private final MeterRegistry registry;

	/** Counted for nearly every consumed send (its receipt): built once per reason, not per call. */
	private final Map<String, Counter> skipped = new ConcurrentHashMap<>();

	public PushMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void sent(String platform, Duration sinceCreated) {
		Counter.builder("chat.push.sent").tag("platform", platform).register(this.registry).increment();
		Timer.builder("chat.push.latency")
			.description("message created to push accepted by the provider")
			.tag("platform", platform)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(this.registry)
			.record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
	}

	/** reason: {@code retry} (429/5xx/network, will be retried), {@code rejected} (4xx, dropped), {@code disabled}. */
	public void failed(String platform, String reason) {
		Counter.builder("chat.push.failed").tag("platform", platform).tag("reason", reason).register(this.registry)
			.increment();
	}

	/** reason: {@code delivered}, {@code read}, {@code muted}, {@code no_device}, {@code rate}. */
	public void skipped(String reason) {
		this.skipped
			.computeIfAbsent(reason, r -> Counter.builder("chat.push.skipped").tag("reason", r).register(this.registry))
			.increment();
	}

	public void tokenRemoved(String platform) {
		Counter.builder("chat.push.tokens.removed").tag("platform", platform).register(this.registry).increment();
	}

}
