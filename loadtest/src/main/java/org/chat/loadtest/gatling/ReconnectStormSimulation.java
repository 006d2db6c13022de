package org.chat.loadtest.gatling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * {@code users} users (default 500) connect and register, then {@code reconnects} times (default 3) drop the
 * socket and come back within a second or two, switching gateway each time (as a client does when its gateway
 * goes away): the presence epoch rule and the connect path under churn. Each reconnect is a full checked
 * handshake plus {@code register_user}.
 */
public class ReconnectStormSimulation extends Simulation {

	private static final AtomicLong USERS = new AtomicLong();

	private final LoadSettings settings = LoadSettings.fromSystem(500, 0);

	private final ScenarioBuilder scenario = scenario("reconnect storm").exec(session -> {
		long n = USERS.getAndIncrement();
		String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
		return session.set("n", n).set("rUser", "reconnect-" + run + "-" + n).set("rGateway", this.settings.gateway(n));
	})
		.exec(SocketIoChains.open("r"))
		.exec(repeat(this.settings.reconnects(), "round").on(pause(Duration.ofMillis(500), Duration.ofMillis(2000))
			.exec(SocketIoChains.discardUnmatched("r"))
			.exec(ws("close").wsName("r").close())
			.exec(session -> session.set("rGateway",
					this.settings.gateway(session.getLong("n") + session.getInt("round") + 1)))
			.exec(SocketIoChains.open("r"))))
		.exec(pause(Duration.ofSeconds(2)), ws("close").wsName("r").close());

	{
		setUp(this.scenario.injectOpen(rampUsers(this.settings.users()).during(this.settings.ramp())))
			.protocols(SocketIoChains.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
