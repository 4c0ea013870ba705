import { describe, expect, test } from 'vitest';
import type { Attempt, DeliveryRecord } from '../../src/core/types.js';
import { builtinProviders } from '../../src/providers/registry.js';
import { prepareEvent } from '../../src/send.js';

/**
 * A provider's `tally` (what load runs count) must say what `judge` says: the same verdict, and
 * the label `outcomeSummary` gives `judge`'s outcome. Checked on replies of every status class,
 * retried deliveries and transport failures, for each built-in provider that has one.
 */

const reply = (status: number, body = '{"ok":true,"action":"eval"}'): Attempt['reply'] => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
  bytes: Buffer.byteLength(body),
});

const records: [string, DeliveryRecord][] = [
  ['200 with JSON', { attempts: [{ number: 1, durationMs: 3, reply: reply(200) }] }],
  ['204, no body', { attempts: [{ number: 1, durationMs: 3, reply: reply(204, '') }] }],
  ['299', { attempts: [{ number: 1, durationMs: 3, reply: reply(299) }] }],
  ['199', { attempts: [{ number: 1, durationMs: 3, reply: reply(199) }] }],
  ['302', { attempts: [{ number: 1, durationMs: 3, reply: reply(302, '') }] }],
  ['401 text', { attempts: [{ number: 1, durationMs: 3, reply: reply(401, 'unauthorized') }] }],
  ['500 then 500 (retried)', { attempts: [{ number: 1, durationMs: 3, reply: reply(500) }, { number: 2, durationMs: 3, reply: reply(500) }] }],
  ['500 then 200 (retried)', { attempts: [{ number: 1, durationMs: 3, reply: reply(500) }, { number: 2, durationMs: 3, reply: reply(200) }] }],
  ['timeout', { attempts: [{ number: 1, durationMs: 10_000, error: { kind: 'timeout', message: 'no reply within 10000 ms' } }] }],
  ['connection refused', { attempts: [{ number: 1, durationMs: 1, error: { kind: 'connection-refused', message: 'connect ECONNREFUSED' } }] }],
  ['reply head, then the body timed out', { attempts: [{ number: 1, durationMs: 30_000, reply: reply(200, '{"ok":'), error: { kind: 'body-timeout', message: 'body still arriving' } }] }],
];

const withTally = builtinProviders.filter((provider) => provider.tally !== undefined);

describe('provider.tally agrees with provider.judge', () => {
  test('at least one built-in provider has a tally (the check below is not empty)', () => {
    expect(withTally.map((provider) => provider.name)).toContain('logto');
  });

  for (const provider of withTally) {
    for (const event of provider.events.slice(0, 3)) {
      test(`${provider.name} ${event.name}: every record`, () => {
        const prepared = prepareEvent({ provider: provider.name, event: event.name, seed: 7, options: { signingKey: 'k' } } as never);
        const options = provider.optionsSchema.parse({ signingKey: 'k' });
        for (const [name, record] of records) {
          const judged = provider.judge(event.name, prepared.request, record, options, 1_700_000_000_000);
          const counted = provider.tally!(event.name, prepared.request, record, options, 1_700_000_000_000);
          expect(counted, name).toEqual({ verdict: judged.verdict, label: provider.outcomeSummary?.label(judged.outcome) });
        }
      });
    }
  }
});
