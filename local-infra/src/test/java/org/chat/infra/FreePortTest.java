package org.chat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FreePortTest {

	@Test
	void portsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice() {
		Set<Integer> ports = new HashSet<>();
		IntStream.range(0, 200).forEach(i -> ports.add(FreePort.find()));

		assertThat(ports).hasSize(200).allSatisfy(port -> assertThat(port).isLessThan(FreePort.ephemeralLow()));
	}

	@Test
	void aPortSomethingListensOnOrThatWasHandedOutIsSkipped() throws Exception {
		int handedOut = FreePort.find();
		try (ServerSocket taken = new ServerSocket(0)) {
			int free;
			try (ServerSocket released = new ServerSocket(0)) {
				free = released.getLocalPort();
			}
			Iterator<Integer> candidates = List.of(taken.getLocalPort(), handedOut, free).iterator();

			assertThat(FreePort.find(candidates::next)).isEqualTo(free);
		}
	}

}
