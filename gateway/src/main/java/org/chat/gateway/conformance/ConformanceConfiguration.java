package org.chat.gateway.conformance;

import java.util.List;

import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.socketio.SocketIoServer;
import org.chat.gateway.web.EngineEndpoint;
import org.chat.gateway.web.EngineProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Conformance mode: the gateway behaves like the reference servers of the official Engine.IO v4 and
 * Socket.IO v5 test suites (namespaces {@code /} and {@code /custom}, and a raw Engine.IO echo endpoint).
 */
@Configuration(proxyBeanMethods = false)
@Profile("conformance")
public class ConformanceConfiguration {

	/** The default path of a plain Engine.IO server, where the Engine.IO suite connects. */
	public static final String ENGINE_ECHO_PATH = "/engine.io/";

	@Bean
	InitializingBean conformanceNamespaces(SocketIoServer server) {
		return () -> {
			server.namespace("/", new ConformanceNamespace(true));
			server.namespace("/custom", new ConformanceNamespace(false));
		};
	}

	@Bean
	EngineEndpoint engineEchoEndpoint(EngineProperties properties, HeartbeatTimer timer) {
		return EngineEndpoint.create(ENGINE_ECHO_PATH, properties.toSettings(), properties.corsOrigins(), timer,
				session -> session.listener(new EngineEcho()));
	}

}
