// Accept rate with the official socket.io-client: N authenticated WebSocket connections to one server,
// at most P in flight, then the server's RSS growth per idle socket. The same driver runs against this
// gateway and against any server that speaks the same events and POST /dev/token, so both figures come
// from one client in one run. With the server's pid it also reports the server's CPU per accepted connection
// (a figure that holds better than the rate on a shared box) and its RSS growth per idle socket.
//   node connect-rate.mjs <url> [connections=5000] [parallel=500] [pid-of-server-for-RSS] [idle-seconds=10]
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';

const [url, n = '5000', p = '500', pid = '', idle = '10'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node connect-rate.mjs <url> [connections] [parallel] [server-pid] [idle-seconds]');
  process.exit(2);
}
const total = Number(n), parallel = Number(p), run = Date.now().toString(36);

const rssKib = () => {
  if (!pid) return -1;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.replace(/[^0-9]/g, ''));
};

async function token(i) {
  const res = await fetch(`${url}/dev/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: `js-${run}-${i}`, name: `js ${i}` }),
  });
  if (!res.ok) throw new Error(`dev token: HTTP ${res.status}`);
  return (await res.json()).token;
}

// user+system CPU of the server process in ms (clock ticks of 10 ms), or -1
const cpuMs = () => {
  if (!pid) return -1;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const tokens = [];
for (let i = 0; i < total; i += 64) {
  tokens.push(...await Promise.all(Array.from({ length: Math.min(64, total - i) }, (_, k) => token(i + k))));
}

const sockets = [];
let next = 0, connected = 0, failed = 0;
const rssBefore = rssKib();
const cpuBefore = cpuMs();
const start = process.hrtime.bigint();
await new Promise((done) => {
  const launch = () => {
    if (next >= total) { if (connected + failed === total) done(); return; }
    const s = io(url, { transports: ['websocket'], auth: { token: tokens[next++] }, reconnection: false,
      forceNew: true, timeout: 30000 });
    sockets.push(s);
    s.once('connect', () => { connected++; launch(); });
    s.once('connect_error', () => { failed++; launch(); });
  };
  for (let i = 0; i < Math.min(parallel, total); i++) launch();
});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const serverCpuMs = cpuMs() - cpuBefore;
await new Promise((r) => setTimeout(r, Number(idle) * 1000));
const rssIdle = rssKib();
const open = sockets.filter((s) => s.connected).length;
console.log(JSON.stringify({
  url, connections: total, parallel, connected, failed, openAfterIdle: open,
  seconds: Number(seconds.toFixed(2)), acceptRatePerSecond: Math.round(connected / seconds),
  serverCpuMsPerConnection: pid ? Number((serverCpuMs / connected).toFixed(3)) : null,
  serverCpuPercent: pid ? Math.round(serverCpuMs / 10 / seconds) : null,
  rssBeforeKib: rssBefore, rssAfterIdleKib: rssIdle,
  rssGrowthPerConnectionKib: pid ? Number(((rssIdle - rssBefore) / connected).toFixed(2)) : null,
  loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
}));
sockets.forEach((s) => s.close());
process.exit(0);
