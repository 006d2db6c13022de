package org.chat.presence.typing;

import java.time.Clock;

import org.chat.contracts.UserIds;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.events.Typing;
import org.chat.contracts.json.ContractViolation;
import org.chat.presence.metrics.PresenceMetrics;
import reactor.core.publisher.Mono;

/** typing: routes the indicator and arms (isTyping:true) or clears (false) its expiry deadline. */
public class TypingHandler {

	private final TypingDeadlines deadlines;

	private final TypingRouter router;

	private final Clock clock;

	private final PresenceMetrics metrics;

	public TypingHandler(TypingDeadlines deadlines, TypingRouter router, Clock clock, PresenceMetrics metrics) {
		this.deadlines = deadlines;
		this.router = router;
		this.clock = clock;
		this.metrics = metrics;
	}

	public Mono<Void> handle(Envelope envelope) {
		Typing typing = envelope.payloadAs(Typing.class);
		if (!UserIds.isValid(typing.toUserId()) || !UserIds.isValid(envelope.userId())) {
			throw new ContractViolation("typing needs valid userId and toUserId");
		}
		Mono<?> deadline = typing.isTyping()
				? this.deadlines.renew(envelope.userId(), typing.toUserId(), this.clock.millis())
				: this.deadlines.clear(envelope.userId(), typing.toUserId());
		return deadline.then(this.router.route(envelope.userId(), typing.toUserId(), typing.isTyping()));
	}

	/** One poll: every expired isTyping:true becomes isTyping:false at its recipient. @return how many */
	public Mono<Long> expire() {
		return this.deadlines.popExpired(this.clock.millis())
			.concatMap(pair -> this.router.route(pair[0], pair[1], false).thenReturn(pair))
			.count()
			.doOnNext(this.metrics::typingExpired);
	}

}
