package org.chat.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings of an infrastructure main: a {@code --name=value} flag wins over the environment
 * variable {@code CHAT_<NAME>}, which wins over the default. Unknown or malformed flags fail loudly.
 */
public final class LaunchOptions {

	private final Map<String, String> flags;

	private final Map<String, String> env;

	private LaunchOptions(Map<String, String> flags, Map<String, String> env) {
		this.flags = flags;
		this.env = env;
	}

	public static LaunchOptions parse(String[] args, Set<String> knownFlags) {
		return parse(args, knownFlags, System.getenv());
	}

	public static LaunchOptions parse(String[] args, Set<String> knownFlags, Map<String, String> env) {
		Map<String, String> flags = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 3) {
				throw new IllegalArgumentException("expected --name=value, got '" + arg + "'; known: " + knownFlags);
			}
			String name = arg.substring(2, eq);
			if (!knownFlags.contains(name)) {
				throw new IllegalArgumentException("unknown flag --" + name + "; known: " + knownFlags);
			}
			flags.put(name, arg.substring(eq + 1));
		}
		return new LaunchOptions(flags, env);
	}

	/** @param envName full variable name, e.g. {@code CHAT_KAFKA_PORT} */
	public int intValue(String flag, String envName, int defaultValue) {
		String raw = raw(flag, envName);
		if (raw == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(raw.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + flag + " / " + envName + " must be a number, got '" + raw + "'");
		}
	}

	public String stringValue(String flag, String envName, String defaultValue) {
		String raw = raw(flag, envName);
		return raw == null ? defaultValue : raw;
	}

	/** {@code 1}/{@code true} or {@code 0}/{@code false} (any case); anything else fails, naming the source. */
	public boolean booleanValue(String flag, String envName, boolean defaultValue) {
		String raw = raw(flag, envName);
		if (raw == null || raw.isBlank()) {
			return defaultValue;
		}
		return switch (raw.trim().toLowerCase(Locale.ROOT)) {
			case "1", "true" -> true;
			case "0", "false" -> false;
			default -> throw new IllegalArgumentException(
					"--" + flag + " / " + envName + " must be 1, true, 0 or false, got '" + raw + "'");
		};
	}

	public Path pathValue(String flag, String envName, Path defaultValue) {
		String raw = raw(flag, envName);
		return raw == null || raw.isBlank() ? defaultValue : Path.of(raw);
	}

	private String raw(String flag, String envName) {
		String value = flags.get(flag);
		return value != null ? value : env.get(envName);
	}

}
