package org.chat.loadtest.bench;

import java.util.ArrayList;

import java.util.List;
import java.util.function.Consumer;

import org.chat.loadtest.socketio.SioFrame;
import tools.jackson.databind.JsonNode;
import org.chat.loadtest.socketio.SioFrames;

/**
 * One complete sync of a reconnecting client, as the web client does it: {@code sync_messages} page after page,
 * each asking {@code since} the previous answer's {@code next} token, until {@code hasMore} is false. The token
 * of every ok answer, also an empty one, becomes the client's cursor; nothing else moves it. An answer that is not
 * ok ({@code unavailable}, {@code rate_limited}) leaves the cursor where it was, for the caller to ask again.
 * <p>
 * An ok answer with neither {@code next} nor {@code hasMore} is the original Node.js backend's (a benchmark's
 * baseline): one page, the cursor the id of its last message (the message-id form of {@code since}). An answer
 * with {@code hasMore} but no {@code next} is a broken server and refused.
 */
final class SyncChain {

	/** What an answer did to the chain. */
	enum Step {

		/** Another page was asked for. */
		NEXT_PAGE,
		/** {@code hasMore} was false: the client is synced. */
		DONE,
		/** Not ok: {@link #retry()} asks for the same page again. */
		REFUSED,
		/** Not the answer to this chain's outstanding request. */
		IGNORED

	}

	private final Consumer<String> send;

	private final Consumer<List<String>> received;

	private String cursor;

	private final String since;

	private String refusal;

	private long ackId;

	private long pending = -1;

	private int pages;

	/**
	 * @param cursor the token of the client's last sync answer (null: from the start)
	 * @param firstAckId first Socket.IO ack id to use (each page takes the next)
	 * @param send writes a frame on the client's socket
	 * @param received gets the {@code clientMessageId}s of each page's messages
	 */
	SyncChain(String cursor, long firstAckId, Consumer<String> send, Consumer<List<String>> received) {
		this.cursor = cursor;
		this.since = cursor;
		this.ackId = firstAckId;
		this.send = send;
		this.received = received;
	}

	/** Asks for the first page. */
	void start() {
		ask();
	}

	/** Asks again for the page an answer refused. */
	void retry() {
		ask();
	}

	private void ask() {
		this.pending = this.ackId++;
		this.send.accept(SioFrames.syncMessages(this.pending, this.cursor));
	}

	Step onAck(String frame) {
		if (SioFrame.ackId(frame) != this.pending) {
			return Step.IGNORED;
		}
		this.pending = -1;
		JsonNode answer = SioFrame.data(frame).path(0);
		String next = answer.path("next").stringValue(null);
		boolean original = SioFrame.isOkAck(frame) && next == null && answer.isObject() && !answer.has("hasMore");
		if (original) {
			JsonNode messages = answer.path("messages");
			JsonNode last = messages.path(messages.size() - 1);
			next = last.path("id").isString() ? last.path("id").stringValue() : this.cursor;
		}
		if (!SioFrame.isOkAck(frame) || next == null && !original) {
			this.refusal = SioFrame.isOkAck(frame) ? "no next token"
					: answer.path("error").path("code").stringValue("no code");
			return Step.REFUSED;
		}
		this.pages++;
		List<String> ids = new ArrayList<>();
		answer.path("messages").forEach(m -> {
			if (m.path("clientMessageId").isString()) {
				ids.add(m.path("clientMessageId").stringValue());
			}
		});
		this.received.accept(ids);
		this.cursor = next;
		if (answer.path("hasMore").booleanValue(false)) {
			ask();
			return Step.NEXT_PAGE;
		}
		return Step.DONE;
	}

	/** Why the last refused page was refused: the error's code ({@code unavailable}, {@code rate_limited}, ...). */
	String refusal() {
		return this.refusal;
	}

	String since() {
		return this.since;
	}

	/** The token to sync from next time. */
	String cursor() {
		return this.cursor;
	}

	/** The next free ack id, for the client's next chain. */
	long nextAckId() {
		return this.ackId;
	}

	int pages() {
		return this.pages;
	}

}
