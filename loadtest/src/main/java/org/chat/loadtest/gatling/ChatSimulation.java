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
 * Users in pairs, one virtual user per pair holding both sockets on different gateways: "a" only sends to its
 * partner, "b" only receives (pairs alternate which gateway sends, so both gateways send and deliver), at
 * {@code rate} messages/s over all pairs for {@code duration}. Each send checks its ack ({@code ok: true}); at
 * the end the pair checks that "b" received every acked message ({@code receive_private_message}, waiting up to
 * 10 s), as a request named "all delivered".
 * <p>
 * One direction per pair because of how Gatling 3.13 treats frames nobody awaits: it keeps them in the socket's
 * unmatched-frame buffer only while no check is pending on that socket (a frame that arrives during a check and
 * does not match it is dropped), and it empties that buffer whenever it sends on the socket. So the receiving
 * socket must never send or await while messages are in flight; until the final check it only has its buffer
 * read.
 * Defaults: 100 users, 100 msgs/s, 30 s.
 */
public class ChatSimulation extends Simulation {

	private static final AtomicLong PAIRS = new AtomicLong();

	/** How long after its last send a pair waits for the partner to receive everything it sent. */
	private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

	private static final String SENDER = "a";

	private static final String RECEIVER = "b";

	private final LoadSettings settings = LoadSettings.fromSystem(100, 100);

	private final int pairs = Math.max(1, this.settings.users() / 2);

	private final Duration pacing = Duration.ofNanos((long) (1e9 * this.pairs / this.settings.rate()));

	private final ScenarioBuilder scenario = scenario("chat pairs")
		.exec(session -> {
			long pair = PAIRS.getAndIncrement();
			String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
			return session.set(SENDER + "User", "g" + run + "-" + pair + SENDER)
				.set(RECEIVER + "User", "g" + run + "-" + pair + RECEIVER)
				.set(SENDER + "Gateway", this.settings.gateway(pair))
				.set(RECEIVER + "Gateway", this.settings.gateway(pair + 1))
				.set(PairLedger.KEY, new PairLedger())
				.set("seq", 0L);
		})
		.exec(SocketIoChains.open(SENDER), SocketIoChains.open(RECEIVER))
		.exec(during(this.settings.duration()).on(pace(this.pacing).exec(sendOne(), collect(RECEIVER))))
		.exec(session -> session.set("drainUntil", System.nanoTime() + DELIVERY_TIMEOUT.toNanos()))
		.asLongAs(session -> ledger(session).undelivered() > 0 && System.nanoTime() < session.getLong("drainUntil"))
		.on(pause(Duration.ofMillis(250)).exec(collect(RECEIVER)))
		.exec(collect(RECEIVER), ws("all delivered").wsName(RECEIVER)
			.sendText(SioFrames.event(SocketIoChains.REGISTER_ACK, "get_unread_counts"))
			.await(SocketIoChains.TIMEOUT)
			.on(ws.checkTextMessage("undelivered count").matching(regex("^431\\[").exists())
				.check(regex("^43").transformWithSession((match, session) -> ledger(session).undelivered()).is(0))))
		.exec(ws("close").wsName(SENDER).close(), ws("close").wsName(RECEIVER).close());

	private static ChainBuilder sendOne() {
		return exec(session -> {
			long seq = session.getLong("seq") + 1;
			String frame = SioFrames.sendPrivateMessage(seq + 1, session.getString(RECEIVER + "User"), "gatling " + seq,
					Long.toString(seq));
			return session.set("seq", seq).set("ackId", seq + 1).set("frame", frame).remove("messageId");
		}).exec(ws("send_private_message").wsName(SENDER)
			.sendText("#{frame}")
			.await(SocketIoChains.TIMEOUT)
			.on(ws.checkTextMessage("send ack").matching(regex("^43#{ackId}\\[").exists())
				.check(regex("\"ok\":true").exists(), regex("\"messageId\":\"([^\"]+)\"").saveAs("messageId"))))
			.exec(session -> {
				if (session.contains("messageId")) {
					ledger(session).acked(RECEIVER, Long.toString(session.getLong("seq")));
				}
				return session;
			});
	}

	/** Reads the receive frames out of the socket's unmatched-frame buffer (bounded: read it every send). */
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
