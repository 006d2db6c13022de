package org.chat.message.receipt;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.fanout.ClientPayloads;
import org.chat.message.fanout.Fanout;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import reactor.core.publisher.Mono;

/**
 * Sets {@code deliveredAt} once (only the recipient can) and tells the sender's sessions, only when this
 * call changed it: a repeated report, a redelivery or a second device changes nothing.
 */
public class DeliveredHandler {

	private final MessageStore messages;

	private final Fanout fanout;

	private final Clock clock;

	public DeliveredHandler(MessageStore messages, Fanout fanout, Clock clock) {
		this.messages = messages;
		this.fanout = fanout;
		this.clock = clock;
	}

	/** A recipient's gateway reported the message written to a socket. */
	public Mono<Void> handle(String recipient, MessageDelivered delivered) {
		return markDelivered(Report.of(recipient, delivered).messageId(), recipient);
	}

	/** All reports of one batch at once (bulk store read and write); senders are told per changed message. */
	public Mono<Void> handleAll(List<Report> reports) {
		Map<String, Set<String>> reportersById = new LinkedHashMap<>();
		reports.forEach(r -> reportersById.computeIfAbsent(r.messageId(), id -> new HashSet<>()).add(r.recipient()));
		return this.messages.markDeliveredAll(reportersById, this.clock.instant()).flatMap(this::notifySender).then();
	}

	/** Also used by sync, which counts as delivery. */
	public Mono<Void> markDelivered(String messageId, String recipient) {
		return this.messages.markDelivered(messageId, recipient, this.clock.instant()).flatMap(this::notifySender);
	}

	/** {@code recipient} (the reporting user, from the token) says it got {@code messageId}. */
	public record Report(String messageId, String recipient) {

		public static Report of(String recipient, MessageDelivered delivered) {
			if (delivered.messageId() == null) {
				throw new ContractViolation("delivered without messageId");
			}
			return new Report(delivered.messageId(), recipient);
		}

	}

	private Mono<Void> notifySender(StoredMessage message) {
		return this.fanout.toUser(message.sender(),
				GatewayMessage.toUsers(List.of(message.sender()), ClientEvents.MESSAGE_DELIVERED,
						new ClientPayloads.MessageDelivered(message.id(), message.recipient())));
	}

}
