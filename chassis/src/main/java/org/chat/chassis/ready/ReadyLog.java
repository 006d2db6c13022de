package org.chat.chassis.ready;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * One line per service once it is ready, in the same shape everywhere:
 * {@code <application> ready on port <port>[, actuator on port <port>]: <what it does>}.
 */
public class ReadyLog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	private final String summary;

	/** @param summary what this instance does, with the settings that matter when reading its logs */
	public ReadyLog(String summary) {
		this.summary = summary;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		log.info(line(event.getApplicationContext().getEnvironment()));
	}

	String line(Environment env) {
		String port = env.getProperty("local.server.port", "?");
		StringBuilder line = new StringBuilder()
			.append(env.getProperty("spring.application.name", "application"))
			.append(" ready on port ")
			.append(port);
		String management = env.getProperty("local.management.port");
		if (management != null && !management.equals(port)) {
			line.append(", actuator on port ").append(management);
		}
		return line.append(": ").append(this.summary).toString();
	}

}
