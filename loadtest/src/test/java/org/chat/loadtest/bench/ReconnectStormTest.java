package org.chat.loadtest.bench;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectStormTest {

	@Test
	void failedAttemptsAreGroupedByTheirUnwrappedCauseWithNumbersBlanked() {
		assertThat(ReconnectStorm.cause(new CompletionException(new TimeoutException("no CONNECT answer in 30000 ms"))))
			.isEqualTo("TimeoutException: no CONNECT answer in N ms");
		assertThat(ReconnectStorm.cause(new ConnectException("Connection refused: localhost/127.0.0.1:8081")))
			.isEqualTo(ReconnectStorm.cause(new ConnectException("Connection refused: localhost/127.0.0.2:8082")))
			.isEqualTo("ConnectException: Connection refused: localhost/N.N.N.N:N");
		assertThat(ReconnectStorm.cause(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

}
