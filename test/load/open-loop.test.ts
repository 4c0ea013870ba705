import { describe, expect, test } from 'vitest';
import type { AttemptResult, Transport } from '../../src/transports/types.js';
import { loadTest, type LoadTimer } from '../../src/load/index.js';

/** A timer that only moves when the test moves it. */
function manualTimer() {
  let now = 0;
  const waiters: { at: number; resolve: () => void }[] = [];
  const timer: LoadTimer & { set(at: number): void } = {
    now: () => now,
    sleepUntil: (at) => new Promise<void>((resolve) => waiters.push({ at, resolve })),
    set(at) {
      now = at;
      for (const waiter of waiters.filter((candidate) => candidate.at <= at)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
  };
  return timer;
}

/**
 * A hook that answers only when the test says so: `sent` resolves on the n-th request, with the
 * timer's reading when it arrived. Replies are 200s (Dexie's eval).
 */
function heldTransport(timer: LoadTimer) {
  const startedAt: number[] = [];
  const pending: ((result: AttemptResult) => void)[] = [];
  const arrivals: (() => void)[] = [];
  const transport: Transport = {
    description: 'held',
    send: () =>
      new Promise<AttemptResult>((resolve) => {
        startedAt.push(timer.now());
        pending.push(resolve);
        arrivals.shift()?.();
      }),
    close: async () => undefined,
  };
  const reply = { durationMs: 0, reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"action":"eval"}', bytes: 27 } };
  return {
    transport,
    startedAt,
    /** Resolves once `n` requests have arrived in total. */
    arrived: async (n: number) => {
      while (startedAt.length < n) await new Promise<void>((resolve) => arrivals.push(resolve));
    },
    answerAll: () => pending.splice(0).forEach((resolve) => resolve(reply)),
    answer: (index: number) => pending[index]!(reply),
  };
}

describe('open loop: sends on schedule whatever the hook does, latency from the intended start', () => {
  test('a hook that answers nothing does not slow the sends; latencies count from each intended time', async () => {
    const timer = manualTimer();
    const hook = heldTransport(timer);
    // 100 events/s: intended starts at 0, 10, 20, 30 and 40 ms.
    const run = loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.transport, rate: 100, count: 5, connections: 10, timer });
    await hook.arrived(1);
    for (const [n, at] of [[2, 10], [3, 20], [4, 30], [5, 40]] as const) {
      timer.set(at);
      await hook.arrived(n);
    }
    // All five are out though none was answered: a closed loop would still be waiting on the first.
    expect(hook.startedAt).toEqual([0, 10, 20, 30, 40]);
    timer.set(100);
    hook.answerAll();
    const report = await run;
    expect(report.mode).toBe('open-loop');
    expect(report.tally).toMatchObject({ sent: 5, kept: 5 });
    // Latencies 100, 90, 80, 70 and 60 ms; the histogram holds them to 3 significant digits.
    expect(report.latency.max).toBeCloseTo(100, 0);
    expect(report.latency.min).toBeCloseTo(60, 1);
    expect(report.latency.p50).toBeGreaterThanOrEqual(80);
    expect(report.latency.p50).toBeLessThan(80 * 1.001);
    expect(report.startLag?.max).toBeLessThan(0.01);
  });

  test('at the connection cap an event waits, and the wait counts in its latency (no coordinated omission)', async () => {
    const timer = manualTimer();
    const hook = heldTransport(timer);
    // 100/s with 2 connections: the event due at 20 ms cannot start before one of the first two is answered.
    const run = loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.transport, rate: 100, count: 3, connections: 2, timer });
    await hook.arrived(1);
    timer.set(10);
    await hook.arrived(2);
    timer.set(20);
    expect(hook.startedAt).toEqual([0, 10]);
    timer.set(35);
    hook.answer(0);
    await hook.arrived(3);
    expect(hook.startedAt).toEqual([0, 10, 35]);
    timer.set(50);
    hook.answerAll();
    const report = await run;
    // Latencies: 35 (answered at 35, due at 0), 40 (due 10) and 30 (due 20, sent at 35).
    expect(report.latency.max).toBeCloseTo(40, 1);
    expect(report.latency.p50).toBeCloseTo(35, 1);
    expect(report.latency.min).toBeCloseTo(30, 1);
    // It started 15 ms behind schedule, and the report says so.
    expect(report.startLag?.max).toBeCloseTo(15, 1);
  });

  test('closed loop, for contrast: one connection sends the next event only after the previous verdict', async () => {
    const timer = manualTimer();
    const hook = heldTransport(timer);
    const run = loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.transport, count: 2, connections: 1, timer });
    await hook.arrived(1);
    timer.set(50);
    expect(hook.startedAt).toEqual([0]);
    hook.answer(0);
    await hook.arrived(2);
    timer.set(60);
    hook.answer(1);
    const report = await run;
    expect(hook.startedAt).toEqual([0, 50]);
    expect(report.mode).toBe('closed-loop');
    expect(report.latency.max).toBeCloseTo(50, 1);
    expect(report.latency.p50).toBeCloseTo(10, 1);
  });

  test('--duration: events are started only while their intended time is inside the duration', async () => {
    const timer = manualTimer();
    const hook = heldTransport(timer);
    const run = loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.transport, rate: 100, durationMs: 25, connections: 10, timer });
    await hook.arrived(1);
    for (const [n, at] of [[2, 10], [3, 20]] as const) {
      timer.set(at);
      await hook.arrived(n);
    }
    timer.set(30);
    hook.answerAll();
    const report = await run;
    expect(report.tally.sent).toBe(3);
  });
});

describe('live progress', () => {
  test('onProgress reports the run so far: events in flight before any verdict, then the counts', async () => {
    const seen: { sent: number; inFlight: number }[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reply = { durationMs: 0, reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"action":"eval"}', bytes: 27 } };
    // Replies wait until the first progress report, so that report sees both events in flight.
    const transport = { description: 'held', send: async () => (await held, reply), close: async () => undefined };
    const report = await loadTest({
      provider: 'dexie-cloud',
      events: ['new-user'],
      target: transport,
      count: 2,
      connections: 2,
      progressIntervalMs: 5,
      onProgress: (progress) => {
        seen.push({ sent: progress.sent, inFlight: progress.inFlight });
        release();
      },
    });
    expect(seen[0]).toEqual({ sent: 0, inFlight: 2 });
    expect(report.tally.sent).toBe(2);
  });
});
