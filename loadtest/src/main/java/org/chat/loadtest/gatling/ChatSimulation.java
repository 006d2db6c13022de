package org.chat.loadtest.gatling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.chat.loadtest.socketio.SioFrames;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Users in pairs, one virtual user per pair holding both sockets ("a" and "b", on different gateways). The pair
 * alternates directions, sending at {@code rate} messages/s over all pairs for {@code duration}. Each send
 * checks its ack ({@code ok: true}); at the end the pair checks that its partner received every acked message
 * ({@code receive_private_message} seen on the other socket, waiting up to 10 s), as a request named
 * "all delivered".
 * Defaults: 100 users, 100 msgs/s, 30 s.
 */
public class ChatSimulation extends Simulation {

	private static final AtomicLong PAIRS = new AtomicLong();

	/** How long after its last send a pair waits for the partner to receive everything it sent. */
	private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

	private final LoadSettings settings = LoadSettings.fromSystem(100, 100);

	private final int pairs = Math.max(1, this.settings.users() / 2);

	private final Duration pacing = Duration.ofNanos((long) (1e9 * this.pairs / this.settings.rate()));

	private final ScenarioBuilder scenario = scenario("chat pairs")
		.exec(session -> {
			long pair = PAIRS.getAndIncrement();
			String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
			return session.set("aUser", "g" + run + "-" + pair + "a")
				.set("bUser", "g" + run + "-" + pair + "b")
				.set("aGateway", this.settings.gateway(0))
				.set("bGateway", this.settings.gateway(1))
				.set(PairLedger.KEY, new PairLedger())
				.set("seq", 0L);
		})
		.exec(SocketIoChains.open("a"), SocketIoChains.open("b"))
		.exec(during(this.settings.duration()).on(pace(this.pacing).exec(sendOne())))
		.exec(session -> session.set("drainUntil", System.nanoTime() + DELIVERY_TIMEOUT.toNanos()))
		.asLongAs(session -> ledger(session).undelivered() > 0 && System.nanoTime() < session.getLong("drainUntil"))
		.on(pause(Duration.ofMillis(250)).exec(collect("a"), collect("b")))
		.exec(collect("a"), collect("b"), ws("all delivered").wsName("b")
			.sendText(SioFrames.event(SocketIoChains.REGISTER_ACK, "get_unread_counts"))
			.await(SocketIoChains.TIMEOUT)
			.on(ws.checkTextMessage("undelivered count").matching(regex("^431\\[").exists())
				.check(regex("^43").transformWithSession((match, session) -> ledger(session).undelivered()).is(0))))
		.exec(ws("close").wsName("a").close(), ws("close").wsName("b").close());

	private static ChainBuilder sendOne() {
		return exec(session -> {
			long seq = session.getLong("seq") + 1;
			boolean fromA = seq % 2 == 1;
			String from = fromA ? "a" : "b";
			String to = fromA ? "b" : "a";
			String frame = SioFrames.sendPrivateMessage(seq + 1, session.getString(to + "User"), "gatling " + seq,
					Long.toString(seq));
			return session.set("seq", seq)
				.set("ackId", seq + 1)
				.set("from", from)
				.set("to", to)
				.set("frame", frame)
				.remove("messageId");
		}).doIfEqualsOrElse("#{from}", "a").then(send("a")).orElse(send("b")).exec(session -> {
			if (session.contains("messageId")) {
				ledger(session).acked(session.getString("to"), Long.toString(session.getLong("seq")));
			}
			return session;
		});
	}

	/**
	 * Gatling clears a socket's buffer of unmatched frames whenever it sends on that socket, so the frames that
	 * arrived since the last look are collected first. Gatling runs a virtual user's actions and its sockets on
	 * one event loop, so no frame can arrive between the collect and the send.
	 */
	private static ChainBuilder send(String name) {
		return collect(name).exec(ws("send_private_message").wsName(name)
			.sendText("#{frame}")
			.await(SocketIoChains.TIMEOUT)
			.on(ws.checkTextMessage("send ack").matching(regex("^43#{ackId}\\[").exists())
				.check(regex("\"ok\":true").exists(), regex("\"messageId\":\"([^\"]+)\"").saveAs("messageId"))));
	}

	private static ChainBuilder collect(String name) {
		return exec(ws.processUnmatchedMessages(name, (messages, session) -> {
			ledger(session).collect(name, messages);
			return session;
		}));
	}

	private static PairLedger ledger(io.gatling.javaapi.core.Session session) {
		return session.get(PairLedger.KEY);
	}

	{
		setUp(this.scenario.injectOpen(rampUsers(this.pairs).during(this.settings.ramp())))
			.protocols(SocketIoChains.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
