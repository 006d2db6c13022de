package org.chat.e2e.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Node.js child process running {@code driver.js}: the official {@code socket.io-client} 4.x sockets, driven
 * over a line-oriented JSON protocol on its stdin/stdout (documented in driver.js). One driver per test; closing it
 * closes stdin, which disconnects every socket and ends the process.
 */
public final class JsDriver implements AutoCloseable {

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

	private final Process process;

	private final OutputStream stdin;

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final Map<String, EventLog> logs = new ConcurrentHashMap<>();

	private final AtomicLong clientNames = new AtomicLong();

	private JsDriver(Process process) {
		this.process = process;
		this.stdin = process.getOutputStream();
		Thread reader = new Thread(this::readLoop, "js-driver-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts {@code node driver.js} in {@code e2e.js.dir} (where the Maven build ran {@code npm ci}). */
	public static JsDriver start() {
		Path dir = Path.of(System.getProperty("e2e.js.dir", "target/js"));
		if (!Files.isDirectory(dir.resolve("node_modules/socket.io-client"))) {
			throw new IllegalStateException("socket.io-client is not installed in " + dir.toAbsolutePath()
					+ ": run the Maven build without -De2e.npm.skip (it runs npm ci there)");
		}
		Path log = Path.of(System.getProperty("e2e.logs.dir", "target/stack-logs")).resolve("js-driver.log");
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(System.getProperty("e2e.node", "node"), "driver.js")
				.directory(dir.toFile())
				.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new JsDriver(process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start node", ex);
		}
	}

	/** Connects a new socket for {@code userId} and waits until the server accepted it. */
	public JsClient connect(String userId, URI gateway, String token) {
		JsClient client = open(userId, gateway, token);
		JsonNode result = client.connectResult();
		if (!result.path("ok").asBoolean()) {
			throw new AssertionError("connect of " + userId + " to " + gateway + " refused: " + result);
		}
		return client;
	}

	/** Starts connecting a socket; {@link JsClient#connectResult()} tells whether it was accepted. */
	public JsClient open(String userId, URI gateway, String token) {
		return open(userId, gateway, token, null);
	}

	/**
	 * As {@link #open(String, URI, String)}, and the socket emits {@code event(args…)} with an ack from inside its
	 * connect handler, as apps do; the outcome arrives as the event {@code emit_on_connect_ack}.
	 */
	public JsClient openEmittingOnConnect(String userId, URI gateway, String token, String event, Object... args) {
		ObjectNode emit = Payloads.obj("event", event);
		emit.set("args", Payloads.tree(args));
		return open(userId, gateway, token, emit);
	}

	private JsClient open(String userId, URI gateway, String token, ObjectNode emitOnConnect) {
		String name = userId + "#" + this.clientNames.incrementAndGet();
		EventLog log = new EventLog();
		this.logs.put(name, log);
		ObjectNode cmd = Payloads.obj("op", "connect", "client", name, "url", gateway.toString(), "token", token,
				"timeoutMs", JsClient.WAIT.toMillis());
		if (emitOnConnect != null) {
			cmd.set("emitOnConnect", emitOnConnect);
		}
		return new JsClient(this, name, userId, gateway, log, send(cmd));
	}

	CompletableFuture<JsonNode> send(ObjectNode command) {
		long id = this.ids.incrementAndGet();
		command.put("id", id);
		CompletableFuture<JsonNode> result = new CompletableFuture<>();
		this.pending.put(id, result);
		byte[] line = (Payloads.JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8);
		synchronized (this.stdin) {
			try {
				this.stdin.write(line);
				this.stdin.flush();
			}
			catch (IOException ex) {
				this.pending.remove(id);
				throw new UncheckedIOException("js driver is gone", ex);
			}
		}
		return result;
	}

	/** Sends a command and waits for its result line ({@code {ok, value | error}}). */
	JsonNode call(ObjectNode command, Duration timeout) {
		CompletableFuture<JsonNode> result = send(command);
		try {
			return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("js driver gave no result in " + timeout + " for " + command);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
	}

	private void readLoop() {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				dispatch(Payloads.parse(line));
			}
		}
		catch (IOException | RuntimeException ex) {
			this.pending.values().forEach(f -> f.completeExceptionally(ex));
		}
		this.pending.values()
			.forEach(f -> f.completeExceptionally(new IllegalStateException("js driver exited; see js-driver.log")));
	}

	private void dispatch(JsonNode line) {
		if ("event".equals(line.path("type").asString())) {
			EventLog log = this.logs.get(line.path("client").asString());
			if (log != null) {
				log.add(line.path("event").asString(), line.path("args"));
			}
			return;
		}
		CompletableFuture<JsonNode> result = this.pending.remove(line.path("id").asLong());
		if (result != null) {
			result.complete(line);
		}
	}

	@Override
	public void close() {
		ChildProcesses.closeGently(this.stdin, this.process);
	}

}
