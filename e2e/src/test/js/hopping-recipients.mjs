// Recipients hopping between gateways under concurrent senders, with the web client's own connection code.
//
// Each recipient is a web-client ChatConnection (imported from WEB_DIR/connection.js, given socket.io-client's
// `io`): its socket is dropped every HOP_MS and reconnects to the other gateway, where the connection re-registers
// and syncs with its own cursor. Meanwhile SENDERS plain sockets, half on each gateway, write to the recipients
// at SEND_RATE messages/s each for SECONDS, and on until every recipient has reconnected MIN_HOPS times (at most
// MAX_SECONDS in all: a slow machine gives fewer reconnects, which the caller sees). Then the senders stop and each
// recipient, staying connected, syncs again with its own cursor until nothing acknowledged to it is missing, for at
// most SETTLE_SECONDS: that only waits for the message-service to store what Kafka acknowledged; a message that a
// cursor stepped over never comes back, however long one waits. Prints one line `RESULT {…}`: acknowledged,
// received (live + sync, de-duplicated by id), lost, reconnects and the reconnect-to-synced latencies.
//
// env: GATEWAY_A, GATEWAY_B, WEB_DIR (required); RECIPIENTS=2, SENDERS=12, SEND_RATE=16, SECONDS=25, HOP_MS=1000,
//      MIN_HOPS=8, MAX_SECONDS=150, SETTLE_SECONDS=60
import { pathToFileURL } from 'node:url';
import { io } from 'socket.io-client';

const env = (name, fallback) => process.env[name] ?? fallback;
const gateways = [env('GATEWAY_A'), env('GATEWAY_B')];
const webDir = env('WEB_DIR');
if (!gateways[0] || !gateways[1] || !webDir) {
  console.error('set GATEWAY_A, GATEWAY_B and WEB_DIR');
  process.exit(2);
}
const RECIPIENTS = Number(env('RECIPIENTS', 2));
const SENDERS = Number(env('SENDERS', 12));
const SEND_RATE = Number(env('SEND_RATE', 16));
const SECONDS = Number(env('SECONDS', 25));
const HOP_MS = Number(env('HOP_MS', 1000));
const MIN_HOPS = Number(env('MIN_HOPS', 8));
const MAX_SECONDS = Number(env('MAX_SECONDS', 150));
const SETTLE_SECONDS = Number(env('SETTLE_SECONDS', 60));
const ACK_TIMEOUT_MS = 15000;

const { ChatConnection } = await import(pathToFileURL(`${webDir}/connection.js`).href);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const run = Date.now().toString(36);
const log = (...args) => console.log(new Date().toISOString(), ...args);

async function devToken(gateway, userId) {
  const res = await fetch(`${gateway}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, name: userId }) });
  if (!res.ok) throw new Error(`POST /dev/token on ${gateway}: HTTP ${res.status}`);
  return (await res.json()).token;
}

/** One hopping recipient: what it received, how often it reconnected and how long each took to be synced. */
class Recipient {
  constructor(index) {
    this.userId = `hop-${run}-r${index}`;
    this.gateway = index % 2;
    this.received = new Map(); // id → 'live' | 'sync'
    this.duplicates = 0;
    this.reconnects = 0;
    this.dropToSynced = [];
    this.connectToSynced = [];
    this.waiters = [];
  }

  async start() {
    const token = await devToken(gateways[this.gateway], this.userId);
    const cursorValue = { token: null };
    // The same store the page keeps in sessionStorage: whatever the connection sets, as it set it.
    const cursor = {
      get: () => cursorValue.token,
      set: (t) => { if (t) cursorValue.token = t; },
      clear: () => { cursorValue.token = null; },
    };
    this.conn = new ChatConnection(io, { token, userId: this.userId, name: this.userId }, {
      status() {},
      error: (e) => log(this.userId, 'error', e.code, e.message),
      unauthorized: () => log(this.userId, 'unauthorized'),
      synced: (messages) => messages.forEach((m) => this.#got(m.id ?? m._id, 'sync')),
      receive_private_message: (m) => this.#got(m.id ?? m._id, 'live'),
      connected: () => this.#connected(),
    }, cursor, gateways[this.gateway]);
    this.conn.socket.on('connect', () => { this.connectedAt = performance.now(); });
    await this.#nextConnected();
  }

  #got(id, how) {
    if (this.received.has(id)) this.duplicates++;
    else this.received.set(id, how);
  }

  #connected() {
    const now = performance.now();
    if (this.droppedAt !== undefined) {
      this.dropToSynced.push(now - this.droppedAt);
      this.connectToSynced.push(now - this.connectedAt);
      this.droppedAt = undefined;
    }
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  #nextConnected() {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops the transport; socket.io reconnects by itself, to the other gateway. Resolves once synced. */
  async hop() {
    const synced = this.#nextConnected();
    this.gateway ^= 1;
    this.conn.socket.io.uri = gateways[this.gateway];
    this.reconnects++;
    this.droppedAt = performance.now();
    this.conn.socket.io.engine.close();
    await synced;
  }

  async hopUntil(stop) {
    while (!stop()) {
      await sleep(HOP_MS * (0.5 + Math.random()));
      await this.hop();
    }
  }
}

/** A plain socket writing to the recipients in turn at SEND_RATE/s; remembers every acknowledged id. */
class Sender {
  constructor(index) {
    this.userId = `hop-${run}-s${index}`;
    this.gateway = gateways[index % 2];
    this.acked = new Map(); // message id → recipient
    this.refused = new Map(); // error code → count
    this.inFlight = new Set();
    this.index = index;
  }

  async start() {
    const token = await devToken(this.gateway, this.userId);
    this.socket = io(this.gateway, { transports: ['websocket'], auth: { token }, forceNew: true });
    await new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('connect_error', reject);
    });
  }

  send(to, n) {
    const done = new Promise((resolve) => {
      this.socket.timeout(ACK_TIMEOUT_MS).emit('send_private_message',
        { toUserId: to, text: `hop ${this.index}/${n}`, clientMessageId: `${this.userId}-${n}` }, (err, ack) => {
          if (!err && ack?.ok) this.acked.set(ack.messageId, to);
          else {
            const code = err ? 'timeout' : ack?.error?.code ?? 'error';
            this.refused.set(code, (this.refused.get(code) ?? 0) + 1);
          }
          resolve();
        });
    });
    this.inFlight.add(done);
    done.then(() => this.inFlight.delete(done));
  }

  async sendUntil(recipients, stop) {
    const interval = 1000 / SEND_RATE;
    const start = performance.now();
    for (let n = 0; !stop(); n++) {
      this.send(recipients[(n + this.index) % recipients.length].userId, n);
      const wait = start + (n + 1) * interval - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await Promise.all([...this.inFlight]);
  }

}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) : null);
  return { count: sorted.length, p50: at(50), p99: at(99), max: sorted.length ? Math.round(sorted.at(-1)) : null };
}

const recipients = Array.from({ length: RECIPIENTS }, (_, i) => new Recipient(i));
const senders = Array.from({ length: SENDERS }, (_, i) => new Sender(i));
await Promise.all([...recipients, ...senders].map((c) => c.start()));
log(`${RECIPIENTS} recipients and ${SENDERS} senders connected; ${SENDERS * SEND_RATE} msgs/s for at least ${SECONDS} s`);

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const enough = () => elapsed() >= MAX_SECONDS
  || (elapsed() >= SECONDS && recipients.every((r) => r.reconnects >= MIN_HOPS));
const hopping = recipients.map((r) => r.hopUntil(enough));
await Promise.all(senders.map((s) => s.sendUntil(recipients, enough)));
await Promise.all(hopping);
const seconds = Math.round(elapsed());
log(`sent for ${seconds} s`);
const missing = (r) => senders.reduce((n, s) => n
  + [...s.acked].filter(([id, to]) => to === r.userId && !r.received.has(id)).length, 0);
const settleUntil = performance.now() + SETTLE_SECONDS * 1000;
for (const r of recipients) {
  await r.conn.sync();
  while (missing(r) > 0 && performance.now() < settleUntil) {
    await sleep(500);
    await r.conn.sync();
  }
}

const result = { seconds, acknowledged: 0, received: 0, live: 0, bySync: 0, duplicates: 0, lost: 0, lostIds: [], refused: {},
  reconnects: 0 };
for (const s of senders) {
  for (const [id, to] of s.acked) {
    const r = recipients.find((x) => x.userId === to);
    result.acknowledged++;
    const how = r.received.get(id);
    if (how === undefined) {
      result.lost++;
      if (result.lostIds.length < 20) result.lostIds.push(id);
    } else {
      result.received++;
      if (how === 'live') result.live++;
      else result.bySync++;
    }
  }
  for (const [code, count] of s.refused) result.refused[code] = (result.refused[code] ?? 0) + count;
}
for (const r of recipients) {
  result.duplicates += r.duplicates;
  result.reconnects += r.reconnects;
}
result.reconnectsPerRecipient = recipients.map((r) => r.reconnects);
result.dropToSyncedMs = stats(recipients.flatMap((r) => r.dropToSynced));
result.connectToSyncedMs = stats(recipients.flatMap((r) => r.connectToSynced));
console.log(`RESULT ${JSON.stringify(result)}`);
[...recipients.map((r) => r.conn), ...senders.map((s) => s.socket)].forEach((c) => c.close());
process.exit(0);
