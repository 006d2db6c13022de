// The chat page: state, socket events and user actions. Rendering lives in view.js.
import {
  createTypingNotifier, describeError, fromServer, markDelivered, markReadBy, mergeMessages, newClientMessageId,
  peerOf, unreadFromList, updateMine, userIdFromName,
} from './chat-state.js';
import { ChatConnection } from './connection.js';
import * as view from './view.js';
import * as notifications from './notifications.js';

const HISTORY_PAGE = 30;
const TYPING_TTL_MS = 6000; // a lost "stopped typing" must not leave the indicator on forever
const SESSION_KEY = 'chat.session';

let state;
let conn;
const $ = (id) => document.getElementById(id);
const me = () => state.session.userId;
const typing = createTypingNotifier((toUserId, isTyping) => conn?.emit('typing_private', { toUserId, isTyping }));

function reset(session) {
  state = { session, users: new Map(), convs: new Map(), unread: new Map(), typing: new Map(), active: null,
    deliveredEarly: new Set() };
}

function conv(id) {
  if (!state.convs.has(id)) state.convs.set(id, { messages: [], historyLoaded: false, historyComplete: false, loading: false });
  return state.convs.get(id);
}

const user = (id) => state.users.get(id) ?? { id, name: id, isOnline: false };

let renderQueued = false;
function render() {
  if (renderQueued) return;
  renderQueued = true;
  queueMicrotask(() => {
    renderQueued = false;
    if (!state.session) return;
    const ids = new Set([...state.users.keys(), ...state.convs.keys(), ...state.unread.keys()]);
    ids.delete(me());
    const people = [...ids].map((id) => ({ ...user(id), unread: state.unread.get(id) ?? 0, typing: state.typing.has(id) }))
      .sort((a, b) => (b.isOnline - a.isOnline) || a.name.localeCompare(b.name));
    view.renderPeople(people, state.active, openConversation);
    if (state.active) {
      view.renderConversation({ ...user(state.active), typing: state.typing.has(state.active) }, conv(state.active), me(), retry);
    }
  });
}

/** Adds server messages (in server order) to their conversations without duplicates. */
function addMessages(messages, position) {
  const byPeer = new Map();
  for (const m of messages) {
    const peer = peerOf(m, me());
    byPeer.set(peer, [...(byPeer.get(peer) ?? []), m]);
  }
  for (const [peer, page] of byPeer) {
    const c = conv(peer);
    c.messages = mergeMessages(c.messages, page, position);
    for (const id of state.deliveredEarly) c.messages = markDelivered(c.messages, me(), id);
  }
  render();
}

const conversationVisible = (peer) => peer && state.active === peer && document.visibilityState === 'visible';

/** Marks what `peer` sent me as read when their conversation is on screen. */
function markReadIfVisible(peer = state.active) {
  if (!conversationVisible(peer)) return;
  const c = conv(peer);
  const unreadHere = c.messages.some((m) => m.sender === peer && !m.isRead);
  if (!unreadHere && !(state.unread.get(peer) > 0)) return;
  conn.emit('mark_messages_read', { otherUserId: peer });
  c.messages = c.messages.map((m) => (m.sender === peer && !m.isRead ? { ...m, isRead: true } : m));
  state.unread.delete(peer);
  render();
}

function setTyping(peer, isTyping) {
  clearTimeout(state.typing.get(peer));
  if (isTyping) state.typing.set(peer, setTimeout(() => setTyping(peer, false), TYPING_TTL_MS));
  else state.typing.delete(peer);
  render();
}

// The sync cursor: the `next` token of the last sync answer, per user, for this tab (survives a reload).
const cursorKey = () => `chat.syncCursor.${me()}`;
const syncCursor = {
  get: () => sessionStorage.getItem(cursorKey()),
  set: (token) => token && sessionStorage.setItem(cursorKey(), token),
  clear: () => sessionStorage.removeItem(cursorKey()),
};

const handlers = {
  status: view.setStatus,
  error: (e) => view.toast(describeError(e, e.event)),
  unauthorized: async () => {
    // A restarted dev gateway may sign with a new key: get a fresh dev token once, else sign out.
    const recentlyRenewed = Date.now() - (state.renewedAt ?? 0) < 30000;
    const { token } = recentlyRenewed ? {} : await devToken(state.session.userId, state.session.name);
    if (!token) return signOut('Your session is no longer valid: sign in again.');
    state.renewedAt = Date.now();
    state.session.token = token;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
    conn.reauthenticate(token);
  },
  connected: async () => {
    // Receipts that changed while we were away: refresh the open conversation's newest page.
    if (state.active) await loadHistory(state.active, conv(state.active).historyLoaded ? 'newest' : 'initial');
    markReadIfVisible();
  },
  synced: (messages) => {
    addMessages(messages.map((m) => fromServer(m, me())), 'newer');
    markReadIfVisible();
  },
  user_list: (users) => {
    for (const u of state.users.values()) u.isOnline = false;
    for (const u of users ?? []) {
      const id = u.id ?? u._id;
      if (id) state.users.set(id, { id, name: u.name || id, isOnline: true });
    }
    render();
  },
  receive_private_message: (raw) => {
    const m = fromServer(raw, me()); // never moves the sync cursor: only sync answers do
    setTyping(m.sender, false);
    addMessages([m], 'newer');
    markReadIfVisible(peerOf(m, me()));
  },
  message_delivered: ({ messageId }) => {
    state.deliveredEarly.add(messageId); // the ack may still be on its way
    for (const c of state.convs.values()) c.messages = markDelivered(c.messages, me(), messageId);
    render();
  },
  typing_indicator_private: ({ fromUserId, isTyping }) => setTyping(fromUserId, Boolean(isTyping)),
  messages_read_update: ({ readByUserId }) => {
    const c = conv(readByUserId);
    c.messages = markReadBy(c.messages, me());
    render();
  },
  unread_count_update: ({ fromUserId, count }) => {
    if (count > 0) state.unread.set(fromUserId, count);
    else state.unread.delete(fromUserId);
    markReadIfVisible(fromUserId);
    render();
  },
  unread_counts: (entries) => {
    state.unread = unreadFromList(entries);
    markReadIfVisible();
    render();
  },
  chat_error: ({ event, code, message }) => view.toast(describeError({ code, message }, event)),
};

async function loadHistory(peer, mode) {
  const c = conv(peer);
  if (c.loading) return;
  const oldest = c.messages.find((m) => m.id);
  const request = { otherUserId: peer, limit: HISTORY_PAGE };
  if (mode === 'older' && oldest) request.before = oldest.id;
  c.loading = mode === 'older';
  render();
  const list = $('messages');
  const heightBefore = list.scrollHeight;
  try {
    const ack = await conn.request('get_messages', request);
    const page = (ack.messages ?? []).map((m) => fromServer(m, me())).reverse();
    c.messages = mergeMessages(c.messages, page, mode === 'newest' ? 'newer' : 'older');
    if (mode !== 'newest') c.historyComplete = page.length < HISTORY_PAGE;
    c.historyLoaded = true;
  } catch (e) {
    view.toast(describeError(e, 'get_messages'));
  } finally {
    c.loading = false;
  }
  if (mode === 'initial') c.stickToBottom = true;
  render();
  queueMicrotask(() => { // after the render
    if (mode === 'older') list.scrollTop += list.scrollHeight - heightBefore;
    // A tall screen may show the whole page with nothing to scroll: fetch older ones right away.
    if (mode !== 'newest' && !c.historyComplete && state.active === peer && list.scrollHeight <= list.clientHeight) {
      loadHistory(peer, 'older');
    }
  });
  markReadIfVisible(peer);
}

function openConversation(peer) {
  if (state.active !== peer) typing.stop();
  state.active = peer;
  const c = conv(peer);
  c.stickToBottom = true;
  view.showConversationPane(true);
  view.setComposerEnabled(true);
  render();
  markReadIfVisible(peer);
  if (!c.historyLoaded && conn.connected) loadHistory(peer, 'initial');
  $('message-input').focus();
}

async function deliver(message) {
  const update = (fn) => {
    const c = conv(message.recipient);
    c.messages = updateMine(c.messages, me(), (m) => m.clientMessageId === message.clientMessageId, fn);
    render();
  };
  try {
    const ack = await conn.send(message.recipient, message.text, message.clientMessageId);
    const acked = { ...message, id: ack.messageId, createdAt: ack.createdAt ?? message.createdAt, state: 'sent' };
    addMessages([acked], 'newer');
  } catch (e) {
    update((m) => (m.id ? m : { ...m, state: 'failed' }));
    view.toast(`Message not sent: ${describeError(e)}`);
  }
}

function send(text) {
  const peer = state.active;
  const message = { clientMessageId: newClientMessageId(), text, sender: me(), recipient: peer,
    createdAt: new Date().toISOString(), isRead: false, state: 'pending' };
  const c = conv(peer);
  c.messages = [...c.messages, message];
  c.stickToBottom = true;
  render();
  deliver(message);
}

function retry(message) {
  const c = conv(message.recipient);
  c.messages = updateMine(c.messages, me(), (m) => m.clientMessageId === message.clientMessageId,
    (m) => ({ ...m, state: 'pending' }));
  render();
  deliver(message);
}

function start(session) {
  reset(session);
  view.showSignedIn(true, session.name);
  view.setComposerEnabled(false);
  conn = new ChatConnection(window.io, session, handlers, syncCursor);
  window.chatDebug = { socket: conn.socket }; // for the browser test: simulate a dropped connection
  notifications.attach(conn, session.userId, view.toast);
}

function signOut(reason) {
  notifications.detach();
  conn?.close();
  conn = null;
  sessionStorage.removeItem(SESSION_KEY);
  if (state?.session) syncCursor.clear();
  reset(null);
  view.showConversationPane(false);
  view.showSignedIn(false);
  if (reason) view.toast(reason);
}

/** `{ token }`, or `{ error }` with a text for the person. */
async function devToken(userId, name) {
  try {
    const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, name }) });
    if (res.status === 404) return { error: 'Sign-in by name is off on this server (it needs dev mode).' };
    if (!res.ok) return { error: `Sign-in failed (HTTP ${res.status}).` };
    return { token: (await res.json()).token };
  } catch (e) {
    return { error: `Sign-in failed: ${e.message}` };
  }
}

async function signIn(name) {
  const userId = userIdFromName(name);
  if (!userId) return view.toast('Pick a name with at least one letter or digit.');
  const { token, error } = await devToken(userId, name);
  if (error) return view.toast(error);
  const session = { token, userId, name };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  start(session);
}

$('signin-name').addEventListener('input', (e) => {
  const id = userIdFromName(e.target.value);
  $('signin-id').textContent = id ? `Your user id: ${id}` : '';
});
$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('signin-name').value.trim());
});
$('signout').addEventListener('click', () => signOut());
$('back').addEventListener('click', () => {
  typing.stop();
  state.active = null;
  view.showConversationPane(false);
  render();
});
$('message-input').addEventListener('input', (e) => {
  if (state.active && e.target.value) typing.input(state.active);
});
$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('message-input');
  const text = input.value.trim();
  if (!text || !state.active) return;
  typing.stop();
  input.value = '';
  send(text);
});
$('messages').addEventListener('scroll', (e) => {
  const c = state.active && conv(state.active);
  if (c && e.target.scrollTop < 40 && c.historyLoaded && !c.historyComplete && !c.loading) loadHistory(state.active, 'older');
});
document.addEventListener('visibilitychange', () => markReadIfVisible());

const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
if (saved?.token) start(saved);
else reset(null);
