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
import org.chat.contracts.json.RawJson;
import org.chat.message.fanout.ClientPayloads;
import org.chat.message.fanout.Fanout;
import org.chat.message.fanout.FanoutBatch;
import org.chat.message.store.DeliveredMessage;
import org.chat.message.store.MessageStore;
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
		return handleAll(List.of(Report.of(recipient, delivered)));
	}

	/**
	 * All reports of one batch (or one sync page, which counts as delivery) at once: one store read and one
	 * write, one routing lookup for all senders, one publish per gateway with the notices in report order.
	 */
	public Mono<Void> handleAll(List<Report> reports) {
		if (reports.isEmpty()) {
			return Mono.empty();
		}
		Map<String, Set<String>> reportersById = new LinkedHashMap<>();
		reports.forEach(r -> reportersById.computeIfAbsent(r.messageId(), id -> new HashSet<>()).add(r.recipient()));
		return this.messages.markDeliveredAll(reportersById, this.clock.instant())
			.collectList()
			.flatMap(changed -> notifySenders(inReportOrder(reportersById, changed)));
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

	private static List<DeliveredMessage> inReportOrder(Map<String, Set<String>> reportersById,
			List<DeliveredMessage> changed) {
		Map<String, DeliveredMessage> byId = new LinkedHashMap<>();
		changed.forEach(m -> byId.put(m.id(), m));
		return reportersById.keySet().stream().map(byId::get).filter(m -> m != null).toList();
	}

	private Mono<Void> notifySenders(List<DeliveredMessage> changed) {
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		List<String> senders = changed.stream().map(DeliveredMessage::sender).distinct().toList();
		return this.fanout.routes(senders).flatMap(routes -> {
			FanoutBatch batch = new FanoutBatch();
			for (DeliveredMessage m : changed) {
				// data serialized straight to its JSON, not through a tree
				batch.toUser(routes, m.sender(), GatewayMessage.toUsers(List.of(m.sender()),
						ClientEvents.MESSAGE_DELIVERED, RawJson.of(new ClientPayloads.MessageDelivered(m.id(), m.recipient()))));
			}
			return this.fanout.publish(batch);
		});
	}

}
