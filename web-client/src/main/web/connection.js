// The Socket.IO session: connect with the token, re-register and resynchronise on every
// (re)connect, request/ack with timeouts, and sends that survive a gateway restart.

const REQUEST_TIMEOUT_MS = 15000;
const SEND_ATTEMPTS = 8;

/** A failed ack `{ ok: false, error: { code, message } }`, or a timeout (code `timeout`). */
export class AckError extends Error {
  constructor(event, code, message) {
    super(message || code);
    this.event = event;
    this.code = code;
  }
}

// Worth another try with the same clientMessageId; anything else (bad input) would fail again.
const RETRYABLE = new Set(['unavailable', 'timeout', 'disconnected', 'rate_limited']);
const retryable = (e) => RETRYABLE.has(e.code);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChatConnection {
  /**
   * @param io the socket.io-client `io` function
   * @param session { token, userId, name }
   * @param on callbacks: status(text), connected(isReconnect), unauthorized(), synced(messages), server events by name
   * @param cursor { get(), set(token), clear() }: the `next` token of the last sync answer, kept as it came. Only
   *   sync answers move it: live fan-out is at-most-once and unordered across conversations, so a message seen
   *   live says nothing about the ones before it.
   * @param url the gateway (the page's own origin in the browser)
   */
  constructor(io, session, on, cursor, url = location.origin) {
    this.on = on;
    this.cursor = cursor;
    this.session = session;
    this.connectedOnce = false;
    this.socket = io(url, {
      transports: ['websocket'],
      auth: { token: session.token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.socket.on('connect', () => this.#onConnect());
    this.socket.on('disconnect', (reason) => {
      on.status('Reconnecting…');
      // The server closed us on purpose (e.g. it is shutting down): socket.io will not retry by itself.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') return on.unauthorized();
      on.status('Reconnecting…');
      if (!this.socket.active) setTimeout(() => this.socket.connect(), 2000);
    });
    for (const event of ['user_list', 'receive_private_message', 'message_delivered', 'typing_indicator_private',
      'messages_read_update', 'unread_count_update', 'unread_counts', 'chat_error']) {
      this.socket.on(event, (payload) => on[event]?.(payload));
    }
  }

  get connected() {
    return this.socket.connected;
  }

  async #onConnect() {
    const isReconnect = this.connectedOnce;
    this.connectedOnce = true;
    this.on.status('Connected');
    try {
      // Fire-and-forget like the original app: a failure comes back as `chat_error`.
      this.socket.emit('register_user', { name: this.session.name });
      this.socket.emit('request_user_list');
      this.socket.emit('get_unread_counts');
      if (isReconnect || this.cursor.get()) await this.#syncUntilDone();
      this.on.connected(isReconnect);
    } catch (e) {
      if (e.code !== 'disconnected') this.on.error(e); // dropped again: the next connect syncs
    }
  }

  /**
   * Emits with an ack; resolves with the ack, rejects with AckError on `ok: false`, on timeout, or at
   * once when the connection drops (a retry need not wait out the timeout after a gateway restart).
   */
  request(event, payload, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (!this.socket.connected) return Promise.reject(new AckError(event, 'disconnected', 'not connected'));
    return new Promise((resolve, reject) => {
      const onDrop = () => reject(new AckError(event, 'disconnected', 'connection lost'));
      this.socket.once('disconnect', onDrop);
      this.socket.timeout(timeoutMs).emit(event, payload, (err, ack) => {
        this.socket.off('disconnect', onDrop);
        if (err) reject(new AckError(event, 'timeout', `no answer within ${timeoutMs / 1000} s`));
        else if (ack?.ok !== true) reject(new AckError(event, ack?.error?.code ?? 'error', ack?.error?.message));
        else resolve(ack);
      });
    });
  }

  emit(event, payload) {
    if (this.socket.connected) this.socket.emit(event, payload);
  }

  /** Resolves once the message is durable; every retry reuses the clientMessageId, so none doubles it. */
  async send(toUserId, text, clientMessageId) {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#whenConnected();
        return await this.request('send_private_message', { toUserId, text, clientMessageId });
      } catch (e) {
        if (!retryable(e) || attempt >= SEND_ATTEMPTS) throw e;
        await sleep(Math.min(500 * 2 ** (attempt - 1), 5000));
      }
    }
  }

  /**
   * Everything sent to me that no earlier sync answer returned, oldest first, page by page. Some of it may have
   * come live already: callers de-duplicate by id.
   */
  async sync() {
    for (;;) {
      const since = this.cursor.get();
      let ack;
      try {
        ack = await this.request('sync_messages', since ? { since } : {});
      } catch (e) {
        // A cursor the server cannot read (e.g. damaged storage) would fail every reconnect: start over instead.
        if (e.code !== 'invalid_payload' || !since) throw e;
        this.cursor.clear();
        continue;
      }
      this.on.synced(ack.messages ?? []);
      this.cursor.set(ack.next);
      if (!ack.hasMore) return;
    }
  }

  /** A sync that times out or finds a backend down is retried while connected: skipping it would lose messages. */
  async #syncUntilDone() {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sync();
      } catch (e) {
        if (!retryable(e) || e.code === 'disconnected') throw e;
        if (attempt === 1) this.on.error(new AckError(e.event, e.code, `${e.message}; retrying`));
        await sleep(Math.min(1000 * 2 ** (attempt - 1), 10000));
      }
    }
  }

  #whenConnected() {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('connect', resolve));
  }

  /** Connects again with a fresh token (the old one was refused). */
  reauthenticate(token) {
    this.session.token = token;
    this.socket.auth = { token };
    this.socket.connect();
  }

  close() {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
