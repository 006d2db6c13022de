package org.chat.loadtest.gatling;

import java.time.Duration;
import java.util.Optional;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.chat.loadtest.socketio.SioFrames;
import org.chat.loadtest.tokens.TokenSettings;
import org.chat.loadtest.tokens.TokenSigner;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * The Socket.IO steps every simulation shares, for one named socket whose gateway URL and user id sit in the
 * session under {@code <name>Gateway} and {@code <name>User}: token (signed here or a dev token), WebSocket + Engine.IO open, namespace
 * CONNECT with the token, {@code register_user} with its ack. Pings are answered by
 * {@link HttpProtocolBuilder#wsAutoReplySocketIo4()}.
 */
final class SocketIoChains {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Ack id of register_user; message acks use 2 and up. */
	static final int REGISTER_ACK = 1;

	private SocketIoChains() {
	}

	static HttpProtocolBuilder protocol() {
		return http.contentTypeHeader("application/json")
			.shareConnections()
			.wsAutoReplySocketIo4()
			.wsUnmatchedInboundMessageBufferSize(2000);
	}

	/** Signed here when a key is configured (-DjwtSecret / -DjwtPrivateKey, read as the simulation is built), else a dev token. */
	static ChainBuilder token(String name) {
		Optional<TokenSigner> signer = TokenSettings.fromSystem().signer();
		if (signer.isPresent()) {
			TokenSigner tokens = signer.get();
			return exec(session -> session.set(name + "Token", tokens.sign(session.getString(name + "User"))));
		}
		return exec(http("dev token").post("#{" + name + "Gateway}/dev/token")
			.body(StringBody("{\"userId\":\"#{" + name + "User}\",\"name\":\"#{" + name + "User}\"}"))
			.check(jsonPath("$.token").saveAs(name + "Token")));
	}

	/** WebSocket upgrade, Engine.IO OPEN, then Socket.IO CONNECT answered by {@code 40{"sid":...}}. */
	static ChainBuilder connect(String name) {
		return exec(ws("ws open").wsName(name)
			.connect(session -> LoadSettings.wsUrl(session.getString(name + "Gateway")) + SioFrames.WS_PATH)
			.await(TIMEOUT)
			.on(ws.checkTextMessage("engine.io open").check(regex("^0\\{\"sid\"").exists())))
			.exec(ws("socket.io connect").wsName(name)
				.sendText(session -> SioFrames.connect(session.getString(name + "Token")))
				.await(TIMEOUT)
				.on(ws.checkTextMessage("connect answer").check(regex("^40\\{\"sid\"").exists())));
	}

	static ChainBuilder register(String name) {
		return exec(ws("register_user").wsName(name)
			.sendText(session -> SioFrames.register(REGISTER_ACK, session.getString(name + "User"),
					session.getString(name + "User")))
			.await(TIMEOUT)
			.on(ws.checkTextMessage("register ack").matching(regex("^43" + REGISTER_ACK + "\\[").exists())
				.check(regex("\"ok\":true").exists())));
	}

	static ChainBuilder open(String name) {
		return token(name).exec(connect(name)).exec(register(name));
	}

	/** Empties the socket's buffer of unmatched frames (user lists, receipts) so it never overflows. */
	static ChainBuilder discardUnmatched(String name) {
		return exec(ws.processUnmatchedMessages(name, (messages, session) -> session));
	}

}
