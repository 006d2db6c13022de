#!/usr/bin/env node
/*
 * The page's service worker (src/main/web/push-sw.js) in Chromium, with pushes delivered the way a push service
 * would: the Chrome DevTools Protocol's ServiceWorker.deliverPushMessage hands the worker a payload of exactly the
 * shape the notification-service sends (WebPushSender.payload: string values, title/body only for messages).
 * What the worker shows is read back with registration.getNotifications(); the app badge through a spy on
 * navigator.setAppBadge / clearAppBadge inside the worker. No stack: the test serves the worker itself on
 * localhost (a secure context, as push needs).
 *
 *   node --test src/test/browser/push-sw.browser.mjs       (web-client's `mvn verify` runs it)
 *   CHROMIUM   browser binary (default /usr/bin/chromium); without it the tests are skipped with a message.
 * Needs `npm ci` in web-client (playwright-core).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER = path.resolve(here, '../../main/web/push-sw.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const noBrowser = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (Debian package chromium): skipped`;
const WAIT_MS = 20_000;

// Collapse ids as the service makes them (22 base64url characters of the conversation's SHA-256): one per conversation.
const ALICE_TAG = 'q2Fv1nW3bQy8Zr4Tt0LkXa';
const CAROL_TAG = 'Hc7Jx2Pn0Vb5Lm9Qw3EeRt';

/** A message push as WebPushSender.payload writes it (every value a string). */
const message = (from, body, unread, tag, messageId) => ({ type: 'message', from, messageId, unread: String(unread), tag, title: from, body });
/** A conversation read on another device: no title or body. */
const read = (from, unread, tag) => ({ type: 'read', from, unread: String(unread), tag });

let server;
let origin;
let browser;
let page;
let cdp;
let registrationId;

before(async () => {
  if (noBrowser) return;
  server = http.createServer((req, res) => {
    if (req.url === '/push-sw.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(WORKER));
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>push worker test</title>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext();
  await context.grantPermissions(['notifications'], { origin });
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  const registered = new Promise((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
    if (ours) resolve(ours.registrationId);
  }));
  await cdp.send('ServiceWorker.enable');
  await page.goto(origin);
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/push-sw.js');
    await navigator.serviceWorker.ready;
  });
  registrationId = await registered;
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Delivers `payload` to the worker as a push service would, with the badge spy (re)installed first. */
async function push(payload) {
  const worker = page.context().serviceWorkers().at(-1) ?? await page.context().waitForEvent('serviceworker');
  await worker.evaluate(() => {
    if (!self.badges) {
      self.badges = [];
      navigator.setAppBadge = async (count) => { self.badges.push(count); };
      navigator.clearAppBadge = async () => { self.badges.push(0); };
    }
  });
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(payload) });
  return worker;
}

const shown = () => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.ready;
  return (await registration.getNotifications())
    .map((n) => ({ title: n.title, body: n.body, tag: n.tag }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
});

/** Polls until `probe()` deep-equals `expected`; on time-out fails with the last value. */
async function eventually(probe, expected) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const actual = await probe();
    try {
      assert.deepEqual(actual, expected);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a message push shows the sender, the text and the unread count, one notification per conversation',
  { skip: noBrowser }, async () => {
    const worker = await push(message('alice', 'Hi Bob', 3, ALICE_TAG, 'm1'));
    await eventually(shown, [{ title: 'alice', body: 'Hi Bob', tag: ALICE_TAG }]);
    await eventually(() => worker.evaluate(() => self.badges), [3]);

    await push(message('alice', 'Are you there?', 4, ALICE_TAG, 'm2'));
    await eventually(shown, [{ title: 'alice', body: 'Are you there?', tag: ALICE_TAG }]);
    await eventually(() => worker.evaluate(() => self.badges.at(-1)), 4);
  });

test('with previews off the notification names the sender and shows no text', { skip: noBrowser }, async () => {
  // set_notification_prefs {previews: false}: the service replaces the text with a fixed phrase before it leaves
  await push(message('carol', 'New message', 5, CAROL_TAG, 'm3'));
  await eventually(async () => (await shown()).find((n) => n.tag === CAROL_TAG),
    { title: 'carol', body: 'New message', tag: CAROL_TAG });
});

test('a read on another device closes that conversation\'s notification and updates the badge', { skip: noBrowser }, async () => {
  const worker = await push(read('alice', 1, ALICE_TAG));
  await eventually(shown, [{ title: 'carol', body: 'New message', tag: CAROL_TAG }]);
  await eventually(() => worker.evaluate(() => self.badges.at(-1)), 1);

  await push(read('carol', 0, CAROL_TAG));
  await eventually(shown, []);
  await eventually(() => worker.evaluate(() => self.badges.at(-1)), 0);
});
