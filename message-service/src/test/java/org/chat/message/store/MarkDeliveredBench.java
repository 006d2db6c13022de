package org.chat.message.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.chat.message.send.PendingSend;
import org.chat.message.send.SendParser;
import org.chat.message.support.BenchMain;
import org.chat.message.support.Harness;
import org.chat.message.support.Records;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A benchmark main, not a test. Stores {@code bench.messages} messages through {@link MessageStore}, then marks
 * them delivered in batches of 500 twice on fresh stores: with the former query shape ({@code _id $in} +
 * {@code deliveredAt: null}, which the embedded store answers by a collection scan) and with
 * {@link MessageStore#markDeliveredAll}; fails if either leaves a message unmarked. Run it as
 * docs/MESSAGE-SERVICE.md shows ({@code -Dbench=store.MarkDeliveredBench}).
 */
public final class MarkDeliveredBench {

	private static final int TOTAL = Integer.getInteger("bench.messages", 20_000);

	private static final int BATCH = 500;

	private MarkDeliveredBench() {
	}

	public static void main(String[] args) {
		BenchMain.run(MarkDeliveredBench::measure);
	}

	private static void measure() {
		run(false); // warm-up
		double after = run(false);
		double before = run(true);
		System.out.printf("[MarkDeliveredBench] %d stored, batches of %d: _id+deliveredAt query %.0f reports/s, "
				+ "_id-only %.0f reports/s (x%.1f)%n", TOTAL, BATCH, before, after, after / before);
	}

	private static double run(boolean conditional) {
		Harness h = new Harness();
		SendParser parser = new SendParser(h.hybridClock);
		List<StoredMessage> all = new ArrayList<>();
		for (int i = 0; i < TOTAL; i++) {
			all.add(parser.parse(Records.send(i % 3, i, "u" + (i % 200), "u" + ((i * 7 + 1) % 200), "m" + i))
				.map(PendingSend::message)
				.orElseThrow());
		}
		for (int i = 0; i < TOTAL; i += BATCH) {
			h.messages.insertAll(all.subList(i, Math.min(TOTAL, i + BATCH))).block(Harness.TIMEOUT);
		}
		long t0 = System.nanoTime();
		long changed = 0;
		for (int i = 0; i < TOTAL; i += BATCH) {
			Map<String, Set<String>> reports = new LinkedHashMap<>();
			for (StoredMessage m : all.subList(i, Math.min(TOTAL, i + BATCH))) {
				reports.computeIfAbsent(m.id(), id -> new HashSet<>()).add(m.recipient());
			}
			changed += (conditional ? formerShape(h, reports) : h.messages.markDeliveredAll(reports, Instant.now()))
				.count()
				.block(Harness.TIMEOUT);
		}
		if (changed != TOTAL) {
			throw new IllegalStateException("changed " + changed + " of " + TOTAL);
		}
		return TOTAL / ((System.nanoTime() - t0) / 1e9);
	}

	/** The query shape before the change, kept here only to compare. */
	private static Flux<StoredMessage> formerShape(Harness h, Map<String, Set<String>> reportersById) {
		Bson undelivered = Filters.and(Filters.in(StoredMessage.ID, reportersById.keySet()),
				Filters.eq(StoredMessage.DELIVERED_AT, null));
		var collection = h.mongo.getCollection(StoredMessage.COLLECTION);
		return collection.flatMapMany(c -> Flux.<Document>from(c.find(undelivered)))
			.map(StoredMessage::from)
			.filter(m -> reportersById.get(m.id()).contains(m.recipient()))
			.collectList()
			.flatMapMany(changed -> collection
				.flatMap(c -> Mono.from(c.updateMany(
						Filters.and(Filters.in(StoredMessage.ID, changed.stream().map(StoredMessage::id).toList()),
								Filters.eq(StoredMessage.DELIVERED_AT, null)),
						Updates.set(StoredMessage.DELIVERED_AT, new Date()))))
				.thenMany(Flux.fromIterable(changed)));
	}

}
