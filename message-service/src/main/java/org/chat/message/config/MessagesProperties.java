package org.chat.message.config;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.chat.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chat.messages.*}: topic layout, query limits and fan-out settings (the consumer's are
 * {@code chat.kafka.consumer.*}, the same in every consuming service).
 *
 * @param partitions partitions of chat.messages when this service creates it (bounds scale-out)
 * @param replicationFactor replication factor when this service creates the topic
 * @param historyDefaultLimit history page size when the client gives none
 * @param historyMaxLimit largest history page a client may ask for
 * @param syncPageSize sync page size (default and maximum)
 * @param fanoutTimeout longest a Redis lookup/publish may take before the delivery is given up (sync recovers it)
 * @param feedDirectoryCache feed buckets this instance remembers as listed in their feed's directory, so appends
 *        skip rewriting it (about 100 bytes each)
 * @param queryDeadline a query older than this when its turn comes is skipped, unanswered: its gateway has answered
 *        {@code unavailable} by then. Keep it at the gateways' {@code chat.gateway.reply-timeout} (10 s by default)
 */
@Validated
@ConfigurationProperties("chat.messages")
public record MessagesProperties(@DefaultValue("" + Topics.DEFAULT_PARTITIONS) @Min(1) int partitions,
		@DefaultValue("1") @Min(1) @Max(32767) int replicationFactor, @DefaultValue("50") @Min(1) int historyDefaultLimit,
		@DefaultValue("100") @Min(1) @Max(1000) int historyMaxLimit, @DefaultValue("100") @Min(1) @Max(1000) int syncPageSize,
		@NotNull @DefaultValue("2s") Duration fanoutTimeout, @DefaultValue("100000") @Min(0) long feedDirectoryCache,
		@NotNull @DefaultValue("10s") Duration queryDeadline) {

	@AssertTrue(message = "historyDefaultLimit must not exceed historyMaxLimit")
	boolean isHistoryLimitConsistent() {
		return this.historyDefaultLimit <= this.historyMaxLimit;
	}

}
