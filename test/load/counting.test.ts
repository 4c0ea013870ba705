import { afterEach, describe, expect, test } from 'vitest';
import { loadTest } from '../../src/load/index.js';
import { getProvider } from '../../src/providers/registry.js';
import type { AnyProvider } from '../../src/providers/types.js';
import { KEY, ok, startHook } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('every event is counted once: sent = kept + broken + errored', () => {
  test('Logto: 500s are broken (path status), dropped connections are transport errors, log rows add up', async () => {
    // Deterministic faults by arrival order: every 5th request is answered 500, every 7th (not
    // also a 5th) has its connection destroyed without a reply.
    let answered500 = 0;
    let dropped = 0;
    const hook = await startHook((index, req, res) => {
      if (index % 5 === 4) {
        answered500++;
        res.statusCode = 500;
        return ok(res, '{"error":"boom"}');
      }
      if (index % 7 === 6) {
        dropped++;
        return req.socket.destroy();
      }
      ok(res);
    });
    close = hook.close;
    const report = await loadTest({ provider: 'logto', events: ['PostRegister', 'User.Created'], target: hook.url, signingKey: KEY, count: 120, connections: 4 });
    const { tally } = report;
    expect(tally.sent).toBe(120);
    expect(tally.kept + tally.broken + tally.errored).toBe(tally.sent);
    expect(tally.broken).toBe(answered500);
    expect(tally.errored).toBe(dropped);
    expect(tally.brokenByPath).toEqual({ status: answered500 });
    expect(tally.errorsByKind).toEqual({ 'connection-reset': dropped });
    expect(tally.outcomes).toEqual({ Success: tally.kept, Error: answered500 + dropped });
    expect(report.outcomeTitle).toMatch(/Logto log rows/);
    expect(report.latency.count).toBe(120);
  });

  test('every event is distinct and correctly signed; a user\'s PostRegister and User.Created (experience) share their session', async () => {
    const hook = await startHook((_index, _req, res) => ok(res));
    close = hook.close;
    const report = await loadTest({ provider: 'logto', events: ['PostRegister', 'User.Created:experience'], target: hook.url, signingKey: KEY, count: 60, connections: 3 });
    expect(report.tally.kept).toBe(60);
    expect(hook.log.unsigned).toBe(0);
    expect(hook.log.badSignatures).toBe(0);
    expect(new Set(hook.log.bodies).size).toBe(60);
    const events = hook.log.bodies.map((body) => JSON.parse(body) as { event: string; sessionId: string; userId?: string; data?: { id: string } });
    const registered = events.filter((event) => event.event === 'PostRegister');
    const created = events.filter((event) => event.event === 'User.Created');
    expect(registered).toHaveLength(30);
    expect(created).toHaveLength(30);
    // 30 new users, each with one sign-up session and one user row.
    expect(new Set(registered.map((event) => event.userId)).size).toBe(30);
    for (const event of registered) {
      const twin = created.find((candidate) => candidate.sessionId === event.sessionId);
      expect(twin?.data?.id).toBe(event.userId);
    }
  });

  test('Dexie Cloud: logins accepted and refused are counted by the provider\'s own code', async () => {
    const hook = await startHook((index, _req, res) => ok(res, index % 4 === 0 ? '{"ok":true,"action":"reject"}' : '{"ok":true,"action":"prod"}'));
    close = hook.close;
    const report = await loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.url, count: 40, connections: 2 });
    expect(report.tally.kept).toBe(40);
    expect(report.tally.outcomes).toEqual({ 'accepted (prod)': 30, 'refused USER_NOT_ACCEPTED': 10 });
    expect(new Set(hook.log.bodies.map((body) => (JSON.parse(body) as { email: string }).email)).size).toBe(40);
  });

  test('a hook that refuses connections: every event is a transport error of kind connection-refused', async () => {
    const hook = await startHook((_index, _req, res) => ok(res));
    const url = hook.url;
    await hook.close();
    const report = await loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: url, count: 10, connections: 2 });
    expect(report.tally).toMatchObject({ sent: 10, kept: 0, broken: 0, errored: 10, errorsByKind: { 'connection-refused': 10 } });
  });

  test('the same seed sends the same events; another seed sends other ones', async () => {
    const hook = await startHook((_index, _req, res) => ok(res));
    close = hook.close;
    const run = async (seed: number) => {
      hook.log.bodies.length = 0;
      await loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.url, count: 5, connections: 1, seed });
      return [...hook.log.bodies];
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect((await run(8)).filter((body) => first.includes(body))).toEqual([]);
  });
});

describe('stopping early', () => {
  test('an aborted run stops starting events, counts those in flight, and says it was interrupted', async () => {
    const controller = new AbortController();
    let sends = 0;
    // A transport that answers at once and pulls the plug on its third request.
    const transport = {
      description: 'counting transport',
      send: async () => {
        if (++sends === 3) controller.abort();
        return { durationMs: 0, reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"action":"eval"}', bytes: 27 } };
      },
      close: async () => undefined,
    };
    const report = await loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: transport, count: 100, connections: 1, signal: controller.signal });
    expect(report.interrupted).toBe(true);
    expect(report.tally).toMatchObject({ sent: 3, kept: 3 });
  });
});

describe('closed loop order: the next request goes out before the last reply is judged', () => {
  test('each reply is judged after its sender\'s next send, and judging never falls far behind', async () => {
    const log: string[] = [];
    let sends = 0;
    const reply = { durationMs: 0, reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"action":"eval"}', bytes: 27 } };
    // Answers at once, without I/O: the runner must still judge every event, a few at a time.
    const transport = {
      description: 'instant',
      send: async () => {
        log.push(`send ${++sends}`);
        return reply;
      },
      close: async () => undefined,
    };
    const dexie = getProvider('dexie-cloud');
    let judged = 0;
    const provider: AnyProvider = {
      ...dexie,
      judge: (...args: Parameters<AnyProvider['judge']>) => {
        log.push(`judge ${++judged}`);
        return dexie.judge(...args);
      },
    };
    const report = await loadTest({ provider, events: ['new-user'], target: transport, count: 200, connections: 1 });
    expect(report.tally).toMatchObject({ sent: 200, kept: 200 });
    expect(report.latency.count).toBe(200);
    for (let k = 1; k < 200; k++) {
      expect(log.indexOf(`judge ${k}`)).toBeGreaterThan(log.indexOf(`send ${k + 1}`));
      // Replies waiting for a verdict are bounded (4 per connection), whatever the transport.
      if (k + 6 <= 200) expect(log.indexOf(`judge ${k}`)).toBeLessThan(log.indexOf(`send ${k + 6}`));
    }
  });
});
