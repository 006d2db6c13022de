package org.chat.loadtest.gatling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * {@code users} users (default 1,000) connect within {@code ramp} seconds (default 5) over the gateways, register
 * and stay idle (answering pings) for {@code duration} seconds (default 30), then close. Every handshake step
 * and register ack is a checked request.
 */
public class ConnectionStormSimulation extends Simulation {

	private static final AtomicLong USERS = new AtomicLong();

	private final LoadSettings settings = LoadSettings.fromSystem(1000, 0);

	private final ScenarioBuilder scenario = scenario("connection storm").exec(session -> {
		long n = USERS.getAndIncrement();
		String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
		return session.set("sUser", "storm-" + run + "-" + n).set("sGateway", this.settings.gateway(n));
	})
		.exec(SocketIoChains.open("s"))
		.exec(during(this.settings.duration()).on(pause(Duration.ofSeconds(5)).exec(SocketIoChains.discardUnmatched("s"))))
		.exec(ws("close").wsName("s").close());

	{
		setUp(this.scenario.injectOpen(rampUsers(this.settings.users()).during(this.settings.ramp())))
			.protocols(SocketIoChains.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
