package org.chat.gateway.lifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The id this gateway publishes under: configured, or the host name plus a random suffix (unique per process). */
public record GatewayId(String value) {

	public static GatewayId of(GatewayProperties properties) {
		if (properties.id() != null && !properties.id().isBlank()) {
			return new GatewayId(properties.id());
		}
		String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		return new GatewayId(hostName() + "-" + suffix);
	}

	private static String hostName() {
		try {
			String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "");
			return host.isEmpty() ? "gateway" : host.substring(0, Math.min(host.length(), 48));
		}
		catch (UnknownHostException ex) {
			return "gateway";
		}
	}

}
