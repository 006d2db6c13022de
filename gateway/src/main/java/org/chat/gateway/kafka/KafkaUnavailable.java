package org.chat.gateway.kafka;

/** The broker did not take a record in time: clients get {@code unavailable} and may retry. */
public class KafkaUnavailable extends RuntimeException {

	public KafkaUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
