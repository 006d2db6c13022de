package org.chat.gateway.engineio;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;

/**
 * The one timer of all sessions (pings, pong deadlines, connect timeouts): a hashed wheel with one thread,
 * so an idle connection costs one small timeout object rather than a thread or a scheduled-executor task.
 */
public final class HeartbeatTimer implements AutoCloseable {

	private final HashedWheelTimer wheel;

	/** @param tick timer resolution: deadlines fire up to one tick late */
	public HeartbeatTimer(Duration tick) {
		this.wheel = new HashedWheelTimer(runnable -> {
			Thread thread = new Thread(runnable, "engine-heartbeat");
			thread.setDaemon(true);
			return thread;
		}, Math.max(1, tick.toMillis()), TimeUnit.MILLISECONDS, 1024);
	}

	/** A resolution of 1/100 of the ping interval, between 1 and 10 ms. */
	public static Duration tickFor(Duration pingInterval) {
		return Duration.ofMillis(Math.min(10, Math.max(1, pingInterval.toMillis() / 100)));
	}

	public Timeout schedule(Runnable task, long delayNanos) {
		return wheel.newTimeout(timeout -> task.run(), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
	}

	@Override
	public void close() {
		wheel.stop();
	}

}
