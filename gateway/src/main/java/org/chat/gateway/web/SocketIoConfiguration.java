package org.chat.gateway.web;

import java.util.List;

import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.socketio.SocketIoNamespaces;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	SmartLifecycle engineShutdown(List<EngineEndpoint> endpoints) {
		return new EngineShutdown(endpoints);
	}

}
