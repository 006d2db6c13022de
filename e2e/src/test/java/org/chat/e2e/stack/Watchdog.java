package org.chat.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A tiny shell process that outlives a crashed test JVM: once the JVM's pid is gone it SIGKILLs every pid still
 * listed in the stack's pid directory. A normal run deletes the pid files itself and then stops the watchdog, so
 * no service JVM is ever left behind, not even when Failsafe's fork is killed.
 */
final class Watchdog implements AutoCloseable {

	private static final String SCRIPT = "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; "
			+ "for f in \"$1\"/*.pid; do [ -f \"$f\" ] && kill -9 \"$(cat \"$f\")\" 2>/dev/null; rm -f \"$f\"; done";

	private final Process process;

	private Watchdog(Process process) {
		this.process = process;
	}

	static Watchdog watch(Path pidDir) {
		try {
			Process p = new ProcessBuilder("sh", "-c", SCRIPT, Long.toString(ProcessHandle.current().pid()),
					pidDir.toAbsolutePath().toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return new Watchdog(p);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the process watchdog", ex);
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
