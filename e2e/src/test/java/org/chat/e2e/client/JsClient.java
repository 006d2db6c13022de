package org.chat.e2e.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One official JavaScript socket, seen from the test: emit (with or without ack) and await what it received. */
public final class JsClient {

	/** How long any single expectation may take on a busy 2-core machine ({@code -De2e.wait.seconds}). */
	public static final Duration WAIT = Duration.ofSeconds(Long.getLong("e2e.wait.seconds", 15));

	private final JsDriver driver;

	private final String name;

	private final String userId;

	private final URI gateway;

	private final EventLog log;

	private final CompletableFuture<JsonNode> connected;

	JsClient(JsDriver driver, String name, String userId, URI gateway, EventLog log,
			CompletableFuture<JsonNode> connected) {
		this.driver = driver;
		this.name = name;
		this.userId = userId;
		this.gateway = gateway;
		this.log = log;
		this.connected = connected;
	}

	public String userId() {
		return this.userId;
	}

	public URI gateway() {
		return this.gateway;
	}

	public EventLog log() {
		return this.log;
	}

	/** The driver's answer to the connect: {@code {ok:true, value:{socketId}}} or {@code {ok:false, error}}. */
	public JsonNode connectResult() {
		return get(this.connected, "connect of " + this.name + " (received " + this.log + ")");
	}

	/** Emits with an ack callback and returns the ack's first argument; fails if no ack comes in time. */
	public JsonNode ack(String event, Object... args) {
		JsonNode result = this.driver.call(command(event, true, args), WAIT.plusSeconds(5));
		if (!result.path("ok").asBoolean()) {
			throw new AssertionError(this.name + ": no ack for " + event + " " + List.of(args) + ": "
					+ result.path("error") + "; received " + this.log);
		}
		return result.path("value").path(0);
	}

	/** Emits without an ack callback. */
	public void emit(String event, Object... args) {
		this.driver.call(command(event, false, args), WAIT);
	}

	/**
	 * Emits {@code count} times back to back. With {@code ack}, returns every outcome in emit order:
	 * {@code {ack:[…]}} or {@code {timeout:true}}.
	 */
	public List<JsonNode> burst(String event, int count, boolean ack, Object... args) {
		return get(burstAsync(event, count, ack, false, args), "burst of " + event);
	}

	/**
	 * Starts a burst without waiting for it, so bursts on several sockets overlap. With {@code indexed}, every
	 * {@code {{i}}} inside the arguments becomes that emit's 0-based index.
	 */
	public CompletableFuture<List<JsonNode>> burstAsync(String event, int count, boolean ack, boolean indexed,
			Object... args) {
		ObjectNode cmd = command(event, ack, args);
		cmd.put("op", "burst");
		cmd.put("count", count);
		cmd.put("indexed", indexed);
		return this.driver.send(cmd).thenApply(result -> {
			if (!result.path("ok").asBoolean()) {
				throw new AssertionError(this.name + ": burst failed: " + result);
			}
			return result.path("value").valueStream().toList();
		});
	}

	/** Waits for an async result of this client's driver. */
	public static <T> T get(CompletableFuture<T> future, String what) {
		try {
			return future.get(WAIT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("no result for " + what + " in " + WAIT.plusSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(what + " failed", ex.getCause());
		}
	}

	/** The first {@code event} received (before or after this call). */
	public JsonNode await(String event) {
		return await(event, p -> true);
	}

	public JsonNode await(String event, Predicate<JsonNode> filter) {
		return this.log.awaitPayloads(event, filter, 1, WAIT).get(0);
	}

	public List<JsonNode> await(String event, Predicate<JsonNode> filter, int count) {
		return this.log.awaitPayloads(event, filter, count, WAIT);
	}

	public JsonNode await(String event, Predicate<JsonNode> filter, Duration timeout) {
		return this.log.awaitPayloads(event, filter, 1, timeout).get(0);
	}

	/** The first {@code event} matching {@code filter} among those after the first {@code skip} of that name. */
	public JsonNode awaitAfter(String event, int skip, Predicate<JsonNode> filter) {
		return this.log.awaitPayloads(event, skip, filter, 1, WAIT).get(0);
	}

	/** Every {@code event} received so far (first arguments). */
	public List<JsonNode> received(String event) {
		return this.log.payloads(event);
	}

	public boolean wasDisconnected() {
		return !received("disconnect").isEmpty();
	}

	public void disconnect() {
		this.driver.call(Payloads.obj("op", "disconnect", "client", this.name), WAIT);
	}

	private ObjectNode command(String event, boolean ack, Object... args) {
		ArrayNode arguments = Payloads.JSON.createArrayNode();
		for (Object arg : args) {
			arguments.add(Payloads.tree(arg));
		}
		ObjectNode cmd = Payloads.obj("op", "emit", "client", this.name, "event", event, "ack", ack, "timeoutMs",
				WAIT.toMillis());
		cmd.set("args", arguments);
		return cmd;
	}

	@Override
	public String toString() {
		return this.name + "@" + this.gateway;
	}

}
