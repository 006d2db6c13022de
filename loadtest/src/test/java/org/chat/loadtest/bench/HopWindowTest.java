package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HopWindowTest {

	@Test
	void sumsTheBucketsOfAHopOverProcessesAndIgnoresOtherSeries() {
		String gateway1 = """
				chat_kafka_produce_seconds_bucket{application="gateway",result="ok",topic="chat.messages",le="0.002"} 3.0
				chat_kafka_produce_seconds_bucket{application="gateway",result="ok",topic="chat.messages",le="+Inf"} 4.0
				chat_kafka_produce_seconds_bucket{application="gateway",result="error",topic="chat.messages",le="0.002"} 50.0
				chat_kafka_produce_seconds_bucket{application="gateway",result="ok",topic="chat.presence",le="0.002"} 70.0
				""";
		String gateway2 = """
				chat_kafka_produce_seconds_bucket{application="gateway",result="ok",topic="chat.messages",le="0.002"} 1.0
				chat_kafka_produce_seconds_bucket{application="gateway",result="ok",topic="chat.messages",le="+Inf"} 1.0
				chat_messages_stage_seconds_bucket{application="message-service",stage="stored",le="0.01"} 5.0
				""";
		Map<String, TreeMap<Double, Double>> sums = new LinkedHashMap<>();

		HopWindow.add(gateway1, HopWindow.MESSAGE, sums);
		HopWindow.add(gateway2, HopWindow.MESSAGE, sums);

		assertThat(sums.get("kafkaAcked")).containsExactly(Map.entry(0.002, 4.0),
				Map.entry(Double.POSITIVE_INFINITY, 5.0));
		assertThat(sums.get("stored")).containsExactly(Map.entry(0.01, 5.0));
		assertThat(sums).doesNotContainKey("consumed");
	}

	@Test
	void aProcessCountsItsOwnIncreaseAndOneRestartedInTheWindowCountsFromZero() {
		TreeMap<Double, Double> survivorStart = new TreeMap<>(Map.of(0.01, 10.0, Double.POSITIVE_INFINITY, 12.0));
		TreeMap<Double, Double> survivorEnd = new TreeMap<>(Map.of(0.01, 15.0, Double.POSITIVE_INFINITY, 40.0));
		// the killed gateway held 15,000 sockets' CONNECTs; restarted, it has answered 3 since
		TreeMap<Double, Double> victimStart = new TreeMap<>(Map.of(0.01, 14000.0, Double.POSITIVE_INFINITY, 15000.0));
		TreeMap<Double, Double> victimEnd = new TreeMap<>(Map.of(0.01, 3.0, Double.POSITIVE_INFINITY, 3.0));

		assertThat(HopWindow.increase(survivorStart, survivorEnd)).containsExactly(Map.entry(0.01, 5.0),
				Map.entry(Double.POSITIVE_INFINITY, 28.0));
		assertThat(HopWindow.increase(victimStart, victimEnd)).containsExactly(Map.entry(0.01, 3.0),
				Map.entry(Double.POSITIVE_INFINITY, 3.0));
	}

	@Test
	void quantilesInterpolateWithinTheirBucketAsHistogramQuantileDoes() {
		TreeMap<Double, Double> cumulative = new TreeMap<>(Map.of(0.010, 50.0, 0.020, 90.0, 0.040, 100.0,
				Double.POSITIVE_INFINITY, 100.0));

		assertThat(HopWindow.quantile(cumulative, 0.50)).isCloseTo(0.010, within(1e-9));
		assertThat(HopWindow.quantile(cumulative, 0.70)).isCloseTo(0.015, within(1e-9));
		assertThat(HopWindow.quantile(cumulative, 0.99)).isCloseTo(0.038, within(1e-9));
	}

	@Test
	void aQuantileBeyondTheLastFiniteBucketIsItsBound() {
		TreeMap<Double, Double> cumulative = new TreeMap<>(Map.of(0.010, 10.0, Double.POSITIVE_INFINITY, 100.0));

		assertThat(HopWindow.quantile(cumulative, 0.99)).isEqualTo(0.010);
	}

	@Test
	void aStackWithoutTheHistogramsSaysSoUnderTheTitle() {
		assertThat(HopWindow.summary("hops:", Map.of()).lines()).containsExactly("hops:",
				"  none: no process of this stack exports these histograms");
	}

}
