package org.chat.infra;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one infrastructure component as the whole life of a JVM: start, log one "ready" line,
 * stay up until SIGTERM/Ctrl-C, then close it cleanly (the shutdown hook runs on TERM and INT).
 */
public final class InfraMain {

	private static final String LOGBACK_CONFIG = "org/chat/infra/logback-infra.xml";

	private InfraMain() {
	}

	/** Must run before the first logger is created, so the quiet infra logging config is used. */
	public static void useInfraLogging() {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
		}
	}

	/** @param start starts the component and returns a description of where it listens plus its handle */
	public static void run(String name, Callable<Running> start) {
		Logger log = LoggerFactory.getLogger(InfraMain.class);
		long began = System.nanoTime();
		Running running;
		try {
			running = start.call();
		}
		catch (IllegalArgumentException e) {
			log.error("{}: {}", name, e.getMessage());
			System.exit(2);
			return;
		}
		catch (Exception e) {
			log.error("{} failed to start", name, e);
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("{} stopping", name);
			try {
				running.handle().close();
			}
			catch (Exception e) {
				log.warn("{} did not stop cleanly", name, e);
			}
			log.info("{} stopped", name);
			stopped.countDown();
		}, name + "-shutdown"));
		log.info("{} ready: {} (started in {} ms)", name, running.description(), (System.nanoTime() - began) / 1_000_000);
		try {
			stopped.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	public record Running(String description, AutoCloseable handle) {
	}

}
