package org.chat.chassis.kafka;

import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledProducerListenerTest {

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(ThrottledProducerListener.class);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final ThrottledProducerListener<String, byte[]> listener = new ThrottledProducerListener<>(this.clock,
			Duration.ofSeconds(10));

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
	}

	private void fail(int records) {
		for (int i = 0; i < records; i++) {
			this.listener.onError(new ProducerRecord<>("chat.messages", "k" + i, new byte[0]), null,
					new TimeoutException("Expiring 32 record(s) for chat.messages-0"));
		}
	}

	@Test
	void aStallOfThousandsOfRecordsIsOneLineAtOnceThenOneLinePerIntervalWithTheCount() {
		fail(5_000);
		assertThat(this.lines.list).hasSize(1);
		assertThat(this.lines.list.get(0).getFormattedMessage()).startsWith("1 record(s) not acknowledged by Kafka")
			.contains("chat.messages", "TimeoutException: Expiring 32 record(s)");

		this.clock.advance(Duration.ofSeconds(9));
		fail(3_000);
		assertThat(this.lines.list).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));
		fail(1);
		assertThat(this.lines.list).hasSize(2);
		// the 4,999 and 3,000 held back, and this one
		assertThat(this.lines.list.get(1).getFormattedMessage()).startsWith("8000 record(s) not acknowledged");
	}

	@Test
	void theFirstSuccessAfterAStallReportsTheFailuresNotLoggedYet() {
		fail(5_000);
		succeed();
		succeed();

		assertThat(this.lines.list).extracting(ILoggingEvent::getFormattedMessage)
			.hasSize(2)
			.last()
			.isEqualTo("Kafka acknowledges records again; 4999 more record(s) were not acknowledged since the last such line");
	}

	@Test
	void successesAloneLogNothing() {
		succeed();
		fail(1);
		succeed();
		assertThat(this.lines.list).hasSize(1);
	}

	private void succeed() {
		this.listener.onSuccess(new ProducerRecord<>("chat.messages", "k", new byte[0]), null);
	}

}
