package org.chat.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The gateways' dev signing secret, kept with the data so tokens stay valid across restarts. */
final class DevSecret {

	private DevSecret() {
	}

	static String in(Path dataDir) {
		Path file = dataDir.resolve("dev-jwt-secret");
		try {
			if (Files.isRegularFile(file) && Files.size(file) > 0) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(dataDir);
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			String secret = HexFormat.of().formatHex(bytes);
			Files.writeString(file, secret);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// the directory's own permissions protect it
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create " + file, ex);
		}
	}

}
