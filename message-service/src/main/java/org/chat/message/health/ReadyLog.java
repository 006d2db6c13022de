package org.chat.message.health;

import org.chat.contracts.Topics;
import org.chat.message.config.MessagesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** One clear line when the service is up. */
public class ReadyLog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	private final MessagesProperties properties;

	public ReadyLog(MessagesProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "?");
		log.info("message-service ready: consuming {} as group {} ({} listener threads, batches of up to {}), "
				+ "actuator on port {}", Topics.MESSAGES, Topics.MESSAGE_SERVICE_GROUP,
				this.properties.batch().concurrency(), this.properties.batch().maxRecords(), port);
	}

}
