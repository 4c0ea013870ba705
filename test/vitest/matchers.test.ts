// The `hooksim/vitest` matchers, called both ways: on a delivery that passes and one that fails,
// with and without `.not`, and the message a user reads when one fails.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.js';
import type { JudgedDelivery } from '../../src/vitest/matchers.js';

const kept: JudgedDelivery = { response: { status: 200 }, verdict: { pass: true, violations: [] }, outcome: { login: 'accepted', action: 'prod', user: { type: 'prod' } } };
const broken: JudgedDelivery = {
  response: { status: 500 },
  verdict: {
    pass: false,
    violations: [
      { path: 'status', message: 'expected status 200, got 500' },
      { path: 'headers.content-type', message: 'expected application/json, got "text/html"' },
    ],
  },
  outcome: { login: 'refused', status: 403 },
};
const timedOut: JudgedDelivery = {
  error: { kind: 'timeout', message: 'no reply within 10000 ms' },
  verdict: { pass: false, violations: [{ path: 'delivery', message: 'no reply within 10000 ms' }] },
  outcome: undefined,
};
const silent: JudgedDelivery = { verdict: { pass: false, violations: [] }, outcome: {} };

/** The message of the assertion error `assertion` throws, without colours. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail, but it passed');
}

describe('toKeepContract', () => {
  it('passes on a delivery that kept the contract', () => {
    expect(kept).toKeepContract();
  });

  it('fails on a broken one, listing every violation with its path', () => {
    expect(failure(() => expect(broken).toKeepContract())).toBe(
      'expected the hook to keep the contract, but it broke it:\n  - status: expected status 200, got 500\n  - headers.content-type: expected application/json, got "text/html"',
    );
  });

  it('.not passes on a broken delivery and fails on a kept one, saying what came back', () => {
    expect(broken).not.toKeepContract();
    expect(failure(() => expect(kept).not.toKeepContract())).toBe('expected the hook to break the contract, but it kept it (status 200)');
  });

  it('says why no reply came', () => {
    expect(failure(() => expect(timedOut).toKeepContract())).toBe('expected the hook to keep the contract, but it broke it:\n  - delivery: no reply within 10000 ms');
    const quickTimeout = { ...timedOut, verdict: { pass: true, violations: [] } };
    expect(failure(() => expect(quickTimeout).not.toKeepContract())).toBe(
      'expected the hook to break the contract, but it kept it (no reply (timeout: no reply within 10000 ms))',
    );
    expect(failure(() => expect({ ...silent, verdict: { pass: true, violations: [] } }).not.toKeepContract())).toBe(
      'expected the hook to break the contract, but it kept it (no reply)',
    );
  });
});

describe('toHaveStatus', () => {
  it('an exact status passes on it and fails on another', () => {
    expect(kept).toHaveStatus(200);
    expect(failure(() => expect(broken).toHaveStatus(200))).toBe('expected status 200, got status 500');
    expect(kept).not.toHaveStatus(204);
    expect(failure(() => expect(kept).not.toHaveStatus(200))).toBe('expected not status 200, got status 200');
  });

  it('a class passes on every status of the class and on none outside it', () => {
    for (const status of [200, 204, 299]) expect({ ...kept, response: { status } }).toHaveStatus('2xx');
    for (const status of [199, 300, 302, 404]) expect({ ...kept, response: { status } }).not.toHaveStatus('2xx');
    expect(broken).toHaveStatus('5xx');
    expect(failure(() => expect(broken).toHaveStatus('2xx'))).toBe('expected status "2xx", got status 500');
  });

  it('something other than a class never matches', () => {
    const wrong = ['2XX', '2xxx', 'x2xx', '22xx', '6xx', '200'] as never[];
    for (const expected of wrong) expect(kept).not.toHaveStatus(expected);
  });

  it('a list passes on any listed status and fails on others', () => {
    expect({ ...kept, response: { status: 204 } }).toHaveStatus([200, 204]);
    expect(failure(() => expect(broken).toHaveStatus([200, 204]))).toBe('expected status [200,204], got status 500');
  });

  it('fails without a reply, saying why, whatever is expected', () => {
    expect(failure(() => expect(timedOut).toHaveStatus('2xx'))).toBe('expected status "2xx", got no reply (timeout: no reply within 10000 ms)');
    expect(timedOut).not.toHaveStatus(200);
    expect(timedOut).not.toHaveStatus([200]);
    expect(failure(() => expect(silent).toHaveStatus(200))).toBe('expected status 200, got no reply');
  });
});

describe('toHaveOutcome', () => {
  it('passes when every given key is equal (a subset of the outcome)', () => {
    expect(kept).toHaveOutcome({ login: 'accepted' });
    expect(kept).toHaveOutcome({ login: 'accepted', user: { type: 'prod' } });
    expect(kept).toHaveOutcome({ user: expect.objectContaining({ type: 'prod' }) });
  });

  it('fails when a key differs, showing the difference', () => {
    const message = failure(() => expect(broken).toHaveOutcome({ login: 'accepted' }));
    expect(message).toMatch(/^expected the outcome to match:\n/);
    expect(message).toContain('-   "login": "accepted"');
    expect(message).toContain('+   "login": "refused"');
  });

  it('a nested value is compared whole unless objectContaining is used', () => {
    expect(kept).not.toHaveOutcome({ user: {} });
  });

  it('a key the outcome lacks does not match', () => {
    expect(kept).not.toHaveOutcome({ reason: 'x' });
    expect(timedOut).not.toHaveOutcome({ login: 'accepted' });
  });

  it('.not fails on a matching outcome', () => {
    const message = failure(() => expect(kept).not.toHaveOutcome({ login: 'accepted' }));
    expect(message).toMatch(/^expected the outcome not to match:\n/);
  });
});

describe('misuse', () => {
  it.each([
    ['toKeepContract', (value: unknown) => expect(value).toKeepContract()],
    ['toHaveStatus', (value: unknown) => expect(value).toHaveStatus(200)],
    ['toHaveOutcome', (value: unknown) => expect(value).toHaveOutcome({})],
  ] as const)('%s on something that is not a delivery is an error, also under .not', (name, assertion) => {
    expect(() => assertion('x')).toThrow(new TypeError(`${name} expects the result of send() or a scenario delivery, got string`));
    expect(() => assertion(null)).toThrow(new TypeError(`${name} expects the result of send() or a scenario delivery, got null`));
    expect(() => assertion({ outcome: {} })).toThrow(TypeError);
    expect(() => assertion({ verdict: { pass: true, violations: [] } })).toThrow(TypeError);
    expect(() => expect(undefined).not.toKeepContract()).toThrow(TypeError);
  });
});
