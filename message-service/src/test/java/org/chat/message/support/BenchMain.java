package org.chat.message.support;

/**
 * Runs the body of a benchmark main and ends the JVM with its outcome: 0, or 1 after the stack trace. Without
 * the exit, the in-process Mongo server's (and TestInfra's) threads would keep it running after the figures.
 */
public final class BenchMain {

	/** What a benchmark measures and prints. */
	@FunctionalInterface
	public interface Body {

		void run() throws Exception;

	}

	private BenchMain() {
	}

	public static void run(Body body) {
		int status = 0;
		try {
			body.run();
		}
		catch (Throwable failure) {
			failure.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

}
