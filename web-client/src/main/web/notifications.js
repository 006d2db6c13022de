// Notifications: the "Notify me" switch (Web Push through a service worker, subscribed with the server's
// VAPID key and registered with `register_push_token`) and an in-page notification for a message that
// arrives while this tab is hidden. Kept apart from app.js: app.js only calls attach/detach.

const DEVICE_KEY = 'chat.push.deviceId';
const ENABLED_KEY = 'chat.push.enabled';
const WORKER = '/push-sw.js';

let current = null; // { conn, onMessage }

/** A stable id for this browser profile (the server keeps one subscription per device id). */
export function deviceId(storage = localStorage) {
  let id = storage.getItem(DEVICE_KEY);
  if (!id) {
    id = `web-${(crypto.randomUUID?.() ?? String(Math.random()).slice(2)).replace(/[^A-Za-z0-9_.:-]/g, '')}`.slice(0, 128);
    storage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** The VAPID key as browsers want it: base64url text → bytes. */
export function keyBytes(base64Url) {
  const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64Url.length % 4)) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** What an in-page notification shows for a received message, or null when none should show. */
export function inPageNotification(message, me, { hidden, permission }) {
  if (!hidden || permission !== 'granted' || message.sender === me) return null;
  return { title: message.sender, options: { body: message.text, tag: `chat-${message.sender}` } };
}

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

function ack(conn, event, payload) {
  return new Promise((resolve, reject) => {
    conn.socket.timeout(10000).emit(event, payload, (err, answer) => {
      if (err) reject(new Error('no answer from the server'));
      else if (!answer?.ok) reject(new Error(answer?.error?.message ?? 'refused'));
      else resolve(answer);
    });
  });
}

async function subscribe(conn) {
  const res = await fetch('/push/vapid-public-key');
  if (!res.ok) throw new Error('push is not set up on this server');
  const key = (await res.text()).trim();
  if (await Notification.requestPermission() !== 'granted') throw new Error('notifications are blocked for this site');
  const registration = await navigator.serviceWorker.register(WORKER);
  await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  const sameKey = subscription?.options?.applicationServerKey
    && btoa(String.fromCharCode(...new Uint8Array(subscription.options.applicationServerKey))) === btoa(String.fromCharCode(...keyBytes(key)));
  if (subscription && !sameKey) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  await ack(conn, 'register_push_token', { platform: 'webpush', deviceId: deviceId(), subscription: subscription.toJSON() });
}

async function unsubscribe(conn) {
  await ack(conn, 'unregister_push_token', { deviceId: deviceId() });
  const registration = await navigator.serviceWorker.getRegistration(WORKER);
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
}

/** Wires the switch and the hidden-tab notifications to a connection; `toast` reports failures. */
export function attach(conn, me, toast) {
  detach();
  const toggle = document.getElementById('notify-switch');
  const onMessage = (raw) => {
    const m = { sender: raw.fromUserId ?? raw.sender, text: raw.text };
    const shown = inPageNotification(m, me, { hidden: document.hidden, permission: window.Notification?.permission });
    if (!shown) return;
    const n = new Notification(shown.title, shown.options);
    n.onclick = () => { window.focus(); n.close(); };
  };
  conn.socket.on('receive_private_message', onMessage);
  current = { conn, onMessage };
  if (!toggle) return;
  toggle.disabled = !supported();
  toggle.title = supported() ? '' : 'This browser has no Web Push';
  toggle.checked = supported() && localStorage.getItem(ENABLED_KEY) === 'true' && Notification.permission === 'granted';
  // re-register on every (re)connection: the subscription may have rotated while we were away
  if (toggle.checked) conn.socket.on('connect', () => subscribe(conn).catch(() => {}));
  toggle.onchange = async () => {
    const on = toggle.checked;
    try {
      await (on ? subscribe(conn) : unsubscribe(conn));
      localStorage.setItem(ENABLED_KEY, String(on));
    } catch (e) {
      toggle.checked = !on;
      toast(`Notifications: ${e.message}`);
    }
  };
}

export function detach() {
  current?.conn.socket?.off('receive_private_message', current.onMessage);
  current = null;
}
