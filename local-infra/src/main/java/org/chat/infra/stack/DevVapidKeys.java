package org.chat.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chat.infra.supervise.ProcessSpec;

/**
 * The dev VAPID key pair of the local notification-service, made at the first start by the service's own generator
 * ({@code GenerateVapidKeys}, run from its jar) and kept with the data like the dev JWT secret: a browser's push
 * subscription is bound to the public key it subscribed with, so new keys at every start would orphan them.
 *
 * @param publicKey base64url uncompressed P-256 point: the notification-service signs with the pair, the gateways
 *     serve this half to the web page
 * @param privateKey base64url private scalar, for the notification-service only
 */
record DevVapidKeys(String publicKey, String privateKey) {

	/** No keys: for listing the stack's processes, and a stack without the notification-service. */
	static final DevVapidKeys NONE = new DevVapidKeys("", "");

	static final String FILE = "dev-vapid-keys";

	/** The generator's output lines, kept as they are in the file. */
	static final String PUBLIC = "CHAT_PUSH_WEBPUSH_PUBLIC_KEY";

	static final String PRIVATE = "CHAT_PUSH_WEBPUSH_PRIVATE_KEY";

	/** The keys in {@code dataDir}, generated with {@code notificationJar} when there are none yet. */
	static DevVapidKeys in(Path dataDir, Path notificationJar) {
		Path file = dataDir.resolve(FILE);
		try {
			if (!Files.isRegularFile(file) || Files.size(file) == 0) {
				Files.createDirectories(dataDir);
				Files.writeString(file, generate(notificationJar));
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					// the directory's own permissions protect it
				}
			}
			Map<String, String> lines = parse(Files.readAllLines(file));
			if (!lines.containsKey(PUBLIC) || !lines.containsKey(PRIVATE)) {
				throw new IllegalStateException(file + " lacks " + PUBLIC + " or " + PRIVATE + ": delete it to get new keys");
			}
			return new DevVapidKeys(lines.get(PUBLIC), lines.get(PRIVATE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create " + file, ex);
		}
	}

	private static String generate(Path notificationJar) throws IOException {
		if (!Files.isRegularFile(notificationJar)) {
			throw new IllegalStateException(notificationJar + " is missing (./mvnw -DskipTests package)");
		}
		Process process = new ProcessBuilder(ProcessSpec.java(), "-cp", notificationJar.toString(),
				"-Dloader.main=org.chat.notification.provider.webpush.GenerateVapidKeys",
				"org.springframework.boot.loader.launch.PropertiesLauncher")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("generating the dev VAPID keys failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while generating the dev VAPID keys");
		}
		return output;
	}

	private static Map<String, String> parse(List<String> lines) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : lines) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
			}
		}
		return values;
	}

}
