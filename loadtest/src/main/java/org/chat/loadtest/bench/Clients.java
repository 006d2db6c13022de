package org.chat.loadtest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

import org.chat.loadtest.socketio.SioFrames;
import org.chat.loadtest.tokens.TokenSettings;
import org.chat.loadtest.tokens.TokenSource;

/** The bench's one HTTP client (two threads: the client shares the two cores with the stack) and its helpers. */
final class Clients implements AutoCloseable {

	private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "bench-client");
		thread.setDaemon(true);
		return thread;
	});

	// HTTP/1.1: the JDK's default asks for an h2c upgrade, and the Node.js original's engine.io destroys a
	// connection with an Upgrade header it does not serve, so the bench could not run against it
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(this.executor).build();

	/** Signed here when a key is configured (-DjwtSecret / -DjwtPrivateKey), else asked from the gateway's dev mode. */
	final TokenSource tokens;

	Clients(TokenSettings tokenSettings) {
		this.tokens = tokenSettings.signer().<TokenSource>map(signer -> signer).orElseGet(() -> new DevTokens(this.http));
	}

	static URI socketUri(URI gateway) {
		String scheme = "https".equals(gateway.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + gateway.getRawAuthority() + SioFrames.WS_PATH);
	}

	/** Runs {@code count} async tasks with at most {@code parallel} in flight; failures stay in the futures. */
	static <T> List<CompletableFuture<T>> bounded(int count, int parallel, IntFunction<CompletableFuture<T>> task)
			throws InterruptedException {
		Semaphore permits = new Semaphore(parallel);
		CompletableFuture<T>[] futures = newArray(count);
		for (int i = 0; i < count; i++) {
			permits.acquire();
			CompletableFuture<T> future;
			try {
				future = task.apply(i);
			}
			catch (RuntimeException ex) {
				future = CompletableFuture.failedFuture(ex);
			}
			futures[i] = future;
			future.whenComplete((value, error) -> permits.release());
		}
		return List.of(futures);
	}

	@SuppressWarnings("unchecked")
	private static <T> CompletableFuture<T>[] newArray(int count) {
		return new CompletableFuture[count];
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
