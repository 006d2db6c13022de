package org.chat.e2e.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/** Ends a Node child the way it expects: EOF on its stdin, then a forced kill if it lingers. */
final class ChildProcesses {

	private ChildProcesses() {
	}

	static void closeGently(OutputStream stdin, Process process) {
		try {
			stdin.close();
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
