// DOM rendering only: every user-supplied string goes through textContent, never innerHTML.
import { formatTime, receiptView } from './chat-state.js';

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** people: [{ id, name, isOnline, unread, typing }] */
export function renderPeople(people, activeId, onPick) {
  $('users').replaceChildren(...people.map((p) => {
    const label = `${p.name}, ${p.isOnline ? 'online' : 'offline'}${p.unread ? `, ${p.unread} unread` : ''}`;
    return el('li', {},
      el('button', { type: 'button', className: 'user', 'data-testid': 'user-item', 'data-user-id': p.id,
        'aria-label': label, 'aria-current': p.id === activeId ? 'true' : undefined, onclick: () => onPick(p.id) },
      el('span', { className: `dot${p.isOnline ? ' online' : ''}`, 'aria-hidden': 'true' }),
      el('span', { className: 'who' },
        el('span', { className: 'name', 'data-testid': 'user-name', text: p.name }),
        p.typing && el('span', { className: 'typing', 'data-testid': 'user-typing', text: 'typing…' })),
      p.unread > 0 && el('span', { className: 'badge', 'data-testid': 'unread-badge', text: String(p.unread) })));
  }));
  $('no-users').hidden = people.length > 0;
}

function messageItem(m, me, onRetry) {
  const mine = m.sender === me;
  const receipt = mine && receiptView(m.state);
  return el('li', { className: `msg ${mine ? 'mine' : 'theirs'}`, 'data-testid': 'message',
    'data-message-id': m.id, 'data-mine': String(mine) },
  el('div', { className: 'text', 'data-testid': 'message-text', text: m.text }),
  el('div', { className: 'meta' },
    el('time', { 'data-testid': 'message-time', datetime: m.createdAt, title: m.createdAt, text: formatTime(m.createdAt) }),
    receipt && el('span', { className: 'receipt', role: 'img', 'data-testid': 'receipt', 'data-state': m.state,
      'aria-label': receipt.label, text: receipt.text }),
    mine && m.state === 'failed' && el('button', { type: 'button', className: 'retry', 'data-testid': 'retry-button',
      onclick: () => onRetry(m), text: 'Retry' })));
}

/** Renders the open conversation, keeping the view pinned to the bottom when it was there. */
export function renderConversation(peer, conv, me, onRetry) {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const items = conv.messages.map((m) => messageItem(m, me, onRetry));
  if (conv.loading) items.unshift(el('li', { className: 'history-note', text: 'Loading earlier messages…' }));
  else if (conv.historyComplete && conv.messages.length) {
    items.unshift(el('li', { className: 'history-note', 'data-testid': 'history-start', text: 'Start of the conversation' }));
  }
  list.replaceChildren(...items);
  if (atBottom || conv.stickToBottom) list.scrollTop = list.scrollHeight;
  conv.stickToBottom = false;
  $('peer-name').textContent = peer.name;
  $('peer-status').textContent = peer.typing ? `${peer.name} is typing…` : peer.isOnline ? 'online' : 'offline';
  $('peer-status').dataset.typing = String(Boolean(peer.typing));
  $('conversation').setAttribute('aria-label', `Conversation with ${peer.name}`);
}

export function setComposerEnabled(enabled) {
  $('message-input').disabled = !enabled;
  document.querySelector('[data-testid="send-button"]').disabled = !enabled;
}

export function toast(text, kind = 'error', ms = 8000) {
  const item = el('div', { className: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'toast' },
    el('span', { text }),
    el('button', { type: 'button', 'aria-label': 'Dismiss', text: '×', onclick: () => item.remove() }));
  $('toasts').append(item);
  setTimeout(() => item.remove(), ms);
}

export function showSignedIn(signedIn, name) {
  $('signin').hidden = signedIn;
  $('chat').hidden = !signedIn;
  $('me-name').textContent = name ?? '';
}

export function showConversationPane(open) {
  $('chat').classList.toggle('open', open);
}

export function setStatus(text) {
  $('status').textContent = text;
}
