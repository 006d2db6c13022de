package org.chat.message.consume;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.envelope.EventType;
import org.chat.message.order.ClockSeeder;
import org.chat.message.send.SendHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Processes one polled batch. All sends go first, in one bulk insert; then every other record, in order
 * within its partition (partitions in parallel). Running sends first is safe: a delivery report or query
 * only gains from seeing them, and a read excludes the sends that follow it in its partition.
 */
public class BatchProcessor {

	private final ClockSeeder seeder;

	private final SendHandler sends;

	private final RecordDispatcher dispatcher;

	public BatchProcessor(ClockSeeder seeder, SendHandler sends, RecordDispatcher dispatcher) {
		this.seeder = seeder;
		this.sends = sends;
		this.dispatcher = dispatcher;
	}

	public Mono<Void> process(List<ConsumerRecord<String, byte[]>> records) {
		return processDecoded(RecordDecoder.decode(records));
	}

	public Mono<Void> processDecoded(List<InboundRecord> records) {
		List<InboundRecord> sendRecords = records.stream().filter(r -> r.type() == EventType.MESSAGE_SEND).toList();
		Map<Integer, List<InboundRecord>> others = records.stream()
			.filter(r -> r.type() != EventType.MESSAGE_SEND)
			.collect(Collectors.groupingBy(InboundRecord::partition, TreeMap::new, Collectors.toList()));
		boolean anyRead = records.stream().anyMatch(r -> r.type() == EventType.MESSAGES_READ);
		List<SendRef> refs = anyRead ? sendRecords.stream().flatMap(r -> SendRef.of(r).stream()).toList() : List.of();
		return this.seeder.seedIfNeeded()
			.then(this.sends.handle(sendRecords))
			.then(Flux.fromIterable(others.values())
				.flatMap(partition -> Flux.fromIterable(partition)
					.concatMap(record -> this.dispatcher.dispatch(record, laterSendIds(refs, record))))
				.then());
	}

	/** Sends to the reader after {@code read} in its partition: stored already, but they stay unread. */
	private static Set<String> laterSendIds(List<SendRef> sends, InboundRecord read) {
		if (read.type() != EventType.MESSAGES_READ) {
			return Set.of();
		}
		return sends.stream()
			.filter(s -> s.partition() == read.partition() && s.offset() > read.offset()
					&& s.recipient().equals(read.userId()))
			.map(SendRef::messageId)
			.collect(Collectors.toSet());
	}

}
