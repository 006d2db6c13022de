// Pure helpers of the chat page: no DOM, no socket, so `node --test` covers them.

export const MAX_USER_ID_LENGTH = 64;

/** The dev user id for a display name: lowercase, [a-z0-9_.-], at most 64 characters; '' if none is left. */
export function userIdFromName(name) {
  return String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents: "Zoë" → "zoe"
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '')
    .slice(0, MAX_USER_ID_LENGTH);
}

// Receipt states of my own messages, in the only order they may move (failed → pending is a retry).
const RANK = { failed: 0, pending: 1, sent: 2, delivered: 3, read: 4 };

/** The later of two receipt states: a late `message_delivered` never undoes a read. */
export function advanceReceipt(current, next) {
  if (!current) return next;
  if (!next) return current;
  return RANK[next] > RANK[current] ? next : current;
}

const RECEIPT_VIEW = {
  pending: { text: '…', label: 'Sending' },
  sent: { text: '✓', label: 'Sent' },
  delivered: { text: '✓✓', label: 'Delivered' },
  read: { text: '✓✓ Read', label: 'Read' },
  failed: { text: '⚠ Not sent', label: 'Not sent' },
};

export function receiptView(state) {
  return RECEIPT_VIEW[state] ?? RECEIPT_VIEW.pending;
}

/** The client's view of a server `Message`; my messages carry a receipt state. */
export function fromServer(message, me) {
  const mine = message.sender === me;
  return {
    id: message.id ?? message._id,
    clientMessageId: message.clientMessageId ?? undefined,
    text: message.text,
    sender: message.sender,
    recipient: message.recipient,
    createdAt: message.createdAt,
    isRead: Boolean(message.isRead),
    state: mine ? (message.isRead ? 'read' : 'sent') : undefined,
  };
}

/** The other participant of a message, seen from `me`. */
export function peerOf(message, me) {
  return message.sender === me ? message.recipient : message.sender;
}

export function sameMessage(a, b) {
  if (a.id && b.id) return a.id === b.id;
  return Boolean(a.clientMessageId) && a.clientMessageId === b.clientMessageId && a.sender === b.sender;
}

function combine(known, incoming) {
  return {
    ...known,
    ...incoming,
    id: incoming.id ?? known.id,
    clientMessageId: known.clientMessageId ?? incoming.clientMessageId,
    createdAt: incoming.id ? incoming.createdAt ?? known.createdAt : known.createdAt,
    isRead: known.isRead || incoming.isRead,
    state: advanceReceipt(known.state, incoming.state),
  };
}

const isPending = (m) => !m.id;

/**
 * Merges a page in server order (oldest first) into a conversation, deduplicating by message id
 * (or clientMessageId before the ack). The page's order wins; a new message with no known
 * neighbour goes to the top (`older`, history) or to the bottom above my unacknowledged
 * messages (`newer`, live and sync), because those have no server position yet.
 */
export function mergeMessages(existing, page, position = 'newer') {
  const result = existing.slice();
  let anchor = -1;
  page.forEach((incoming, i) => {
    const at = result.findIndex((m) => sameMessage(m, incoming));
    if (at >= 0) {
      result[at] = combine(result[at], incoming);
      anchor = at;
      return;
    }
    if (anchor >= 0) {
      result.splice(++anchor, 0, incoming);
      return;
    }
    const nextKnown = page.slice(i + 1).map((m) => result.findIndex((r) => sameMessage(r, m))).find((j) => j >= 0);
    if (nextKnown !== undefined) anchor = nextKnown;
    else if (position === 'older') anchor = 0;
    else {
      anchor = result.length;
      while (anchor > 0 && isPending(result[anchor - 1])) anchor--;
    }
    result.splice(anchor, 0, incoming);
  });
  return result;
}

/** Applies `updater` to my messages in a conversation and returns a new list when something changed. */
export function updateMine(list, me, predicate, updater) {
  let changed = false;
  const next = list.map((m) => {
    if (m.sender !== me || !predicate(m)) return m;
    const updated = updater(m);
    if (updated !== m) changed = true;
    return updated;
  });
  return changed ? next : list;
}

/** `messages_read_update`: every message I sent to the reader is read. */
export function markReadBy(list, me) {
  return updateMine(list, me, (m) => m.state !== 'read' && m.id, (m) => ({ ...m, isRead: true, state: 'read' }));
}

export function markDelivered(list, me, messageId) {
  return updateMine(list, me, (m) => m.id === messageId && advanceReceipt(m.state, 'delivered') !== m.state,
    (m) => ({ ...m, state: 'delivered' }));
}

/** `unread_counts` lists only senders with a count; everyone else is at 0. */
export function unreadFromList(entries) {
  const counts = new Map();
  for (const { userId, count } of entries ?? []) if (count > 0) counts.set(userId, count);
  return counts;
}

/** "14:05" today, "24 Nov 14:05" otherwise; the full ISO time goes in the title. */
export function formatTime(iso, now = new Date()) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (d.toDateString() === now.toDateString()) return hm;
  return `${d.getDate()} ${d.toLocaleString('en', { month: 'short' })} ${hm}`;
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts (https, localhost), not on a LAN address. */
export function newClientMessageId(cryptoApi = globalThis.crypto) {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const b = cryptoApi.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Throttled `typing_private`: at most one "typing" per `throttleMs` while keys are pressed, and one
 * "stopped" after `idleMs` without input, on send, or when switching conversation.
 */
export function createTypingNotifier(emit, { throttleMs = 2000, idleMs = 3000, now = Date.now,
  setTimer = setTimeout, clearTimer = clearTimeout } = {}) {
  let typing = false;
  let lastSent = 0;
  let peer = null;
  let idle = null;
  function stop() {
    clearTimer(idle);
    idle = null;
    if (typing) {
      typing = false;
      emit(peer, false);
    }
  }
  function input(toUserId) {
    if (peer !== toUserId) stop();
    peer = toUserId;
    const t = now();
    if (!typing || t - lastSent >= throttleMs) {
      typing = true;
      lastSent = t;
      emit(peer, true);
    }
    clearTimer(idle);
    idle = setTimer(stop, idleMs);
  }
  return { input, stop };
}

/** Error text for a failed ack or `chat_error`: "send_private_message: rate_limited — too many messages". */
export function describeError(error, event) {
  const code = error?.code ?? 'error';
  const message = error?.message ? ` — ${error.message}` : '';
  return `${event ? `${event}: ` : ''}${code}${message}`;
}
