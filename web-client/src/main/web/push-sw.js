// Service worker of the chat page: shows Web Push notifications (one per conversation: `tag` replaces the
// previous one), closes them when the conversation was read on another device, keeps the app badge.

// Pushes are handled one after another. Chromium's getNotifications() forgets a notification that is stored but
// not yet on display when it runs, so a read's lookup overlapping a message's showNotification() would leave that
// message's notification on screen with no way for a later read to close it.
let previous = Promise.resolve();

self.addEventListener('push', (event) => {
  const data = event.data?.json() ?? {};
  const handled = previous.then(() => handle(data)).catch(() => {});
  previous = handled;
  event.waitUntil(handled);
});

function handle(data) {
  const unread = Number(data.unread ?? 0);
  const badge = navigator.setAppBadge ? (unread > 0 ? navigator.setAppBadge(unread) : navigator.clearAppBadge()) : null;
  let shown;
  if (data.type === 'message') {
    shown = self.registration.showNotification(data.title ?? data.from, {
      body: data.body, tag: data.tag, renotify: true, data: { from: data.from },
    });
  } else {
    shown = self.registration.getNotifications({ tag: data.tag }).then((list) => list.forEach((n) => n.close()));
  }
  return Promise.all([shown, badge].filter(Boolean));
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
    return open ? open.focus() : self.clients.openWindow('/');
  }));
});
