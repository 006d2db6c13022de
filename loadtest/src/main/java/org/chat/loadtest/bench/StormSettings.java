package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The reconnect storm ({@code ./chat bench storm -DstormClients=…}): {@code clients} sockets on the first gateway,
 * whose process is killed; each reconnects to a survivor after {@code reconnectDelayMillis} × [0.5, 1.5) (doubling
 * after a failed attempt, up to 5 s: socket.io-client's defaults) and syncs; {@code senders} sockets on the
 * survivors write to them at {@code sendRate} messages/s in all (0: no messages); clients not synced within
 * {@code timeoutSeconds} of the kill count as incomplete.
 */
record StormSettings(int clients, int senders, int sendRate, int reconnectDelayMillis, int timeoutSeconds) {

	static StormSettings from(Properties p) {
		StormSettings settings = new StormSettings(integer(p, "stormClients", 15000), integer(p, "stormSenders", 10),
				integer(p, "stormSendRate", 100), integer(p, "stormReconnectDelay", 1000),
				integer(p, "stormTimeout", 180));
		if (settings.clients() < 1 || settings.senders() < 1 || settings.sendRate() < 0
				|| settings.reconnectDelayMillis() < 1 || settings.timeoutSeconds() < 1) {
			throw new IllegalArgumentException("stormClients, stormSenders, stormReconnectDelay and stormTimeout must be "
					+ "positive, stormSendRate >= 0: " + settings);
		}
		return settings;
	}

	Map<String, Object> describe() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("clients", this.clients);
		d.put("senders", this.senders);
		d.put("sendRate", this.sendRate);
		d.put("reconnectDelayMillis", this.reconnectDelayMillis);
		d.put("timeoutSeconds", this.timeoutSeconds);
		return d;
	}

	private static int integer(Properties p, String key, int fallback) {
		return Integer.parseInt(p.getProperty(key, Integer.toString(fallback)).trim());
	}

}
