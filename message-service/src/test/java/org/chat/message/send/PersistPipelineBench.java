package org.chat.message.send;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.chat.message.consume.InboundRecord;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.BenchMain;
import org.chat.message.support.Harness;
import org.chat.message.support.Records;
import reactor.core.publisher.Mono;

/**
 * A benchmark main, not a test. Compares, in the same JVM and moment, the raw embedded store ({@code insertMany}
 * of the same documents) with the whole send pipeline (bulk insert, counters, routing, fan-out to a capturing
 * publisher), so the ratio holds even on a loaded machine. Run it as docs/MESSAGE-SERVICE.md shows
 * ({@code -Dbench=send.PersistPipelineBench}).
 */
public final class PersistPipelineBench {

	private static final int TOTAL = Integer.getInteger("bench.messages", 10_000);

	private static final int BATCH = 500;

	private static final int PAIRS = 200;

	private static final int PARTITIONS = 12;

	private PersistPipelineBench() {
	}

	public static void main(String[] args) {
		BenchMain.run(PersistPipelineBench::measure);
	}

	private static void measure() {
		// the chat bench's shape: 200 pairs, each conversation on one of 12 partitions, offsets counted per partition,
		// so feeds grow as they do under ./chat bench (the cost of appending to a feed must not grow with it)
		List<InboundRecord> records = new ArrayList<>();
		long[] offsets = new long[PARTITIONS];
		for (int i = 0; i < TOTAL; i++) {
			int sender = i % (2 * PAIRS);
			int partition = (sender / 2) % PARTITIONS;
			records.add(Records.send(partition, offsets[partition]++, "u" + sender, "u" + (sender ^ 1), "m" + i));
		}
		Harness raw = new Harness();
		List<Document> docs = records.stream()
			.map(r -> new SendParser(raw.hybridClock).parse(r).orElseThrow().message().toDocument())
			.toList();
		long t0 = System.nanoTime();
		for (int i = 0; i < TOTAL; i += BATCH) {
			List<Document> batch = docs.subList(i, Math.min(TOTAL, i + BATCH));
			raw.mongo.getCollection(StoredMessage.COLLECTION)
				.flatMap(c -> Mono.from(c.insertMany(batch, new InsertManyOptions().ordered(false))))
				.block(Harness.TIMEOUT);
		}
		double rawRate = TOTAL / ((System.nanoTime() - t0) / 1e9);

		Harness service = new Harness();
		for (int u = 0; u < 2 * PAIRS; u += 2) {
			service.routing.online("u" + u, "gw-" + (u % 4));
		}
		long t1 = System.nanoTime();
		for (int i = 0; i < TOTAL; i += BATCH) {
			service.processor.processDecoded(records.subList(i, Math.min(TOTAL, i + BATCH))).block(Harness.TIMEOUT);
		}
		double pipelineRate = TOTAL / ((System.nanoTime() - t1) / 1e9);
		System.out.printf("[PersistPipelineBench] %d messages, batches of %d: raw insertMany %.0f docs/s, "
				+ "send pipeline %.0f messages/s (%.0f%% of raw), %d publishes%n", TOTAL, BATCH, rawRate,
				pipelineRate, 100 * pipelineRate / rawRate, service.published.publishes().size());
	}

}
