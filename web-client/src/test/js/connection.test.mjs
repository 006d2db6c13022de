import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatConnection } from '../../main/web/connection.js';

/**
 * A stand-in for socket.io-client's socket: `answer(event, payload)` plays the server for acked requests;
 * `serverEmits(event, payload)` pushes a server event; `drop()` and `reconnect()` play the transport.
 */
function fakeIo(answer) {
  const listeners = new Map();
  const socket = {
    connected: false,
    active: true,
    requests: [],
    on(event, fn) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return socket;
    },
    once(event, fn) {
      const wrapper = (...args) => { socket.off(event, wrapper); fn(...args); };
      return socket.on(event, wrapper);
    },
    off(event, fn) {
      listeners.set(event, (listeners.get(event) ?? []).filter((f) => f !== fn));
      return socket;
    },
    fire(event, ...args) {
      for (const fn of listeners.get(event) ?? []) fn(...args);
    },
    emit(event, payload) {
      socket.requests.push({ event, payload });
    },
    timeout() {
      return {
        emit(event, payload, callback) {
          socket.requests.push({ event, payload });
          Promise.resolve().then(() => answer(event, payload)).then((ack) => callback(null, ack));
        },
      };
    },
    connect() {},
    disconnect() {},
    removeAllListeners() { listeners.clear(); },
  };
  const io = (url, options) => Object.assign(socket, { url, options });
  io.socket = socket;
  io.serverEmits = (event, payload) => socket.fire(event, payload);
  io.connect = () => { socket.connected = true; socket.fire('connect'); };
  io.drop = () => { socket.connected = false; socket.fire('disconnect', 'transport close'); };
  return io;
}

const memoryCursor = (value = null) => ({
  value,
  get() { return this.value; },
  set(token) { if (token) this.value = token; },
  clear() { this.value = null; },
});

/** A connection whose callbacks record what happened; `seen.nextConnected()` resolves at the next `connected`. */
function connection(io, cursor) {
  const seen = { synced: [], live: [], errors: [], waiting: [] };
  seen.nextConnected = () => new Promise((resolve) => seen.waiting.push(resolve));
  const on = {
    status() {},
    error: (e) => seen.errors.push(e),
    synced: (messages) => seen.synced.push(...messages.map((m) => m.id)),
    connected: () => seen.waiting.splice(0).forEach((resolve) => resolve()),
    receive_private_message: (m) => seen.live.push(m.id),
  };
  return { conn: new ChatConnection(io, { token: 't', name: 'Alice' }, on, cursor, 'http://gw-a'), seen };
}

/** Connects (again) and waits until the connection says it is connected, i.e. after its sync. */
async function connectAndWait(io, seen) {
  const connected = seen.nextConnected();
  io.connect();
  await connected;
}

const syncRequests = (io) => io.socket.requests.filter((r) => r.event === 'sync_messages').map((r) => r.payload);

test('sync follows the next tokens page by page and keeps the last one, also from an empty answer', async () => {
  const pages = {
    '': { ok: true, messages: [{ id: 'm1' }, { id: 'm2' }], next: 'T1', hasMore: true },
    T1: { ok: true, messages: [{ id: 'm3' }], next: 'T2', hasMore: false },
    T2: { ok: true, messages: [], next: 'T3', hasMore: false },
  };
  const io = fakeIo((event, payload) => pages[payload.since ?? '']);
  const cursor = memoryCursor();
  const { conn, seen } = connection(io, cursor);
  assert.equal(io.socket.url, 'http://gw-a');
  await connectAndWait(io, seen);
  assert.deepEqual(syncRequests(io), [], 'the first connect without a cursor does not sync');
  io.drop();
  await connectAndWait(io, seen); // a reconnect syncs, from the start
  assert.deepEqual(seen.synced, ['m1', 'm2', 'm3']);
  assert.deepEqual(syncRequests(io), [{}, { since: 'T1' }]);
  assert.equal(cursor.get(), 'T2');
  await conn.sync();
  assert.deepEqual(syncRequests(io).at(-1), { since: 'T2' });
  assert.equal(cursor.get(), 'T3', 'an empty answer still moves the cursor');
});

test('a message received live never moves the cursor', async () => {
  const io = fakeIo((event, payload) => ({ ok: true, messages: [], next: `after-${payload.since}`, hasMore: false }));
  const cursor = memoryCursor('T7');
  const { seen } = connection(io, cursor);
  await connectAndWait(io, seen); // a stored cursor makes even the first connect sync
  assert.equal(cursor.get(), 'after-T7');
  io.serverEmits('receive_private_message', { id: 'm9', sender: 'bob', recipient: 'alice' });
  assert.deepEqual(seen.live, ['m9']);
  assert.equal(cursor.get(), 'after-T7');
  io.drop();
  await connectAndWait(io, seen);
  assert.deepEqual(syncRequests(io), [{ since: 'T7' }, { since: 'after-T7' }]);
});

test('a cursor the server refuses is dropped and the sync starts over', async () => {
  const io = fakeIo((event, payload) => (payload.since === 'garbled'
    ? { ok: false, error: { code: 'invalid_payload', message: 'since is not a sync token' } }
    : { ok: true, messages: [{ id: 'm1' }], next: 'T1', hasMore: false }));
  const cursor = memoryCursor('garbled');
  const { seen } = connection(io, cursor);
  await connectAndWait(io, seen);
  assert.deepEqual(syncRequests(io), [{ since: 'garbled' }, {}]);
  assert.deepEqual(seen.synced, ['m1']);
  assert.equal(cursor.get(), 'T1');
  assert.deepEqual(seen.errors, []);
});
