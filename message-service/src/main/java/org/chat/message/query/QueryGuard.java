package org.chat.message.query;

import java.util.function.Supplier;

import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.fanout.ClientPayloads.Failure;
import org.chat.message.fanout.Fanout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Queries change nothing, so they never fail the batch: bad input is answered {@code invalid_payload},
 * a failing store {@code unavailable} (the client may retry).
 */
final class QueryGuard {

	private static final Logger log = LoggerFactory.getLogger(QueryGuard.class);

	private QueryGuard() {
	}

	static Mono<Void> answer(Fanout fanout, Envelope envelope, Supplier<Mono<Void>> query) {
		return Mono.defer(query).onErrorResume(ex -> {
			if (ex instanceof ContractViolation) {
				return fanout.reply(envelope, null, null, Failure.of(ErrorCode.INVALID_PAYLOAD, ex.getMessage()));
			}
			log.warn("{} {} failed: {}", envelope.type(), envelope.eventId(), ex.toString());
			return fanout.reply(envelope, null, null,
					Failure.of(ErrorCode.UNAVAILABLE, "message store unavailable, retry later"));
		});
	}

	static int limit(int asked, int byDefault, int max) {
		return asked <= 0 ? byDefault : Math.min(asked, max);
	}

}
