import { afterEach, describe, expect, test } from 'vitest';
import { LatencyHistogram } from '../../src/load/histogram.js';
import { loadTest } from '../../src/load/index.js';
import { ok, startHook } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('latency percentiles', () => {
  test('the histogram reports recorded values to 3 significant digits', () => {
    const histogram = new LatencyHistogram();
    for (let i = 1; i <= 1000; i++) histogram.record(i); // 1..1000 ms
    const summary = histogram.summary();
    expect(summary.count).toBe(1000);
    for (const [name, expected] of [['p50', 500], ['p90', 900], ['p99', 990], ['p99.9', 999], ['max', 1000], ['min', 1]] as const) {
      expect(summary[name], name).toBeGreaterThanOrEqual(expected);
      expect(summary[name], name).toBeLessThanOrEqual(expected * 1.001);
    }
  });

  test('an empty histogram reports zeros, not NaN', () => {
    expect(new LatencyHistogram().summary()).toEqual({ p50: 0, p90: 0, p99: 0, 'p99.9': 0, min: 0, max: 0, mean: 0, count: 0 });
  });

  test('against a hook with injected delays, each percentile lands in the band of its injected delay', async () => {
    // 20 events one at a time: 17 answered after 10 ms, 2 after 150 ms, 1 after 600 ms. Sorted,
    // the 10th (p50) is a 10 ms one, the 18th (p90) a 150 ms one, the 20th (p99, max) the 600 ms
    // one. A latency is at least its injected delay (less 1 ms of timer rounding) and, on any
    // machine, far below the next band, so each band is told apart without timing the run.
    const delayOf = (index: number) => (index === 19 ? 600 : index >= 17 ? 150 : 10);
    const hook = await startHook((index, _req, res) => setTimeout(() => ok(res), delayOf(index)));
    close = hook.close;
    const report = await loadTest({ provider: 'dexie-cloud', events: ['new-user'], target: hook.url, count: 20, connections: 1 });
    const { latency } = report;
    expect(latency.count).toBe(20);
    expect(latency.min).toBeGreaterThanOrEqual(9);
    expect(latency.p50).toBeGreaterThanOrEqual(9);
    expect(latency.p50).toBeLessThan(149);
    expect(latency.p90).toBeGreaterThanOrEqual(149);
    expect(latency.p90).toBeLessThan(599);
    expect(latency.p99).toBeGreaterThanOrEqual(599);
    expect(latency.max).toBeGreaterThanOrEqual(599);
    expect(latency.max).toBeLessThan(1200);
  });
});
