package org.chat.message.consume;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.feed.Watermarks;
import org.chat.message.order.ClockSeeder;
import org.chat.message.receipt.DeliveredHandler;
import org.chat.message.receipt.DeliveredHandler.Report;
import org.chat.message.send.SendHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Processes one polled batch. All sends go first, in one bulk insert; then all delivery reports, in one bulk
 * update; then every other record, in order within its partition (partitions in parallel). Running sends
 * first is safe: a delivery report or query only gains from seeing them, and a read leaves out messages
 * stored by records after it in its partition. Delivery reports commute with everything but their send
 * (deliveredAt is set once, a sync racing a report aside: see MessageStore#markDeliveredAll, and nothing else
 * reads it), so they need no place in the partition order. As soon as the sends are stored, before their
 * fan-out, the partitions' watermarks move past the batch (what sync tokens rest on: only sends write what sync
 * reads; a failure later in the batch retries it, and its writes are idempotent).
 */
public class BatchProcessor {

	private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

	private final ClockSeeder seeder;

	private final SendHandler sends;

	private final DeliveredHandler delivered;

	private final RecordDispatcher dispatcher;

	private final Watermarks watermarks;

	public BatchProcessor(ClockSeeder seeder, SendHandler sends, DeliveredHandler delivered,
			RecordDispatcher dispatcher, Watermarks watermarks) {
		this.seeder = seeder;
		this.sends = sends;
		this.delivered = delivered;
		this.dispatcher = dispatcher;
		this.watermarks = watermarks;
	}

	public Mono<Void> process(List<ConsumerRecord<String, byte[]>> records) {
		return processDecoded(RecordDecoder.decode(records));
	}

	public Mono<Void> processDecoded(List<InboundRecord> records) {
		List<InboundRecord> sendRecords = records.stream().filter(r -> r.type() == EventType.MESSAGE_SEND).toList();
		List<Report> reports = reports(records);
		Map<Integer, List<InboundRecord>> others = records.stream()
			.filter(r -> r.type() != EventType.MESSAGE_SEND && r.type() != EventType.MESSAGE_DELIVERED)
			.collect(Collectors.groupingBy(InboundRecord::partition, TreeMap::new, Collectors.toList()));
		// the watermarks move once the sends are stored, feeds included (all that sync reads), and before their
		// fan-out looks up routes: a session that becomes routable after that lookup syncs after the raise.
		// A receipt is written only after its message was stored and fanned out, so receipts of messages sent in
		// earlier batches run beside the sends: the batch takes the longer chain of round trips, not the sum.
		// One of a send in this very batch (a redelivery after a crash) still waits for that send.
		Set<String> sentNow = messageIds(sendRecords);
		Map<Boolean, List<Report>> ofThisBatch = reports.stream()
			.collect(Collectors.partitioningBy(r -> sentNow.contains(r.messageId())));
		return this.seeder.seedIfNeeded()
			.then(Mono.when(this.sends.handle(sendRecords, this.watermarks.raise(upTo(records))),
					this.delivered.handleAll(ofThisBatch.get(false))))
			.then(this.delivered.handleAll(ofThisBatch.get(true)))
			.then(Flux.fromIterable(others.values())
				.flatMap(partition -> Flux.fromIterable(partition).concatMap(this.dispatcher::dispatch))
				.then());
	}

	private static Set<String> messageIds(List<InboundRecord> sends) {
		Set<String> ids = new HashSet<>();
		for (InboundRecord send : sends) {
			try {
				ids.add(send.payload(SendMessage.class).messageId());
			}
			catch (ContractViolation ex) {
				// skipped and logged by the send handler
			}
		}
		return ids;
	}

	/** Per partition, the offset after the batch's last record. */
	private static Map<Integer, Long> upTo(List<InboundRecord> records) {
		Map<Integer, Long> upTo = new TreeMap<>();
		records.forEach(r -> upTo.merge(r.partition(), r.offset() + 1, Math::max));
		return upTo;
	}

	private static List<Report> reports(List<InboundRecord> records) {
		List<Report> reports = new ArrayList<>();
		for (InboundRecord record : records) {
			if (record.type() != EventType.MESSAGE_DELIVERED) {
				continue;
			}
			try {
				reports.add(Report.of(record.userId(), record.payload(MessageDelivered.class)));
			}
			catch (ContractViolation ex) {
				log.warn("Skipping {} {}@{} ({}): {}", record.type().wireName(), record.partition(), record.offset(),
						record.envelope().eventId(), ex.getMessage());
			}
		}
		return reports;
	}

}
