'use strict';
// Drives official socket.io-client sockets for the Java e2e suite (org.chat.e2e.client.JsDriver).
//
// stdin: one JSON command per line, each with a numeric "id" the answer repeats:
//   {"id":1,"op":"connect","client":"c1","url":"http://127.0.0.1:8080","token":"…","timeoutMs":5000}
//     (optional "emitOnConnect":{"event":…,"args":[…]}: emitted with an ack inside the connect handler; its
//      outcome arrives as the event "emit_on_connect_ack" with [{ack:[…]} | {timeout:true}])
//   {"id":2,"op":"emit","client":"c1","event":"send_private_message","args":[{…}],"ack":true,"timeoutMs":5000}
//   {"id":3,"op":"burst","client":"c1","event":"typing_private","args":[{…}],"count":200,"ack":true,"timeoutMs":5000}
//     (with "indexed":true, "{{i}}" in the args becomes each emit's 0-based index)
//   {"id":4,"op":"disconnect","client":"c1"}
// stdout: one JSON object per line:
//   {"type":"result","id":1,"ok":true,"value":…} | {"type":"result","id":1,"ok":false,"error":{"message":…,"data":…}}
//   {"type":"event","client":"c1","event":"receive_private_message","args":[…]}
//   lifecycle events use the same shape: "connect", "connect_error" (args [{message,data}]), "disconnect" (args [reason]).
// EOF on stdin closes every socket and exits, so the driver never outlives the JVM that started it.
const readline = require('readline');
const { io } = require('socket.io-client');

const sockets = new Map();

function out(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function ok(id, value) {
  out({ type: 'result', id, ok: true, value: value === undefined ? null : value });
}

function fail(id, message, data) {
  out({ type: 'result', id, ok: false, error: { message, data: data === undefined ? null : data } });
}

function socketOf(cmd) {
  const socket = sockets.get(cmd.client);
  if (!socket) {
    throw new Error('no client ' + cmd.client);
  }
  return socket;
}

function connect(cmd) {
  if (sockets.has(cmd.client)) {
    throw new Error('client exists: ' + cmd.client);
  }
  const auth = cmd.token === undefined || cmd.token === null ? {} : { token: cmd.token };
  const socket = io(cmd.url, {
    transports: ['websocket'],
    auth,
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    timeout: cmd.timeoutMs,
  });
  sockets.set(cmd.client, socket);
  const event = (name, args) => out({ type: 'event', client: cmd.client, event: name, args });
  let settled = false;
  socket.on('connect', () => {
    event('connect', []);
    if (cmd.emitOnConnect) {
      // what apps do: emit from the connect handler, before anything else can happen on the socket
      const { event: name, args = [] } = cmd.emitOnConnect;
      socket.timeout(cmd.timeoutMs).emit(name, ...args, (err, ...response) => {
        event('emit_on_connect_ack', [err ? { timeout: true } : { ack: response }]);
      });
    }
    if (!settled) {
      settled = true;
      ok(cmd.id, { socketId: socket.id });
    }
  });
  socket.on('connect_error', (err) => {
    const detail = { message: err.message, data: err.data === undefined ? null : err.data };
    event('connect_error', [detail]);
    if (!settled) {
      settled = true;
      fail(cmd.id, err.message, detail.data);
    }
  });
  socket.on('disconnect', (reason) => event('disconnect', [reason]));
  socket.onAny((name, ...args) => event(name, args));
  socket.connect();
}

function emitOnce(socket, cmd, done, index) {
  const args = argsFor(cmd, index);
  if (!cmd.ack) {
    socket.emit(cmd.event, ...args);
    done(null);
    return;
  }
  socket.timeout(cmd.timeoutMs).emit(cmd.event, ...args, (err, ...response) => {
    done(err ? { timeout: true } : { ack: response });
  });
}

function emit(cmd) {
  emitOnce(socketOf(cmd), cmd, (result) => {
    if (result && result.timeout) {
      fail(cmd.id, 'ack timeout');
    }
    else {
      ok(cmd.id, result ? result.ack : null);
    }
  });
}

// With "indexed": true, every "{{i}}" inside the arguments becomes the emit's index in the burst (0-based).
function argsFor(cmd, index) {
  const args = cmd.args || [];
  return cmd.indexed ? JSON.parse(JSON.stringify(args).split('{{i}}').join(String(index))) : args;
}

// Emits count times back to back (no round trip in between), answers with every outcome in emit order.
function burst(cmd) {
  const socket = socketOf(cmd);
  const results = new Array(cmd.count);
  let pending = cmd.count;
  for (let i = 0; i < cmd.count; i++) {
    emitOnce(socket, cmd, (result) => {
      results[i] = result;
      if (--pending === 0) {
        ok(cmd.id, results);
      }
    }, i);
  }
}

function disconnect(cmd) {
  const socket = socketOf(cmd);
  sockets.delete(cmd.client);
  socket.disconnect();
  ok(cmd.id, null);
}

const handlers = { connect, emit, burst, disconnect };

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) {
    return;
  }
  let cmd;
  try {
    cmd = JSON.parse(line);
    const handler = handlers[cmd.op];
    if (!handler) {
      throw new Error('unknown op ' + cmd.op);
    }
    handler(cmd);
  }
  catch (err) {
    fail(cmd ? cmd.id : null, 'driver: ' + err.message);
  }
}).on('close', () => {
  sockets.forEach((socket) => socket.disconnect());
  process.exit(0);
});
