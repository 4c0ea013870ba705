/**
 * How fast hooksim builds, signs, delivers and judges events, per transport. Sequential sends
 * (one event at a time, as scenarios run), against a trivial hook, so the figure is hooksim's
 * own overhead plus the transport. Run: `npx tsx bench/throughput.ts` (prints a table; nothing is
 * asserted). For concurrency, `hooksim load` and the HTTP ceiling, see bench/load.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prepareEvent, send } from '../src/send.js';
import { transportFor, type Target } from '../src/transports/target.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 2000);
const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';

const handler = (_req: unknown, res: { setHeader(n: string, v: string): void; end(body: string): void }) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"ok":true,"action":"eval"}');
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(name: string, run: (i: number) => Promise<unknown> | unknown): Promise<void> {
  for (let i = 0; i < 50; i++) await run(i); // warm-up: JIT, sockets
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const row = [name.padEnd(36), `${Math.round((COUNT / total) * 1000)}`.padStart(8), percentile(times, 50).toFixed(3).padStart(8), percentile(times, 99).toFixed(3).padStart(8)];
  console.log(row.join('  '));
}

const server = createServer(handler as never);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

console.log(`hooksim bench: ${COUNT} sequential events each, Node ${process.version}`);
console.log(['case'.padEnd(36), 'events/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8)].join('  '));
await measure('build+sign Logto PostRegister', (i) => prepareEvent({ provider: 'logto', event: 'PostRegister', seed: i, signingKey: KEY }));
const targets: [string, Target][] = [
  ['send logto -> URL (keep-alive socket)', url],
  ['send logto -> in-process app (no socket)', handler as never],
  ['send logto -> fetch handler', { fetch: async () => Response.json({ ok: true }) }],
];
for (const [name, target] of targets) {
  const transport = transportFor(target);
  await measure(name, (i) => send({ provider: 'logto', event: 'PostRegister', seed: i, signingKey: KEY, target: transport }));
  await transport.close();
}
const dexie = transportFor(url);
await measure('send dexie-cloud -> URL (keep-alive)', (i) => send({ provider: 'dexie-cloud', event: 'new-user', seed: i, target: dexie }));
server.close();
