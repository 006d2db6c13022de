package org.chat.presence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes chat.presence and owns the presence keys in Redis (sessions, online set, gateway liveness). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PresenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PresenceServiceApplication.class, args);
	}

}
