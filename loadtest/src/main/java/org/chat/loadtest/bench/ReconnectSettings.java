package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The "reconnect to synced" part of the chat bench ({@code -DreconnectClients=…} etc.): {@code clients} extra users
 * that, during the measured window, drop their socket and come back on the other gateway, each time after about
 * {@code pauseMillis} connected (0.5–1.5 times it), and sync until {@code hasMore} is false. Each has a partner on
 * the other gateway writing to it at {@code sendRate} messages/s, so every sync has something to return. 0 clients
 * turns the part off.
 */
record ReconnectSettings(int clients, int pauseMillis, int sendRate) {

	static ReconnectSettings from(Properties p) {
		ReconnectSettings settings = new ReconnectSettings(integer(p, "reconnectClients", 20),
				integer(p, "reconnectPause", 1000), integer(p, "reconnectSendRate", 2));
		if (settings.clients() < 0 || settings.pauseMillis() < 1 || settings.sendRate() < 1) {
			throw new IllegalArgumentException(
					"reconnectClients must be >= 0, reconnectPause and reconnectSendRate positive: " + settings);
		}
		return settings;
	}

	Map<String, Object> describe() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("clients", this.clients);
		d.put("pauseMillis", this.pauseMillis);
		d.put("sendRatePerClient", this.sendRate);
		return d;
	}

	private static int integer(Properties p, String key, int fallback) {
		return Integer.parseInt(p.getProperty(key, Integer.toString(fallback)).trim());
	}

}
