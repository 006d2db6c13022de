package org.chat.infra.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Readiness probe: Redis is ready once PING answers PONG (not LOADING while it replays its file). */
final class RedisPing {

	private static final long READY_TIMEOUT_MILLIS = 20_000;

	private static final int POLL_MILLIS = 20;

	private RedisPing() {
	}

	static void awaitReady(int port, Process process) throws IOException {
		long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
		while (System.currentTimeMillis() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("redis-server exited with status " + process.exitValue() + " before it was ready");
			}
			if (pong(port)) {
				return;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for redis-server", e);
			}
		}
		throw new IOException("redis-server on port " + port + " not ready after " + READY_TIMEOUT_MILLIS + " ms");
	}

	static boolean pong(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(RedisSettings.HOST, port), 500);
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return "+PONG".equals(reply);
		}
		catch (IOException e) {
			return false;
		}
	}

}
