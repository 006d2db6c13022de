package org.chat.presence.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One clear line once the service is ready, with the settings that matter when reading its logs. */
@Component
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		Environment env = event.getApplicationContext().getEnvironment();
		PresenceProperties p = event.getApplicationContext().getBean(PresenceProperties.class);
		log.info("presence-service ready: port={} kafka={} redis={}:{} sweep={} user-list window={} cap={} "
				+ "typing timeout={}", env.getProperty("local.server.port"),
				env.getProperty("spring.kafka.bootstrap-servers"), env.getProperty("spring.data.redis.host"),
				env.getProperty("spring.data.redis.port"), p.sweep().interval(), p.userList().window(),
				p.userList().cap(), p.typing().timeout());
	}

}
