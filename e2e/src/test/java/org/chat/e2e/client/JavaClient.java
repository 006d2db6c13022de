package org.chat.e2e.client;

import java.net.URI;
import java.util.Arrays;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The official Java client ({@code io.socket:socket.io-client} 2.x, what Android apps use), wrapped so tests
 * read the same {@link EventLog} as with the JavaScript client. Payloads cross as JSON text both ways.
 */
public final class JavaClient implements AutoCloseable {

	private final Socket socket;

	private final EventLog log = new EventLog();

	private final CompletableFuture<JsonNode> outcome = new CompletableFuture<>();

	private JavaClient(URI gateway, String token) {
		IO.Options options = IO.Options.builder()
			.setTransports(new String[] { WebSocket.NAME })
			.setForceNew(true)
			.setReconnection(false)
			.setTimeout(10_000)
			.setAuth(token == null ? Map.of() : Map.of("token", token))
			.build();
		this.socket = IO.socket(gateway, options);
		this.socket.on(Socket.EVENT_CONNECT, args -> {
			this.log.add(Socket.EVENT_CONNECT, toJson(args));
			this.outcome.complete(Payloads.obj("ok", true));
		});
		this.socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
			this.log.add(Socket.EVENT_CONNECT_ERROR, toJson(args));
			this.outcome.complete(Payloads.obj("ok", false, "error", toJson(args).path(0)));
		});
		this.socket.on(Socket.EVENT_DISCONNECT, args -> this.log.add(Socket.EVENT_DISCONNECT, toJson(args)));
		this.socket.onAnyIncoming(args -> {
			Object[] rest = new Object[args.length - 1];
			System.arraycopy(args, 1, rest, 0, rest.length);
			this.log.add((String) args[0], toJson(rest));
		});
	}

	/** Starts connecting; {@link #connectOutcome()} tells how it ended. */
	public static JavaClient open(URI gateway, String token) {
		JavaClient client = new JavaClient(gateway, token);
		client.socket.connect();
		return client;
	}

	public static JavaClient connect(URI gateway, String token) {
		JavaClient client = open(gateway, token);
		JsonNode outcome = client.connectOutcome();
		if (!outcome.path("ok").asBoolean()) {
			client.close();
			throw new AssertionError("java client refused by " + gateway + ": " + outcome);
		}
		return client;
	}

	/** {@code {ok:true}} or {@code {ok:false, error:<connect_error argument>}}. */
	public JsonNode connectOutcome() {
		return get(this.outcome, "connect outcome");
	}

	public EventLog log() {
		return this.log;
	}

	/** Emits with an ack and returns the ack's first argument. */
	public JsonNode ack(String event, Object... args) {
		CompletableFuture<JsonNode> ack = new CompletableFuture<>();
		this.socket.emit(event, toOrgJson(args), reply -> ack.complete(toJson(reply).path(0)));
		return get(ack, "ack of " + event);
	}

	public JsonNode await(String event) {
		return this.log.awaitPayloads(event, p -> true, 1, JsClient.WAIT).get(0);
	}

	public boolean connected() {
		return this.socket.connected();
	}

	@Override
	public void close() {
		this.socket.close();
	}

	private static Object[] toOrgJson(Object[] args) {
		Object[] converted = new Object[args.length];
		try {
			for (int i = 0; i < args.length; i++) {
				JsonNode node = Payloads.tree(args[i]);
				converted[i] = node.isObject() ? new JSONObject(node.toString())
						: node.isArray() ? new JSONArray(node.toString()) : args[i];
			}
		}
		catch (JSONException ex) {
			throw new IllegalArgumentException("not JSON: " + Arrays.toString(args), ex);
		}
		return converted;
	}

	/** org.json values (JSONObject, JSONArray, JSONObject.NULL, strings, numbers) to one Jackson array. */
	private static JsonNode toJson(Object[] args) {
		ArrayNode array = Payloads.JSON.createArrayNode();
		for (Object arg : args) {
			if (arg instanceof JSONObject || arg instanceof JSONArray) {
				array.add(Payloads.parse(arg.toString()));
			}
			else if (arg == null || arg == JSONObject.NULL) {
				array.addNull();
			}
			else if (arg instanceof Exception ex) {
				array.add(Payloads.obj("message", ex.getMessage(), "exception", ex.getClass().getName()));
			}
			else {
				array.add(Payloads.tree(arg));
			}
		}
		return array;
	}

	private static JsonNode get(CompletableFuture<JsonNode> future, String what) {
		Duration wait = JsClient.WAIT;
		try {
			return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("java client: no " + what + " in " + wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
	}

}
