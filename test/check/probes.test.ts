import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlLine, shellQuote } from '../../src/check/exchange.js';
import { encodeEntries, encodeJson } from '../../src/check/encode.js';
import { quantile } from '../../src/check/delivery.js';
import { checkHook } from '../../src/check/index.js';
import { renderPretty } from '../../src/check/report/pretty.js';
import { paint } from '../../src/cli/style.js';
import { fetchHandlerTransport } from '../../src/transports/fetch-handler.js';
import type { Transport } from '../../src/transports/types.js';

describe('re-encodings: the same JSON value as other bytes', () => {
  const value = { event: 'User.Created', data: { name: 'Zoë', url: 'https://x/y', n: 200, customData: {} }, list: [1, 2.5] };

  it('pretty, \\u-escaped and 1.0 forms parse back to the same value, with different bytes', () => {
    for (const encoding of [{ indent: 2 }, { escapeAll: true }, { pointZero: true }]) {
      const text = encodeJson(value, encoding);
      expect(JSON.parse(text)).toEqual(value);
      expect(text).not.toBe(JSON.stringify(value));
    }
    expect(encodeJson(value, { escapeAll: true })).toContain('Zo\\u00eb');
    expect(encodeJson(value, { escapeAll: true })).toContain('https:\\u002f\\u002fx');
    expect(encodeJson(value, { pointZero: true })).toContain('"n":200.0');
    expect(encodeJson(value, { pointZero: true })).toContain('[1.0,2.5]');
  });

  it('writes integer-like keys where told, which JSON.stringify of the parsed object would move first', () => {
    const text = encodeEntries({ $entries: [['plan', 'pro'], ['2024', true]] }, {});
    expect(text).toBe('{"plan":"pro","2024":true}');
    expect(JSON.stringify(JSON.parse(text))).toBe('{"2024":true,"plan":"pro"}');
  });
});

describe('replayable requests', () => {
  it('the curl line sends the exact bytes (printf %s keeps quotes, newlines and no trailing newline)', () => {
    const body = `{"name":"O'Brien",\n"x":"%s \\\\ $HOME"}`;
    const line = curlLine({ method: 'POST', headers: { 'content-type': 'application/json' }, body }, 'http://127.0.0.1:1/hook', []);
    const printed = execFileSync('sh', ['-c', line.slice(0, line.indexOf(' | curl'))], { encoding: 'utf8' });
    expect(printed).toBe(body);
    expect(line).toContain(`-H 'content-type: application/json'`);
    expect(line).toContain(`'http://127.0.0.1:1/hook'`);
  });

  it('in-process targets get $HOOK_URL, and secrets are redacted', () => {
    const line = curlLine({ method: 'POST', headers: { 'x-dexiecloud-token': 'tok-0123456789' }, body: '{"key":"secret-signing-key-42"}' }, undefined, ['secret-signing-key-42']);
    expect(line).toContain('"$HOOK_URL"');
    expect(line).not.toContain('secret-signing-key-42');
    expect(line).not.toContain('tok-0123456789');
    expect(line).toContain('[redacted]');
  });

  it('shell quoting survives single quotes', () => {
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote("it's")}`], { encoding: 'utf8' })).toBe("it's");
  });
});

describe('delivery.latency', () => {
  /** A transport that reports a fixed latency per event: no timing in the test. */
  function timed(ms: (event: string) => number): Transport {
    const inner = fetchHandlerTransport(async () => Response.json({ ok: true, action: 'eval' }));
    return {
      description: 'timed fixture',
      async send(request, limits) {
        const result = await inner.send(request, limits);
        return { ...result, durationMs: ms(request.body) };
      },
      close: () => inner.close(),
    };
  }

  it('passes under half the timeout, warns above it, fails at the timeout, with p50/p99 per event', async () => {
    const run = (ms: number) => checkHook({ provider: 'dexie-cloud', target: timed(() => ms), options: { timeoutMs: 1000 }, fuzz: 0 });
    const fast = (await run(100)).checks.find((c) => c.id === 'delivery.latency')!;
    expect(fast.status).toBe('pass');
    expect(fast.message).toBe('p50 100 ms, p99 100 ms over 3 deliveries; slowest 100 ms (new-user) against a 1000 ms timeout');
    expect(fast.details).toEqual({ timeoutMs: 1000, perEvent: { 'new-user': { n: 3, p50: 100, p99: 100, max: 100 } } });
    expect(renderPretty(await run(100), paint(false))).toContain('  ✔ delivery.latency  p50 100 ms, p99 100 ms over 3 deliveries; slowest 100 ms (new-user) against a 1000 ms timeout\n      new-user: p50 100 ms, p99 100 ms (3 deliveries)\n');
    const slow = (await run(600)).checks.find((c) => c.id === 'delivery.latency')!;
    expect(slow).toMatchObject({ status: 'warn', message: expect.stringMatching(/: above half the timeout$/) });
    const over = (await run(1000)).checks.find((c) => c.id === 'delivery.latency')!;
    expect(over).toMatchObject({ status: 'fail', message: expect.stringMatching(/: over the timeout$/) });
  });

  it('nearest-rank quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.99)).toBe(4);
    expect(quantile([], 0.5)).toBe(0);
  });
});
