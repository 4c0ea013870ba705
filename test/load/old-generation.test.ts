import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTest } from '../../src/load/index.js';
import type { LoadOptions } from '../../src/load/types.js';
import { KEY } from './helpers.js';

/**
 * A load run's memory stays flat only if what each event allocates dies young. Garbage that
 * reaches the old generation piles up until V8's next full collection: on Node 20 a
 * `{ ...x, key }` copy in event building left ~450 bytes per event there, and a 100,000-event
 * run peaked ~25 MB higher than a 10,000-event one. V8's sampling heap profiler, told to drop
 * what young-generation collections free, counts the bytes per event that outlived them.
 */

/** Runs `count` events and returns the sampled bytes per event that no young collection freed. */
async function bytesPromotedPerEvent(options: Omit<LoadOptions, 'count'>, count: number): Promise<number> {
  // Two young collections at the end free what the run left in the young generation: only
  // promoted (or still live) bytes stay in the profile. `gc` is exposed for this process only.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
  await loadTest({ ...options, count: 3000 });
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
    const report = await loadTest({ ...options, count });
    gc({ type: 'minor' });
    gc({ type: 'minor' });
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let bytes = 0;
    const visit = (node: typeof profile.head): void => {
      bytes += node.selfSize;
      node.children.forEach(visit);
    };
    visit(profile.head);
    expect(report.tally.sent).toBe(count);
    return bytes / count;
  } finally {
    await session.post('HeapProfiler.disable');
    session.disconnect();
  }
}

describe('a load run leaves nothing per event in the old generation', () => {
  // The hook runs in its own process: its allocations are not the run's.
  let hook: ChildProcess;
  let url: string;
  beforeAll(async () => {
    const source = `require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end('{"ok":true,"action":"eval"}'); }); }).listen(0, '127.0.0.1', function () { process.stdout.write(this.address().port + '\\n'); });`;
    hook = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [port] = (await once(hook.stdout!, 'data')) as [Buffer];
    url = `http://127.0.0.1:${port.toString().trim()}/hook`;
  });
  afterAll(() => {
    hook.kill();
  });

  // Measured here: ~115 and ~50 bytes per event (V8 caches, sockets, code the run optimises);
  // ~590 and ~1,170 with the `{ ...x, key }` copies.
  it('Logto sign-ups (PostRegister with its User.Created) promote under 250 bytes per event', async () => {
    const perEvent = await bytesPromotedPerEvent({ provider: 'logto', events: ['PostRegister', 'User.Created:experience'], target: url, signingKey: KEY, connections: 10 }, 5000);
    expect(perEvent).toBeLessThan(250);
  });

  it('Logto data events promote under 250 bytes per event', async () => {
    const perEvent = await bytesPromotedPerEvent({ provider: 'logto', events: ['User.Data.Updated:custom-data', 'User.Deleted'], target: url, signingKey: KEY, connections: 10 }, 5000);
    expect(perEvent).toBeLessThan(250);
  });
});
