package org.chat.e2e;

import java.time.Duration;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.JsDriver;
import org.chat.e2e.client.Payloads;
import org.chat.e2e.stack.Stack;

/**
 * Readiness says each process is up, not that the consumer groups have their partitions. One message across the
 * gateways, awaited with a long timeout, lets the first scenario run with the normal short ones. A failure here is
 * printed, not thrown: the scenarios then fail one by one with their exact frames.
 */
final class Warmup {

	private static final Duration FIRST_DELIVERY = Duration.ofSeconds(90);

	private Warmup() {
	}

	static Stack started(Stack stack) {
		long start = System.nanoTime();
		try (JsDriver js = JsDriver.start()) {
			Chat chat = new Chat(stack, js);
			JsClient alice = chat.connect(Chat.user("warmup"), chat.a());
			JsClient bob = chat.connect(Chat.user("warmup"), chat.b());
			alice.emit(ClientEvents.REGISTER_USER, Chat.profile(alice.userId()));
			bob.emit(ClientEvents.REGISTER_USER, Chat.profile(bob.userId()));
			bob.await(ClientEvents.USER_LIST, list -> Chat.listed(list, bob.userId()), FIRST_DELIVERY);
			alice.emit(ClientEvents.SEND_PRIVATE_MESSAGE, Payloads.obj("toUserId", bob.userId(), "text", "warm-up"));
			bob.await(ClientEvents.RECEIVE_PRIVATE_MESSAGE, m -> true, FIRST_DELIVERY);
			System.out.printf("[e2e] warm-up delivery across gateways took %d ms%n",
					Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		catch (AssertionError | RuntimeException ex) {
			System.out.println("[e2e] WARM-UP FAILED (scenarios will report details): " + ex.getMessage());
			System.out.println(stack.logTails(30));
		}
		return stack;
	}

}
