package org.chat.infra.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a real {@code redis-server}: the one on the PATH, else the binary shipped inside the
 * {@code com.github.codemonstur:embedded-redis} jar, extracted once and made executable.
 */
public final class RedisBinary {

	private static final String NAME = "redis-server";

	private static final Pattern VERSION = Pattern.compile("v=(\\d+\\.\\d+\\.\\d+)");

	private RedisBinary() {
	}

	public static Path resolve(Path extractDir) {
		return onPath().orElseGet(() -> extractBundled(extractDir));
	}

	/**
	 * The {@code redis-server} on the PATH if it is at least version {@code major} (Redis 7 brings sharded
	 * pub/sub, which the bundled 6.2 lacks); otherwise a clear error saying what to install.
	 */
	public static Path onPathAtLeast(int major) {
		Path binary = onPath().orElseThrow(() -> new IllegalStateException(
				"no redis-server on the PATH; Redis " + major + "+ is needed (Debian/Ubuntu: apt-get install redis-server)"));
		String version = version(binary);
		if (majorOf(version) < major) {
			throw new IllegalStateException(binary + " is Redis " + version + "; Redis " + major
					+ "+ is needed (Debian/Ubuntu: apt-get install redis-server)");
		}
		return binary;
	}

	/** The version {@code redis-server --version} reports, e.g. {@code 7.0.15}. */
	static String version(Path binary) {
		try {
			Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			Matcher m = VERSION.matcher(out);
			if (!m.find()) {
				throw new IllegalStateException("cannot read the version of " + binary + " from: " + out.strip());
			}
			return m.group(1);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot run " + binary + " --version", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted running " + binary + " --version", e);
		}
	}

	static int majorOf(String version) {
		return Integer.parseInt(version.substring(0, version.indexOf('.')));
	}

	static Optional<Path> onPath() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(java.io.File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, NAME))
			.filter(Files::isExecutable)
			.findFirst();
	}

	static Path extractBundled(Path extractDir) {
		String resource = bundledResourceName();
		Path target = extractDir.resolve(resource);
		try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no redis-server on the PATH and " + resource + " is not on the classpath");
			}
			if (Files.isExecutable(target)) {
				return target;
			}
			Files.createDirectories(extractDir);
			// Copy under a unique name, then rename: concurrent JVMs never run a half-written file.
			Path partial = Files.createTempFile(extractDir, NAME, ".part");
			Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
			if (!partial.toFile().setExecutable(true, false)) {
				throw new IOException("cannot make " + partial + " executable");
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot extract " + resource + " to " + extractDir, e);
		}
	}

	/** The embedded-redis jar ships Redis 6.2 for these platforms. */
	static String bundledResourceName() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		boolean arm = arch.equals("aarch64") || arch.equals("arm64");
		boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
		if (os.contains("linux") && x64) {
			return "redis-server-6.2.6-v5-linux-amd64";
		}
		if (os.contains("linux") && arm) {
			return "redis-server-6.2.7-linux-arm64";
		}
		if (os.contains("linux") && (arch.equals("x86") || arch.equals("i386"))) {
			return "redis-server-6.2.7-linux-386";
		}
		if (os.contains("mac") && x64) {
			return "redis-server-6.2.6-v5-darwin-amd64";
		}
		if (os.contains("mac") && arm) {
			return "redis-server-6.2.6-v5-darwin-arm64";
		}
		throw new IllegalStateException("no bundled redis-server for " + os + "/" + arch + "; put redis-server on the PATH");
	}

}
