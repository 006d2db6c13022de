import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deviceId, inPageNotification, keyBytes } from '../../main/web/notifications.js';

test('keyBytes decodes the base64url VAPID key browsers subscribe with', () => {
  const point = new Uint8Array(65).map((_, i) => (i === 0 ? 4 : 250 - i));
  const base64Url = Buffer.from(point).toString('base64url');
  assert.ok(!base64Url.includes('=') && /[-_]/.test(base64Url), 'needs the url-safe alphabet without padding');
  assert.deepEqual(keyBytes(base64Url), point);
});

test('deviceId is made once per browser profile and fits the server\'s device id format', () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
  const first = deviceId(storage);
  assert.match(first, /^[A-Za-z0-9_.:-]{1,128}$/);
  assert.equal(deviceId(storage), first);
});

test('an in-page notification shows only for others\' messages while the tab is hidden and allowed', () => {
  const m = { sender: 'bob', text: 'hi' };
  assert.deepEqual(inPageNotification(m, 'alice', { hidden: true, permission: 'granted' }),
    { title: 'bob', options: { body: 'hi', tag: 'chat-bob' } });
  assert.equal(inPageNotification(m, 'alice', { hidden: false, permission: 'granted' }), null);
  assert.equal(inPageNotification(m, 'alice', { hidden: true, permission: 'default' }), null);
  assert.equal(inPageNotification({ sender: 'alice', text: 'mine' }, 'alice', { hidden: true, permission: 'granted' }), null);
});
