package org.chat.gateway.session;

import java.time.Duration;

import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.json.Json;
import org.chat.gateway.fakes.RecordingAck;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRepliesTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final PendingReplies pending = new PendingReplies(this.time, Duration.ofSeconds(10));

	@Test
	void anUnansweredQueryIsUnavailableAtTheTimeoutAndOnlyOnce() {
		RecordingAck ack = new RecordingAck();
		this.pending.await("e1", "s1", ack);
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(ack.answer()).isEqualTo(Replies.error(ErrorCode.UNAVAILABLE, "no answer in time; retry"));
		assertThat(this.pending.complete("e1", "s1", Json.MAPPER.readTree("{\"ok\":true}"))).isFalse();
		assertThat(ack.count()).isEqualTo(1);
	}

	@Test
	void anAnswerCancelsTheTimeout() {
		RecordingAck ack = new RecordingAck();
		this.pending.await("e1", "s1", ack);
		assertThat(this.pending.complete("e1", "s1", Json.MAPPER.readTree("{\"ok\":true}"))).isTrue();
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(ack.count()).isEqualTo(1);
		assertThat(ack.answer().get("ok").booleanValue()).isTrue();
	}

	@Test
	void aClosedSessionsAcksAreDroppedAndFailureAnswersAtOnce() {
		RecordingAck gone = new RecordingAck();
		RecordingAck failed = new RecordingAck();
		this.pending.await("e1", "s1", gone);
		this.pending.await("e2", "s2", failed);
		this.pending.dropSession("s1");
		this.pending.fail("e2", ErrorCode.UNAVAILABLE, "down");
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(gone.count()).isZero();
		assertThat(failed.answer().at("/error/message").stringValue()).isEqualTo("down");
		assertThat(failed.count()).isEqualTo(1);
		assertThat(this.pending.size()).isZero();
	}

}
