package org.chat.gateway.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.ErrorCode;
import org.chat.gateway.session.LocalSessions;

/**
 * The gateway's meters (Prometheus names in the comments). Every tag value comes from a fixed list (the
 * contract's event names and error codes), so a client can never create series: anything else is counted as
 * {@code unknown} / {@code other}.
 */
public class GatewayMetrics {

	static final String UNKNOWN = "unknown";

	static final String OTHER = "other";

	static final List<String> CLIENT_EVENTS = List.of(ClientEvents.REGISTER_USER, ClientEvents.SEND_PRIVATE_MESSAGE,
			ClientEvents.TYPING_PRIVATE, ClientEvents.MARK_MESSAGES_READ, ClientEvents.GET_UNREAD_COUNTS,
			ClientEvents.REQUEST_USER_LIST, ClientEvents.GET_MESSAGES, ClientEvents.SYNC_MESSAGES, UNKNOWN);

	static final List<String> SERVER_EVENTS = List.of(ClientEvents.USER_LIST, ClientEvents.RECEIVE_PRIVATE_MESSAGE,
			ClientEvents.MESSAGE_DELIVERED, ClientEvents.TYPING_INDICATOR_PRIVATE, ClientEvents.MESSAGES_READ_UPDATE,
			ClientEvents.UNREAD_COUNT_UPDATE, ClientEvents.UNREAD_COUNTS, ClientEvents.CHAT_ERROR, OTHER);

	/**
	 * Why sockets end, in Socket.IO's and Engine.IO's own words (what the client's {@code disconnect} event says for
	 * the client-side ones): a client leaving, a connection lost, a ping not answered in time, the server's doing.
	 */
	static final List<String> DISCONNECT_REASONS = List.of("transport close", "transport error", "ping timeout",
			"client namespace disconnect", "parse error", "payload too large", "invalid heartbeat direction",
			"outbound queue overflow", "server shutting down", "server error", "unavailable", OTHER);

	/** Why an emit did not reach the socket's queue. */
	public enum ShedReason {

		/** A droppable emit (typing) shed because the socket's queue was above half full. */
		DROPPABLE,
		/** The queue was full: the connection was closed so the client reconnects and syncs. */
		OVERFLOW,
		/**
		 * A snapshot (user_list) skipped before it was written because a newer one was queued on the same socket.
		 */
		SUPERSEDED

	}

	private final Map<String, Counter> eventsIn;

	private final Map<String, Counter> eventsOut;

	private final Map<String, Counter> errors;

	private final Map<ShedReason, Counter> shed;

	private final Map<String, Counter> disconnects;

	private final Timer deliveryLatency;

	private final Map<String, Timer> ackLatency;

	private final Map<Boolean, Timer> connectLatency;

	private final Timer routableWait;

	private final Map<String, Timer> produceTimers = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	public GatewayMetrics(MeterRegistry meters, LocalSessions sessions) {
		this.meters = meters;
		// chat_gateway_connections
		Gauge.builder("chat.gateway.connections", sessions, LocalSessions::size)
			.description("open chat Socket.IO sockets on this gateway")
			.register(meters);
		// chat_gateway_events_in_total{event}
		this.eventsIn = counters(CLIENT_EVENTS, event -> Counter.builder("chat.gateway.events.in")
			.description("client events received, by name (unknown names as 'unknown')")
			.tag("event", event)
			.register(meters));
		// chat_gateway_events_out_total{event}
		this.eventsOut = counters(SERVER_EVENTS, event -> Counter.builder("chat.gateway.events.out")
			.description("server-to-client events queued on a socket, by name")
			.tag("event", event)
			.register(meters));
		// chat_gateway_errors_total{code}
		this.errors = counters(Stream.concat(Stream.of(ErrorCode.values()).map(ErrorCode::code), Stream.of(OTHER)).toList(),
				code -> Counter.builder("chat.gateway.errors")
					.description("errors sent to clients (ack, chat_error or CONNECT_ERROR), by code")
					.tag("code", code)
					.register(meters));
		// chat_gateway_shed_total{reason}
		this.shed = Stream.of(ShedReason.values()).collect(Collectors.toMap(Function.identity(),
				reason -> Counter.builder("chat.gateway.shed")
					.description("emits that did not reach a socket: shed droppable events, overflow disconnects, "
							+ "snapshots superseded by a newer one before they were written")
					.tag("reason", reason.name().toLowerCase())
					.register(meters)));
		// chat_gateway_disconnects_total{reason}
		this.disconnects = counters(DISCONNECT_REASONS, reason -> Counter.builder("chat.gateway.disconnects")
			.description("chat sockets ended, by reason (Socket.IO's reason strings; anything else as 'other')")
			.tag("reason", reason)
			.register(meters));
		// chat_delivery_latency_seconds (histogram)
		this.deliveryLatency = latency("chat.delivery.latency")
			.description("send accepted (createdAt, the sender's gateway clock) to receive_private_message queued "
					+ "at the recipient's socket; across hosts it includes their clock skew")
			.register(meters);
		// chat_gateway_ack_latency_seconds{event} (histogram)
		this.ackLatency = CLIENT_EVENTS.stream().distinct().collect(Collectors.toUnmodifiableMap(Function.identity(),
				event -> latency("chat.gateway.ack.latency")
					.description("client event received to its acknowledgement sent (ok or error), by event: what a "
							+ "client waits for a send to be stored or a query answered")
					.tag("event", event)
					.register(meters)));
		// chat_gateway_connect_latency_seconds{result} (histogram)
		this.connectLatency = Stream.of(true, false).collect(Collectors.toUnmodifiableMap(Function.identity(),
				ok -> latency("chat.gateway.connect.latency")
					.description("a Socket.IO CONNECT to its answer (token checked, epoch allocated in Redis), by "
							+ "result: what a connecting or reconnecting client waits for past the handshake")
					.tag("result", ok ? "ok" : "refused")
					.register(meters)));
		// chat_sync_routable_wait_seconds (histogram)
		this.routableWait = latency("chat.sync.routable.wait")
			.description("how long a socket's first sync_messages was held until presence-service had made its "
					+ "session routable (or the wait gave up)")
			.register(meters);
	}

	/** A timer with a percentile histogram from 1 ms to 30 s, what every latency of this gateway is. */
	private static Timer.Builder latency(String name) {
		return Timer.builder(name)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30));
	}

	private static Map<String, Counter> counters(List<String> names, Function<String, Counter> counter) {
		return names.stream().distinct().collect(Collectors.toUnmodifiableMap(Function.identity(), counter));
	}

	public void eventIn(String event) {
		this.eventsIn.getOrDefault(event, this.eventsIn.get(UNKNOWN)).increment();
	}

	public void eventOut(String event) {
		this.eventsOut.getOrDefault(event, this.eventsOut.get(OTHER)).increment();
	}

	public void error(String code) {
		this.errors.getOrDefault(code, this.errors.get(OTHER)).increment();
	}

	public void shed(ShedReason reason) {
		this.shed.get(reason).increment();
	}

	public void disconnected(String reason) {
		this.disconnects.getOrDefault(reason, this.disconnects.get(OTHER)).increment();
	}

	/** Negative (the sender's gateway clock ahead of this one) counts as zero. */
	public void delivered(Duration latency) {
		this.deliveryLatency.record(latency.isNegative() ? Duration.ZERO : latency);
	}

	public void acked(String event, Duration latency) {
		this.ackLatency.getOrDefault(event, this.ackLatency.get(UNKNOWN)).record(latency);
	}

	public void connectAnswered(boolean ok, Duration latency) {
		this.connectLatency.get(ok).record(latency);
	}

	public void routableWait(Duration wait) {
		this.routableWait.record(wait);
	}

	/** {@code chat_kafka_produce_seconds{topic,result}}: publish call to broker acknowledgement (or failure). */
	public Timer produceTimer(String topic, boolean ok) {
		String result = ok ? "ok" : "error";
		return this.produceTimers.computeIfAbsent(topic + " " + result, key -> latency("chat.kafka.produce")
			.description("envelope publish to broker acknowledgement (acks=all), by topic and result")
			.tag("topic", topic)
			.tag("result", result)
			.register(this.meters));
	}

}
