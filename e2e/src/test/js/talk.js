// A terminal chat client: node talk.js <me> <peer> [gatewayUrl]
// Every line you type is sent to <peer>; what <peer> sends you is printed. Needs Node 18+ and socket.io-client 4.x.
const { io } = require('socket.io-client');
const readline = require('readline');

const [me, peer, url = 'http://localhost:8080'] = process.argv.slice(2);
if (!me || !peer) {
  console.error('usage: node talk.js <me> <peer> [gatewayUrl]');
  process.exit(2);
}

async function main() {
  // 1. a dev token (dev mode only, as under ./chat up)
  const response = await fetch(url + '/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: me, name: me }),
  });
  const { token } = await response.json();

  // 2. the Socket.IO connection, token in the handshake. On every (re)connect: register, and sync what this
  //    terminal has not seen. The cursor is the `next` token of the last sync answer; a message seen live never
  //    moves it (live delivery is best effort), and a message may come twice (live and by sync): show it once.
  const socket = io(url, { transports: ['websocket'], auth: { token } });
  const shown = new Set();
  const startedAt = Date.now();
  let cursor = null;
  let connectedBefore = false;
  const show = (m) => {
    if (shown.has(m.id)) return;
    shown.add(m.id);
    console.log(`${m.sender}: ${m.text}`);
    if (m.sender === peer) socket.emit('mark_messages_read', { otherUserId: peer });
  };
  // The first sync starts from the beginning: it shows only what was sent since this terminal started.
  async function sync() {
    const fromStart = !cursor;
    for (let more = true; more;) {
      const ack = await socket.emitWithAck('sync_messages', cursor ? { since: cursor } : {});
      if (!ack.ok) throw new Error(`sync_messages: ${ack.error.code} ${ack.error.message}`);
      ack.messages.forEach((m) => (!fromStart || Date.parse(m.createdAt) >= startedAt ? show(m) : shown.add(m.id)));
      cursor = ack.next;
      more = ack.hasMore;
    }
  }
  socket.on('connect_error', (err) => console.error('connect_error:', err.message));
  socket.on('connect', async () => {
    socket.emit('register_user', { name: me });
    try {
      if (!connectedBefore) {
        // the first time: the recent conversation for context
        const history = await socket.emitWithAck('get_messages', { otherUserId: peer, limit: 10 });
        history.messages.reverse().forEach((m) => console.log(`[history] ${m.sender}: ${m.text}`));
      }
      await sync();
      if (!connectedBefore) console.log(`connected to ${url} as ${me}; type a message for ${peer}`);
      connectedBefore = true;
    } catch (err) {
      console.error(err.message); // dropped again or refused: the next connect syncs
    }
  });
  socket.on('receive_private_message', show);
  socket.on('message_delivered', (d) => console.log(`  (delivered ${d.messageId})`));
  socket.on('messages_read_update', (r) => console.log(`  (read by ${r.readByUserId})`));
  socket.on('typing_indicator_private', (t) => t.isTyping && console.log(`  (${t.fromUserId} is typing…)`));
  socket.on('chat_error', (e) => console.error('chat_error:', e));

  // 3. send every line typed
  readline.createInterface({ input: process.stdin }).on('line', (text) => {
    if (!text.trim()) {
      return;
    }
    socket.emit('send_private_message', { toUserId: peer, text }, (ack) => {
      console.log(ack.ok ? `  (sent ${ack.messageId})` : `  (refused: ${ack.error.code} ${ack.error.message})`);
    });
  }).on('close', () => socket.close());
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
