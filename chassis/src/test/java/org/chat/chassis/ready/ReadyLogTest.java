package org.chat.chassis.ready;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyLogTest {

	private final ReadyLog ready = new ReadyLog("consuming chat.presence");

	@Test
	void oneLineWithTheApplicationItsPortAndWhatItDoes() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.application.name", "presence-service")
			.withProperty("local.server.port", "8091");

		assertThat(this.ready.line(env)).isEqualTo("presence-service ready on port 8091: consuming chat.presence");
	}

	@Test
	void theActuatorPortIsNamedOnlyWhenItIsAnotherOne() {
		MockEnvironment same = new MockEnvironment().withProperty("spring.application.name", "gateway")
			.withProperty("local.server.port", "8080")
			.withProperty("local.management.port", "8080");
		assertThat(this.ready.line(same)).isEqualTo("gateway ready on port 8080: consuming chat.presence");

		MockEnvironment env = new MockEnvironment().withProperty("spring.application.name", "gateway")
			.withProperty("local.server.port", "8080")
			.withProperty("local.management.port", "8070");

		assertThat(this.ready.line(env))
			.isEqualTo("gateway ready on port 8080, actuator on port 8070: consuming chat.presence");
	}

}
