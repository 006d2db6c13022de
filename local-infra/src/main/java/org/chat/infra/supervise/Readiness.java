package org.chat.infra.supervise;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How a supervisor tells that a child is ready: a health endpoint answering 200, or a port accepting connections.
 * Never a log line. {@link #check()} answers within about two seconds.
 */
public sealed interface Readiness {

	Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	/** Passes when the check passes now; otherwise why not, for the error message. */
	Result check();

	static Readiness http(URI uri) {
		return new Http(uri);
	}

	/** A loopback port that accepts a TCP connection. */
	static Readiness port(int port) {
		return new Port(port);
	}

	/** For a child nobody waits on. */
	static Readiness none() {
		return new None();
	}

	record Result(boolean ready, String detail) {

		static final Result READY = new Result(true, "ready");

	}

	record Http(URI uri) implements Readiness {

		private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

		@Override
		public Result check() {
			try {
				HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(this.uri).timeout(PROBE_TIMEOUT).build(),
						HttpResponse.BodyHandlers.ofString());
				return response.statusCode() == 200 ? Result.READY
						: new Result(false, this.uri + " answered " + response.statusCode() + " " + response.body());
			}
			catch (IOException ex) {
				return new Result(false, this.uri + ": " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Result(false, "interrupted");
			}
		}

		@Override
		public String toString() {
			return "GET " + this.uri;
		}

	}

	record Port(int port) implements Readiness {

		@Override
		public Result check() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port),
						(int) PROBE_TIMEOUT.toMillis());
				return Result.READY;
			}
			catch (IOException ex) {
				return new Result(false, "port " + this.port + ": " + ex.getMessage());
			}
		}

		@Override
		public String toString() {
			return "port " + this.port;
		}

	}

	record None() implements Readiness {

		@Override
		public Result check() {
			return Result.READY;
		}

	}

}
