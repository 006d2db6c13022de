package org.chat.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Socket.IO endpoint ({@code chat.engine.*}). Heartbeat and maxPayload are announced to clients in the
 * open packet; the outbound queue bounds what one slow client may hold in this gateway's memory.
 *
 * @param path URL path of the endpoint, with leading and trailing slash
 * @param pingInterval how often the server pings
 * @param pingTimeout how long a pong may take before the connection is closed
 * @param maxPayload largest WebSocket message or polling body in bytes; larger input closes the connection
 * @param connectTimeout how long an engine connection may stay without joining a namespace
 * @param outboundQueueSize packets queued per connection; droppable ones are shed above half, a full queue closes
 * @param outboundQueueBytes bytes queued per connection (frame payloads, from the emit until the transport hands
 *        the packet to Netty's writer); droppable ones are shed above half, a packet that does not fit closes.
 *        Must exceed the largest packet (a full user_list is ~100 KB)
 * @param transports accepted transports ({@code websocket}, {@code polling})
 * @param corsOrigins origins allowed to poll cross-origin; {@code *} allows any
 * @param maxConnectionsPerAddress open Engine.IO sessions one remote address may hold; more are refused with
 *        HTTP 429; 0 = no limit. Behind a load balancer every client has the balancer's address: see
 *        docs/GATEWAY.md
 */
@Validated
@ConfigurationProperties("chat.engine")
public record EngineProperties(@DefaultValue("/socket.io/") @NotNull @Pattern(regexp = "/([^/?#]+/)*") String path,
		@DefaultValue("25s") @NotNull @DurationMin(millis = 1) Duration pingInterval,
		@DefaultValue("20s") @NotNull @DurationMin(millis = 1) Duration pingTimeout,
		@DefaultValue("1000000") @Min(1024) int maxPayload,
		@DefaultValue("45s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("512") @Min(2) @Max(1_000_000) int outboundQueueSize,
		@DefaultValue({ "websocket", "polling" }) @NotEmpty Set<TransportKind> transports,
		@DefaultValue("*") @NotEmpty List<String> corsOrigins,
		@DefaultValue("1000") @Min(0) int maxConnectionsPerAddress,
		@DefaultValue("4MB") @NotNull DataSize outboundQueueBytes) {

	@AssertTrue(message = "outboundQueueBytes must be at least 64KB")
	boolean isOutboundQueueBytesValid() {
		return outboundQueueBytes == null || outboundQueueBytes.toBytes() >= 64 * 1024;
	}

	public EngineSettings toSettings() {
		return new EngineSettings(pingInterval, pingTimeout, maxPayload, outboundQueueSize, transports,
				maxConnectionsPerAddress, outboundQueueBytes.toBytes());
	}

}
