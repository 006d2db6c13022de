package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resident memory of the gateway processes before and after the bench's clients connected. */
final class Gateways {

	private final List<String> names;

	private final ProcessStats stats;

	private final Map<String, Long> before = new LinkedHashMap<>();

	private final Map<String, Long> after = new LinkedHashMap<>();

	private int connections;

	Gateways(BenchSettings settings, ProcessStats stats) {
		this.names = settings.gateways().stream().map(settings::gatewayProcess).distinct().toList();
		this.stats = stats;
		this.names.forEach(name -> this.before.put(name, stats.rssKib(name)));
	}

	void afterConnect(int totalConnections) {
		this.connections = totalConnections;
		this.names.forEach(name -> this.after.put(name, this.stats.rssKib(name)));
	}

	Map<String, Object> report() {
		Map<String, Object> report = new LinkedHashMap<>();
		int perGateway = this.connections / Math.max(1, this.names.size());
		for (String name : this.names) {
			long rssBefore = this.before.get(name);
			long rssAfter = this.after.getOrDefault(name, -1L);
			Map<String, Object> gateway = new LinkedHashMap<>();
			gateway.put("rssBeforeKib", rssBefore);
			gateway.put("rssAfterConnectKib", rssAfter);
			gateway.put("rssAfterRunKib", this.stats.rssKib(name));
			gateway.put("connections", perGateway);
			gateway.put("rssGrowthPerConnectionKib",
					(rssBefore > 0 && rssAfter > 0 && perGateway > 0) ? (rssAfter - rssBefore) / (double) perGateway : null);
			report.put(name, gateway);
		}
		return report;
	}

}
