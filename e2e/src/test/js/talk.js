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

  // 2. the Socket.IO connection, token in the handshake
  const socket = io(url, { transports: ['websocket'], auth: { token } });
  socket.on('connect_error', (err) => console.error('connect_error:', err.message));
  socket.on('connect', () => {
    socket.emit('register_user', { name: me });
    // what arrived while this terminal was closed
    socket.emit('get_messages', { otherUserId: peer, limit: 10 }, (ack) => {
      ack.messages.reverse().forEach((m) => console.log(`[history] ${m.sender}: ${m.text}`));
      console.log(`connected to ${url} as ${me}; type a message for ${peer}`);
    });
  });
  socket.on('receive_private_message', (m) => {
    console.log(`${m.fromUserId}: ${m.text}`);
    if (m.fromUserId === peer) {
      socket.emit('mark_messages_read', { otherUserId: peer });
    }
  });
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
