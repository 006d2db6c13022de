package org.chat.gateway.engineio;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an Engine.IO server announces and enforces: heartbeat, maximum payload, outbound queue bounds (packets
 * and bytes per session) and the transports it accepts, and how many sessions one remote address may hold open
 * (0 = no limit).
 */
public record EngineSettings(Duration pingInterval, Duration pingTimeout, int maxPayload, int outboundQueueSize,
		Set<TransportKind> transports, int maxConnectionsPerAddress, long outboundQueueBytes) {

	/** Settings without a per-address limit and without a byte bound (tests of other concerns). */
	public EngineSettings(Duration pingInterval, Duration pingTimeout, int maxPayload, int outboundQueueSize,
			Set<TransportKind> transports) {
		this(pingInterval, pingTimeout, maxPayload, outboundQueueSize, transports, 0);
	}

	/** Settings without a byte bound (tests of other concerns). */
	public EngineSettings(Duration pingInterval, Duration pingTimeout, int maxPayload, int outboundQueueSize,
			Set<TransportKind> transports, int maxConnectionsPerAddress) {
		this(pingInterval, pingTimeout, maxPayload, outboundQueueSize, transports, maxConnectionsPerAddress,
				Long.MAX_VALUE);
	}

	public EngineSettings {
		Objects.requireNonNull(pingInterval, "pingInterval");
		Objects.requireNonNull(pingTimeout, "pingTimeout");
		if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
			throw new IllegalArgumentException("pingInterval and pingTimeout must be positive");
		}
		if (maxPayload < 1 || outboundQueueSize < 2) {
			throw new IllegalArgumentException("maxPayload must be > 0 and outboundQueueSize >= 2");
		}
		if (outboundQueueBytes < 2) {
			throw new IllegalArgumentException("outboundQueueBytes must be >= 2");
		}
		if (maxConnectionsPerAddress < 0) {
			throw new IllegalArgumentException("maxConnectionsPerAddress must be >= 0 (0 = no limit)");
		}
		transports = Set.copyOf(transports);
		if (transports.isEmpty()) {
			throw new IllegalArgumentException("at least one transport");
		}
	}

	public boolean allows(TransportKind kind) {
		return transports.contains(kind);
	}

	/** The transports of Engine.IO 4 (WebTransport is not offered). */
	public enum TransportKind {

		WEBSOCKET, POLLING;

		public String wireName() {
			return name().toLowerCase();
		}

		/** @return the transport of a {@code transport} query value, or null. */
		public static TransportKind fromWire(String value) {
			for (TransportKind kind : values()) {
				if (kind.wireName().equals(value)) {
					return kind;
				}
			}
			return null;
		}

	}

}
