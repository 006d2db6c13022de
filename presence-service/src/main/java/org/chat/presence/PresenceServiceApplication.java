package org.chat.presence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumes chat.presence and owns the presence keys in Redis (sessions, online set, gateway liveness). */
@SpringBootApplication
public class PresenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PresenceServiceApplication.class, args);
	}

}
