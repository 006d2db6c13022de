package org.chat.presence.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chat.contracts.Channels;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.Typing;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.presence.support.PresenceItSupport;
import org.chat.presence.typing.TypingIndicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** typing is routed to every gateway of the recipient; an unrenewed isTyping:true expires into false. */
class TypingIT extends PresenceItSupport {

	private String gwA;

	private String gwB;

	private String sender;

	private String recipient;

	@BeforeEach
	void recipientOnTwoGateways() {
		this.gwA = unique("gw-ta");
		this.gwB = unique("gw-tb");
		gatewayAlive(this.gwA, Duration.ofMinutes(10));
		gatewayAlive(this.gwB, Duration.ofMinutes(10));
		this.sender = unique("judy");
		this.recipient = unique("ken");
		produce(envelope(EventType.SESSION_REGISTERED, this.recipient, "phone", this.gwA, 1, null));
		produce(envelope(EventType.SESSION_REGISTERED, this.recipient, "laptop", this.gwB, 2, null));
		await().atMost(WAIT).until(() -> sessions(this.recipient).size() == 2);
	}

	@Test
	void typingReachesEveryGatewayOfTheRecipientAndExpiresWhenNotRenewed() {
		produce(typing(true));
		GatewayMessage expectedTrue = GatewayMessage.toUsers(List.of(this.recipient),
				ClientEvents.TYPING_INDICATOR_PRIVATE, new TypingIndicator(this.sender, true));
		GatewayMessage expectedFalse = GatewayMessage.toUsers(List.of(this.recipient),
				ClientEvents.TYPING_INDICATOR_PRIVATE, new TypingIndicator(this.sender, false));
		for (String gateway : List.of(this.gwA, this.gwB)) {
			assertThat(fanout.awaitOn(Channels.gateway(gateway), WAIT, m -> true)).isEqualTo(expectedTrue);
		}
		long started = System.nanoTime();
		for (String gateway : List.of(this.gwA, this.gwB)) {
			fanout.awaitOn(Channels.gateway(gateway), WAIT, expectedFalse::equals);
		}
		Duration expiry = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("[TypingIT] isTyping:false after %d ms (timeout %d ms)%n", expiry.toMillis(),
				TYPING_TIMEOUT.toMillis());
		assertThat(fanout.messagesOn(Channels.gateway(this.gwA))).containsExactly(expectedTrue, expectedFalse);
		assertThat(Json.tree(expectedFalse.data())).isEqualTo(Json.tree(Map.of("fromUserId", this.sender, "isTyping", false)));
	}

	@Test
	void stoppingTypingClearsTheExpiry() throws InterruptedException {
		produce(typing(true));
		produce(typing(false));
		fanout.awaitOn(Channels.gateway(this.gwA), WAIT,
				m -> !Json.convert(m.data(), TypingIndicator.class).isTyping());
		Thread.sleep(TYPING_TIMEOUT.multipliedBy(2).toMillis()); // an expiry would have fired by now
		assertThat(fanout.messagesOn(Channels.gateway(this.gwA)))
			.extracting(m -> Json.convert(m.data(), TypingIndicator.class).isTyping())
			.containsExactly(true, false);
	}

	private org.chat.contracts.envelope.Envelope typing(boolean isTyping) {
		return envelope(EventType.TYPING, this.sender, "s1", this.gwA, 1, new Typing(this.recipient, isTyping));
	}

}
