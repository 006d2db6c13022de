package org.chat.contracts.events;

import java.util.Map;

import org.chat.contracts.json.ContractViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncTokenTest {

	@Test
	void roundTripsItsPositions() {
		SyncToken token = new SyncToken(Map.of(0, 12L, 11, 4_000_000_000L));
		SyncToken decoded = SyncToken.decode(token.encode());
		assertThat(decoded).isEqualTo(token);
		assertThat(decoded.position(11)).isEqualTo(4_000_000_000L);
		assertThat(decoded.position(5)).as("a partition it does not name").isZero();
		assertThat(SyncToken.decode(SyncToken.START.encode()).positions()).isEmpty();
	}

	@Test
	void isNeverAMessageId() {
		assertThat(SyncToken.isToken(SyncToken.START.encode())).isTrue();
		assertThat(SyncToken.isToken("65a1b2c3d4e5f60718293a4b")).isFalse();
	}

	@Test
	void readsTheEmptyTokenAndOnePair() {
		assertThat(SyncToken.decode("t1.").positions()).isEmpty();
		assertThat(SyncToken.decode("t1.MDox").positions()).isEqualTo(Map.of(0, 1L));
	}

	// a message id, bad base64, "0:", "-1:2", a partition twice, "a:b"
	@ParameterizedTest
	@ValueSource(strings = { "65a1b2c3d4e5f60718293a4b", "t1.!!", "t1.MDo", "t1.LTE6Mg", "t1.MDoxLDA6Mg", "t1.YTpi" })
	void rejectsWhatItDidNotWrite(String bad) {
		assertThatThrownBy(() -> SyncToken.decode(bad)).isInstanceOf(ContractViolation.class)
			.hasMessageContaining("sync token");
	}

	@Test
	void rejectsOversizedInputWithoutDecodingIt() {
		assertThatThrownBy(() -> SyncToken.decode("t1." + "A".repeat(SyncToken.MAX_LENGTH)))
			.isInstanceOf(ContractViolation.class);
	}

}
