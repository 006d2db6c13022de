import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  advanceReceipt, createTypingNotifier, describeError, formatTime, fromServer, markDelivered, markReadBy,
  mergeMessages, newClientMessageId, peerOf, receiptView, unreadFromList, userIdFromName,
} from '../../main/web/chat-state.js';

const srv = (id, sender = 'bob', recipient = 'alice', extra = {}) => ({ id, text: `t${id}`, sender, recipient, ...extra });
const ids = (list) => list.map((m) => m.id ?? `~${m.clientMessageId}`);

test('userIdFromName lowercases, keeps [a-z0-9_.-], folds accents and caps at 64', () => {
  assert.equal(userIdFromName('Alice'), 'alice');
  assert.equal(userIdFromName('  Alice Smith  '), 'alice_smith');
  assert.equal(userIdFromName('Zoë O\'Brien'), 'zoe_o_brien');
  assert.equal(userIdFromName('bob.dev-1_x'), 'bob.dev-1_x');
  assert.equal(userIdFromName('!!!'), '');
  assert.equal(userIdFromName('--x--'), 'x');
  assert.equal(userIdFromName('a'.repeat(80)).length, 64);
  assert.match(userIdFromName('Ünïcødé 🙂 name'), /^[a-z0-9_.-]+$/);
});

test('receipts only move forward; a retry may leave failed', () => {
  assert.equal(advanceReceipt('pending', 'sent'), 'sent');
  assert.equal(advanceReceipt('sent', 'delivered'), 'delivered');
  assert.equal(advanceReceipt('read', 'delivered'), 'read');
  assert.equal(advanceReceipt('delivered', 'sent'), 'delivered');
  assert.equal(advanceReceipt('failed', 'pending'), 'pending');
  assert.equal(advanceReceipt(undefined, 'sent'), 'sent');
  assert.deepEqual([receiptView('sent').text, receiptView('delivered').text, receiptView('read').text], ['✓', '✓✓', '✓✓ Read']);
});

test('fromServer gives my messages a receipt state from isRead and accepts _id', () => {
  assert.equal(fromServer(srv('1', 'alice', 'bob'), 'alice').state, 'sent');
  assert.equal(fromServer(srv('1', 'alice', 'bob', { isRead: true }), 'alice').state, 'read');
  assert.equal(fromServer(srv('1'), 'alice').state, undefined);
  assert.equal(fromServer({ _id: 'x', sender: 'a', recipient: 'b' }, 'a').id, 'x');
  assert.equal(peerOf(srv('1'), 'alice'), 'bob');
  assert.equal(peerOf(srv('1', 'alice', 'bob'), 'alice'), 'bob');
});

test('merge appends newer messages and drops duplicates by id', () => {
  const list = mergeMessages([srv('1'), srv('2')], [srv('2'), srv('3'), srv('3')]);
  assert.deepEqual(ids(list), ['1', '2', '3']);
});

test('a message that came live and comes again by sync, even twice, is listed once, in the sync order', () => {
  const live = mergeMessages([srv('1')], [srv('3')], 'newer'); // 3 came live before 2 was visible
  const synced = mergeMessages(live, [srv('2'), srv('3')], 'newer');
  assert.deepEqual(ids(synced), ['1', '2', '3']);
  assert.deepEqual(ids(mergeMessages(synced, [srv('3'), srv('4')], 'newer')), ['1', '2', '3', '4']);
});

test('merge puts a history page on top and keeps the server order around known messages', () => {
  const older = mergeMessages([srv('5'), srv('6')], [srv('3'), srv('4')], 'older');
  assert.deepEqual(ids(older), ['3', '4', '5', '6']);
  const overlapping = mergeMessages([srv('4'), srv('6')], [srv('3'), srv('4'), srv('5'), srv('6'), srv('7')], 'older');
  assert.deepEqual(ids(overlapping), ['3', '4', '5', '6', '7']);
});

test('merge of a sync page keeps my unacknowledged messages at the bottom', () => {
  const pending = { clientMessageId: 'c1', sender: 'alice', recipient: 'bob', state: 'pending' };
  const list = mergeMessages([srv('1'), pending], [srv('2'), srv('3')], 'newer');
  assert.deepEqual(ids(list), ['1', '2', '3', '~c1']);
});

test('the ack turns my pending message into the stored one in place, without a copy', () => {
  const pending = { clientMessageId: 'c1', sender: 'alice', recipient: 'bob', state: 'pending', createdAt: 'local' };
  const acked = { ...pending, id: 'm9', createdAt: '2026-11-24T10:00:00Z', state: 'sent' };
  const list = mergeMessages([srv('1'), pending, srv('2')], [acked]);
  assert.deepEqual(ids(list), ['1', 'm9', '2']);
  assert.equal(list[1].state, 'sent');
  assert.equal(list[1].createdAt, '2026-11-24T10:00:00Z');
  // The same message seen again (history refresh, another device) changes nothing and never downgrades.
  const delivered = markDelivered(list, 'alice', 'm9');
  const again = mergeMessages(delivered, [fromServer({ ...srv('m9', 'alice', 'bob'), clientMessageId: 'c1' }, 'alice')]);
  assert.equal(again.length, 3);
  assert.equal(again[1].state, 'delivered');
});

test('delivered and read receipts apply to my messages only', () => {
  const list = [srv('1', 'alice', 'bob', { state: 'sent' }), srv('2', 'bob', 'alice'), srv('3', 'alice', 'bob', { state: 'delivered' })];
  const delivered = markDelivered(list, 'alice', '1');
  assert.deepEqual(delivered.map((m) => m.state), ['delivered', undefined, 'delivered']);
  assert.equal(markDelivered(delivered, 'alice', 'unknown'), delivered);
  const read = markReadBy(delivered, 'alice');
  assert.deepEqual(read.map((m) => m.state), ['read', undefined, 'read']);
  assert.equal(markDelivered(read, 'alice', '1')[0].state, 'read');
});

test('unread counts keep only senders with a positive count', () => {
  const counts = unreadFromList([{ userId: 'bob', count: 2 }, { userId: 'carol', count: 0 }]);
  assert.deepEqual([...counts], [['bob', 2]]);
  assert.equal(unreadFromList(undefined).size, 0);
});

test('typing notifications are throttled and stop after idle, on demand and on switching peer', () => {
  const sent = [];
  let clock = 0;
  const timers = new Map();
  let nextTimer = 0;
  const notifier = createTypingNotifier((to, typing) => sent.push(`${to}:${typing}`), {
    throttleMs: 2000, idleMs: 3000, now: () => clock,
    setTimer: (fn) => { timers.set(++nextTimer, fn); return nextTimer; }, clearTimer: (id) => timers.delete(id),
  });
  notifier.input('bob');
  clock = 500; notifier.input('bob');
  clock = 2100; notifier.input('bob');
  assert.deepEqual(sent, ['bob:true', 'bob:true']);
  [...timers.values()].forEach((fn) => fn()); // idle
  assert.deepEqual(sent.slice(2), ['bob:false']);
  notifier.input('bob');
  notifier.input('carol');
  notifier.stop();
  notifier.stop();
  assert.deepEqual(sent.slice(3), ['bob:true', 'bob:false', 'carol:true', 'carol:false']);
});

test('client message ids are v4 UUIDs, also without crypto.randomUUID (plain http on a LAN address)', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(newClientMessageId(), uuid);
  const insecure = { getRandomValues: (a) => globalThis.crypto.getRandomValues(a) };
  const id = newClientMessageId(insecure);
  assert.match(id, uuid);
  assert.notEqual(id, newClientMessageId(insecure));
});

test('time and error texts', () => {
  const now = new Date(2026, 10, 24, 15, 0);
  assert.equal(formatTime(new Date(2026, 10, 24, 9, 5).toISOString(), now), '09:05');
  assert.equal(formatTime(new Date(2026, 10, 20, 9, 5).toISOString(), now), '20 Nov 09:05');
  assert.equal(formatTime('garbage', now), '');
  assert.equal(describeError({ code: 'rate_limited', message: 'slow down' }, 'send_private_message'),
    'send_private_message: rate_limited — slow down');
  assert.equal(describeError({ code: 'unavailable' }), 'unavailable');
});
