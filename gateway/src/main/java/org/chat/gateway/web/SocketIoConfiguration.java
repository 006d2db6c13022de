package org.chat.gateway.web;

import java.util.List;

import io.micrometer.observation.ObservationPredicate;
import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.socketio.SocketIoNamespaces;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/** Wires the Socket.IO endpoint ({@code chat.engine.path}) into WebFlux. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class SocketIoConfiguration {

	@Bean(destroyMethod = "close")
	HeartbeatTimer heartbeatTimer(EngineProperties properties) {
		return new HeartbeatTimer(HeartbeatTimer.tickFor(properties.pingInterval()));
	}

	/** The {@link org.chat.gateway.socketio.SocketIoServer} the application registers its namespaces on. */
	@Bean
	SocketIoNamespaces socketIoServer(HeartbeatTimer timer, EngineProperties properties) {
		return new SocketIoNamespaces(timer, properties.connectTimeout());
	}

	@Bean
	EngineEndpoint socketIoEndpoint(EngineProperties properties, HeartbeatTimer timer, SocketIoNamespaces server) {
		return EngineEndpoint.create(properties.path(), properties.toSettings(), properties.corsOrigins(), timer,
				server);
	}

	@Bean
	EngineIoWebFilter engineIoWebFilter(List<EngineEndpoint> endpoints) {
		return new EngineIoWebFilter(endpoints);
	}

	/**
	 * No {@code http.server.requests} observation for Engine.IO requests: starting and stopping one (timer, long
	 * task timer, tags) was ~8 % of the gateway's CPU per accepted WebSocket, and for an upgrade it timed only the
	 * handshake; the engine's traffic has the gateway's own meters (docs/METRICS.md).
	 */
	@Bean
	ObservationPredicate noEngineRequestObservations(List<EngineEndpoint> endpoints) {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier() != null && endpoints.stream()
					.anyMatch(endpoint -> endpoint.matches(request.getCarrier().getPath().pathWithinApplication().value())));
	}

	@Bean
	SmartLifecycle engineShutdown(List<EngineEndpoint> endpoints) {
		return new EngineShutdown(endpoints);
	}

}
