package org.chat.message.consume;

import java.util.List;
import java.util.Map;
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
 * only gains from seeing them, and a read leaves out messages stored by records after it in its partition.
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
		return this.seeder.seedIfNeeded()
			.then(this.sends.handle(sendRecords))
			.then(Flux.fromIterable(others.values())
				.flatMap(partition -> Flux.fromIterable(partition).concatMap(this.dispatcher::dispatch))
				.then());
	}

}
