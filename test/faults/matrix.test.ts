// The fault matrix (issue 11 §2): hostile hooks driven over the URL transport and in-process.
// Each hostile behaviour is written once as raw bytes on a socket; the URL transport meets it
// on a real TCP socket, the in-process transport on the in-memory socket Node's HTTP server
// hands the app (`req.socket`). Every case must end with a verdict within the provider's
// timeout + 1 s, with no crash and no unhandled rejection, and both transports must agree.
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SendResult } from '../../src/send.js';
import { send } from '../../src/send.js';
import type { Target } from '../../src/transports/target.js';
import { closeAll, readRequest, serveHttp, serveRaw } from '../transports/helpers.js';
import { selfSignedCertificate } from './tls.js';

/** The provider's timeout in this matrix (short, so the matrix is fast). */
const TIMEOUT_MS = 500;
/** hooksim's total cap: a body that never ends still gets a verdict within timeout + 1 s. */
const MAX_TOTAL_MS = TIMEOUT_MS + 500;

/**
 * The time budget of a case: the provider's timeout + 1 s, plus the longest the event loop was
 * held up so far. On a loaded machine the OS may not run this process for a while, and no timer
 * can fire then; that is the machine's time, not hooksim's.
 */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const budget = (timeoutMs: number) => timeoutMs + 1000 + loopDelay.max / 1e6;
const MB = 1024 * 1024;

type Socketish = Duplex & { resetAndDestroy?: () => void };
/** A hostile behaviour, acted out once the request has been read. */
type Raw = (socket: Socketish) => void;

const timers = new Set<NodeJS.Timeout>();
/** Repeats `tick` until the socket closes (or the suite ends). */
function every(socket: Socketish, ms: number, tick: () => void): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) {
      clearInterval(timer);
      timers.delete(timer);
    } else tick();
  }, ms);
  timers.add(timer);
  socket.once('close', () => {
    clearInterval(timer);
    timers.delete(timer);
  });
}
function once(ms: number, act: () => void): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    act();
  }, ms);
  timers.add(timer);
}

const head = (status: string, headers: Record<string, string> = {}, version = '1.1') =>
  `HTTP/${version} ${status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

/** Writes `total` bytes of `x` with backpressure, then ends. */
function flood(socket: Socketish, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const part = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
      sent += part.length;
      if (!socket.write(part)) return void socket.once('drain', pump);
    }
  };
  pump();
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const started = performance.now();
let otherHost = '';

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  // "Another host": a second server, so another origin (host:port) than the hook's.
  otherHost = (await serveHttp((_req, res) => res.writeHead(204).end())).url;
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  loopDelay.disable();
  await closeAll();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // Figures for the README (peak RSS covers the whole process running this file).
  console.log(`fault matrix: wall ${Math.round(performance.now() - started)} ms, peak RSS ${peakMb} MB, longest event-loop delay ${Math.round(loopDelay.max / 1e6)} ms`);
  expect(unhandled).toEqual([]);
  expect(peakMb).toBeLessThan(200);
});

/** What must be equal across transports, and what each case expects. */
interface Shape {
  pass: boolean;
  error: string | null;
  status: number | null;
  logto: 'Success' | 'Error';
  truncated?: boolean;
}
const shape = (result: SendResult<{ result: 'Success' | 'Error' }>): Shape => ({
  pass: result.verdict.pass,
  error: result.error?.kind ?? null,
  status: result.response?.status ?? null,
  logto: result.outcome.result,
  ...(result.response?.truncated ? { truncated: true } : {}),
});

async function deliver(target: Target, timeoutMs = TIMEOUT_MS) {
  const begun = performance.now();
  const result = (await send({
    provider: 'logto',
    event: 'PostSignIn',
    target,
    seed: 7,
    options: { timeoutMs },
    maxTotalMs: Math.max(MAX_TOTAL_MS, timeoutMs),
  })) as SendResult<{ result: 'Success' | 'Error' }>;
  const elapsed = performance.now() - begun;
  return { result, elapsed };
}

/** The URL target for a raw behaviour: a TCP server that reads each request, then misbehaves. */
async function urlFor(raw: Raw): Promise<string> {
  const { url } = await serveRaw((socket) => readRequest(socket, () => raw(socket)));
  return `${url}/hook`;
}

/** The in-process target for the same behaviour: the app acts on the socket it was given. */
function appFor(raw: Raw): RequestListener {
  return (req: IncomingMessage, _res: ServerResponse) => {
    req.resume();
    req.on('end', () => raw(req.socket as Socketish));
  };
}

interface Case {
  name: string;
  raw: Raw;
  expected: Shape;
  /** The provider timeout for this case (default {@link TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Extra checks on the (URL) result's message or reply. */
  check?: (result: SendResult<{ result: 'Success' | 'Error' }>) => void;
}

const cases: Case[] = [
  {
    name: 'never answers',
    raw: () => undefined,
    expected: { pass: false, error: 'timeout', status: null, logto: 'Error' },
    check: (r) => expect(r.error?.message).toMatch(/^no reply within 500 ms from /),
  },
  {
    name: 'accepts and resets',
    raw: (socket) => (socket.resetAndDestroy ? socket.resetAndDestroy() : socket.destroy()),
    expected: { pass: false, error: 'connection-reset', status: null, logto: 'Error' },
  },
  {
    name: 'headers, then a body that stalls',
    raw: (socket) => socket.write(`${head('200 OK', { 'content-length': '100' })}{"ok"`),
    expected: { pass: false, error: 'body-timeout', status: null, logto: 'Error' },
    check: (r) =>
      expect(r.error?.message).toMatch(/^the reply's headers arrived but its body was still arriving from .* after 1000 ms, hooksim's total-time cap \(maxTotalMs; .*\) \(status 200, headers after \d+ ms, 5 body bytes received of content-length 100\)$/),
  },
  {
    name: 'slowloris body (1 byte/s)',
    raw: (socket) => {
      socket.write(head('200 OK', { 'transfer-encoding': 'chunked' }));
      every(socket, 1000, () => socket.write('1\r\nx\r\n'));
    },
    expected: { pass: false, error: 'body-timeout', status: null, logto: 'Error' },
  },
  {
    name: 'chunked reply that never ends',
    raw: (socket) => {
      socket.write(head('200 OK', { 'transfer-encoding': 'chunked' }));
      every(socket, 20, () => socket.write('400\r\n' + 'y'.repeat(1024) + '\r\n'));
    },
    expected: { pass: false, error: 'body-timeout', status: null, logto: 'Error' },
  },
  {
    name: 'slow headers (after the timeout)',
    raw: (socket) => once(TIMEOUT_MS + 400, () => socket.writable && socket.end(`${head('200 OK', { 'content-length': '2' })}{}`)),
    expected: { pass: false, error: 'timeout', status: null, logto: 'Error' },
  },
  {
    name: 'slow body: headers at once, body done after 1.5 x the timeout (Logto: Success)',
    raw: (socket) => {
      socket.write(head('200 OK', { 'content-length': '11' }));
      once(TIMEOUT_MS * 1.5, () => socket.writable && socket.write('{"ok":true}'));
    },
    expected: { pass: true, error: null, status: 200, logto: 'Success' },
  },
  {
    name: 'redirect loop',
    // The timeout covers the whole chain (as ky's does): 21 hops need more than 300 ms on a busy machine.
    timeoutMs: 2000,
    raw: (socket) => socket.write(head('302 Found', { location: '/hook', 'content-length': '0' })),
    expected: { pass: false, error: 'network', status: null, logto: 'Error' },
    check: (r) => expect(r.error?.message).toMatch(/redirect count exceeded: more than 20 redirects/),
  },
  {
    name: 'redirect to another host (followed, as fetch does)',
    raw: (socket) => socket.write(head('307 Temporary Redirect', { location: `${otherHost}/final`, 'content-length': '0' })),
    expected: { pass: true, error: null, status: 204, logto: 'Success' },
    check: (r) => expect(r.response?.redirects).toEqual([{ status: 307, location: `${otherHost}/final` }]),
  },
  {
    name: 'invalid UTF-8 and invalid JSON (Logto logs the text; any 2xx is Success)',
    raw: (socket) => socket.write(Buffer.concat([Buffer.from(head('200 OK', { 'content-type': 'application/json', 'content-length': '7' })), Buffer.from([0xff, 0xfe, 0x7b, 0x62, 0x61, 0x64, 0x2c])])),
    expected: { pass: true, error: null, status: 200, logto: 'Success' },
    check: (r) => expect(r.response?.body).toBe('\uFFFD\uFFFD{bad,'),
  },
  {
    name: '200 with content-length larger than the body',
    raw: (socket) => socket.end(`${head('200 OK', { 'content-length': '1000' })}{"short":true}`),
    expected: { pass: false, error: 'connection-reset', status: null, logto: 'Error' },
    check: (r) => expect(r.error?.message).toMatch(/connection closed by .* before the reply body was complete \(status 200, headers after \d+ ms, 14 body bytes received of content-length 1000\)/),
  },
  {
    name: 'HTTP/1.0 close-delimited reply',
    raw: (socket) => socket.end(`${head('200 OK', { 'content-type': 'application/json' }, '1.0')}{"closeDelimited":true}`),
    expected: { pass: true, error: null, status: 200, logto: 'Success' },
    check: (r) => expect(r.response?.body).toBe('{"closeDelimited":true}'),
  },
  {
    name: 'endless header block',
    raw: (socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      every(socket, 5, () => socket.write(`x-flood: ${'f'.repeat(1000)}\r\n`));
    },
    expected: { pass: false, error: 'network', status: null, logto: 'Error' },
    check: (r) => expect(r.error?.message).toMatch(/invalid HTTP reply from .*: max header size exceeded/),
  },
  {
    name: 'garbage instead of HTTP',
    raw: (socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'),
    expected: { pass: false, error: 'network', status: null, logto: 'Error' },
    check: (r) => expect(r.error?.message).toMatch(/^invalid HTTP reply from /),
  },
];

/** Alone, after the others: a 100 MB flood on a 2-core machine must not starve the timed cases. */
const heavy: Case[] = [
  {
    name: '100 MB reply (read and counted whole, kept as a prefix)',
    raw: (socket) => {
      socket.write(head('200 OK', { 'content-length': String(100 * MB) }));
      flood(socket, 100 * MB);
    },
    expected: { pass: true, error: null, status: 200, logto: 'Success', truncated: true },
    check: (r) => expect(r.response).toMatchObject({ bytes: 100 * MB, truncated: true, body: 'x'.repeat(MB) }),
  },
];

function matrix(list: Case[]) {
  for (const { name, raw, expected, check, timeoutMs = TIMEOUT_MS } of list) {
    test(name, async () => {
      const overUrl = await deliver(await urlFor(raw), timeoutMs);
      const inProcess = await deliver({ app: appFor(raw), path: '/hook' }, timeoutMs);
      for (const { result, elapsed } of [overUrl, inProcess]) {
        expect(elapsed).toBeLessThan(budget(timeoutMs));
        expect(shape(result), `${result.target}: ${result.error?.message}`).toEqual(expected);
        check?.(result);
      }
      expect(shape(inProcess.result)).toEqual(shape(overUrl.result));
    });
  }
}

describe.concurrent('fault matrix: URL and in-process, same verdict, in time', () => matrix(cases));
describe('fault matrix: a 100 MB reply, URL and in-process', () => matrix(heavy));

describe('fault matrix: network-only cases (URL transport)', () => {
  let tls: HttpsServer;
  let tlsUrl = '';
  beforeAll(async () => {
    const { cert, key } = selfSignedCertificate();
    tls = createHttpsServer({ cert, key }, (_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    tls.closeAllConnections();
    await new Promise<void>((resolve) => tls.close(() => resolve()));
  });

  test('TLS with a self-signed certificate: a clear error, accepted only with insecure: true', async () => {
    const refused = await deliver(tlsUrl);
    expect(refused.elapsed).toBeLessThan(budget(TIMEOUT_MS));
    expect(shape(refused.result)).toEqual({ pass: false, error: 'tls', status: null, logto: 'Error' });
    expect(refused.result.error?.message).toMatch(/^TLS certificate of 127\.0\.0\.1:\d+ rejected: .*self-signed.* \(DEPTH_ZERO_SELF_SIGNED_CERT\); .*insecure: true/);
    const accepted = await deliver({ url: tlsUrl, insecure: true });
    expect(shape(accepted.result)).toEqual({ pass: true, error: null, status: 204, logto: 'Success' });
  });

  test('a port that refuses', async () => {
    const { url, server } = await serveHttp(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { result, elapsed } = await deliver(`${url}/hook`);
    expect(elapsed).toBeLessThan(budget(TIMEOUT_MS));
    expect(shape(result)).toEqual({ pass: false, error: 'connection-refused', status: null, logto: 'Error' });
    expect(result.error?.message).toMatch(/^connection refused by 127\.0\.0\.1:\d+ \(is the hook running\?\)$/);
  });

  test('a DNS name that does not resolve (.invalid)', async () => {
    const { result, elapsed } = await deliver('http://hooksim-fault-matrix.invalid/hook');
    expect(elapsed).toBeLessThan(budget(TIMEOUT_MS));
    expect(shape(result)).toEqual({ pass: false, error: 'dns', status: null, logto: 'Error' });
    expect(result.error?.message).toBe('DNS lookup failed for hooksim-fault-matrix.invalid (ENOTFOUND)');
  });

  test("a port on fetch's blocked list is refused before connecting, as Logto's fetch refuses it", async () => {
    const { result } = await deliver('http://127.0.0.1:6000/hook');
    expect(shape(result)).toEqual({ pass: false, error: 'network', status: null, logto: 'Error' });
    expect(result.error?.message).toMatch(/blocked-port list/);
  });
});
