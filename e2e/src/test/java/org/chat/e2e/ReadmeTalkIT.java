package org.chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.USER_LIST;

import java.time.Duration;

import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Terminal;
import org.junit.jupiter.api.Test;

/**
 * The "talk to it" section of the README (docs/E2E.md), done as a person would: two terminals running the
 * documented {@code talk.js}, one per gateway, typing to each other.
 */
@EndToEnd
class ReadmeTalkIT {

	private static final Duration WAIT = JsClient.WAIT;

	@Test
	void twoTerminalsChatThroughTheTwoGateways(Chat chat) {
		String alice = Chat.user("alice");
		String bob = Chat.user("bob");
		JsClient watcher = chat.online(Chat.user("watcher"), chat.a());
		try (Terminal aliceTerminal = Terminal.talk(alice, bob, chat.a());
				Terminal bobTerminal = Terminal.talk(bob, alice, chat.b())) {
			aliceTerminal.awaitLine("connected to " + chat.a() + " as " + alice, WAIT);
			bobTerminal.awaitLine("connected to " + chat.b() + " as " + bob, WAIT);
			// a person reads the prompt before typing; the test waits until presence has both users online
			watcher.await(USER_LIST, l -> Chat.listed(l, alice) && Chat.listed(l, bob));

			aliceTerminal.type("hi bob, this is terminal one");
			bobTerminal.awaitLine(alice + ": hi bob, this is terminal one", WAIT);
			String sent = aliceTerminal.awaitLine("(sent ", WAIT);
			String messageId = sent.substring(sent.indexOf("(sent ") + 6, sent.indexOf(')'));
			aliceTerminal.awaitLine("(delivered " + messageId + ")", WAIT);
			aliceTerminal.awaitLine("(read by " + bob + ")", WAIT);

			bobTerminal.type("hello alice, terminal two here");
			aliceTerminal.awaitLine(bob + ": hello alice, terminal two here", WAIT);

			aliceTerminal.type("x".repeat(4001));
			assertThat(aliceTerminal.awaitLine("(refused: ", WAIT)).contains("payload_too_large");
		}
	}

}
