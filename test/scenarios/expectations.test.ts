// A step's `expect:` checked against one delivery: every key, each with a delivery that passes it
// and one that fails it, the expected/actual text reports show and where the key is written.
import { describe, expect, it } from 'vitest';
import type { Attempt, Reply, TransportError, Violation } from '../../src/core/types.js';
import { checkExpectations, type Locate } from '../../src/scenarios/expectations.js';
import type { DeliveryResult, ExpectationResult } from '../../src/scenarios/result.js';
import type { ExpectSpec } from '../../src/scenarios/schema.js';

/** Locations that spell out the path and key asked for, so tests can check where a result points. */
const locate: Locate = (path, key) => ({ file: `${path.join('.')}${key === undefined ? '' : `#${key}`}`, line: 1, column: 1 });
const at = ['steps', 0];

function reply(status: number, body: unknown = { ok: true }, headers: Record<string, string> = { 'content-type': 'application/json' }): Reply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, body: text, bytes: Buffer.byteLength(text) };
}

function delivery(options: { reply?: Reply; error?: TransportError; violations?: Violation[]; attempts?: Attempt[]; outcome?: unknown } = {}): DeliveryResult {
  const violations = options.violations ?? [];
  const attempts = options.attempts ?? [{ number: 1, durationMs: 12, ...(options.reply ? { reply: options.reply } : {}), ...(options.error ? { error: options.error } : {}) }];
  return {
    request: { method: 'POST', headers: {}, body: '{}' },
    ...(options.reply ? { response: options.reply } : {}),
    ...(options.error ? { error: options.error } : {}),
    attempts,
    verdict: { pass: violations.length === 0, violations },
    outcome: options.outcome ?? { login: 'accepted' },
  };
}

function check(spec: ExpectSpec | undefined, result: DeliveryResult, deviates = false): ExpectationResult[] {
  return checkExpectations(spec, result, { deviates, locate, at });
}

/** The one result named `name`. */
function only(results: ExpectationResult[], name: string): ExpectationResult {
  const found = results.filter((result) => result.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const timeout: TransportError = { kind: 'timeout', message: 'no reply within 10000 ms' };
const broken: Violation[] = [
  { path: 'status', message: 'expected status 200, got 500' },
  { path: 'body.action', message: 'expected one of "eval", "prod", "reject", got nothing' },
];

describe('the contract, by default', () => {
  it('a step with no expectations must keep the contract: passes when kept', () => {
    expect(check(undefined, delivery({ reply: reply(200) }))).toEqual([
      { name: 'contract', pass: true, expected: 'the contract kept', actual: 'kept', location: locate(at) },
    ]);
  });

  it('fails when broken, listing every violation', () => {
    expect(check({}, delivery({ reply: reply(500), violations: broken }))).toEqual([
      {
        name: 'contract',
        pass: false,
        expected: 'the contract kept',
        actual: 'broken: status: expected status 200, got 500; body.action: expected one of "eval", "prod", "reject", got nothing',
        location: locate(at),
      },
    ]);
  });

  it('a step that deviates from the provider is not held to the contract', () => {
    expect(check(undefined, delivery({ reply: reply(500), violations: broken }), true)).toEqual([]);
  });

  it('contract: kept is checked also when deviating, and points at its key', () => {
    const result = only(check({ contract: 'kept' }, delivery({ reply: reply(401), violations: broken }), true), 'contract');
    expect(result.pass).toBe(false);
    expect(result.location).toEqual(locate([...at, 'expect'], 'contract'));
  });
});

describe('contract: broken', () => {
  it('passes when the hook broke the contract', () => {
    expect(only(check({ contract: 'broken' }, delivery({ reply: reply(500), violations: broken })), 'contract')).toEqual({
      name: 'contract',
      pass: true,
      expected: 'the contract broken',
      actual: 'broken: status: expected status 200, got 500; body.action: expected one of "eval", "prod", "reject", got nothing',
      location: locate([...at, 'expect'], 'contract'),
    });
  });

  it('fails when the hook kept it', () => {
    expect(only(check({ contract: 'broken' }, delivery({ reply: reply(200) })), 'contract')).toMatchObject({ pass: false, actual: 'kept' });
  });
});

describe('violations', () => {
  it('imply a broken contract, pointing at the violations key', () => {
    const results = check({ violations: ['status'] }, delivery({ reply: reply(500), violations: broken }));
    expect(only(results, 'contract')).toMatchObject({ pass: true, expected: 'the contract broken', location: locate([...at, 'expect'], 'violations') });
  });

  it('with contract: broken, the contract result points at the contract key', () => {
    const results = check({ contract: 'broken', violations: ['status'] }, delivery({ reply: reply(500), violations: broken }));
    expect(only(results, 'contract').location).toEqual(locate([...at, 'expect'], 'contract'));
  });

  it('each listed path passes when reported', () => {
    const results = check({ violations: ['status', 'body.action'] }, delivery({ reply: reply(500), violations: broken }));
    expect(only(results, 'violation status')).toEqual({
      name: 'violation status',
      pass: true,
      expected: 'a violation at status',
      actual: 'violations at status, body.action',
      location: locate([...at, 'expect'], 'violations'),
    });
    expect(only(results, 'violation body.action').pass).toBe(true);
  });

  it('a listed path fails when not reported', () => {
    const results = check({ violations: ['headers.content-type'] }, delivery({ reply: reply(500), violations: broken }));
    expect(only(results, 'violation headers.content-type')).toMatchObject({ pass: false, actual: 'violations at status, body.action' });
  });

  it('fails with "no violations" when the contract was kept', () => {
    const results = check({ violations: ['status'] }, delivery({ reply: reply(200) }));
    expect(only(results, 'violation status')).toMatchObject({ pass: false, actual: 'no violations' });
    expect(only(results, 'contract')).toMatchObject({ pass: false, actual: 'kept' });
  });
});

describe('status', () => {
  const statusOf = (spec: ExpectSpec['status'], result: DeliveryResult) => only(check({ status: spec, contract: 'kept' }, result), 'status');

  it('an exact status passes on that status and fails on another', () => {
    expect(statusOf(200, delivery({ reply: reply(200) }))).toEqual({
      name: 'status',
      pass: true,
      expected: 'status 200',
      actual: 'status 200',
      location: locate([...at, 'expect'], 'status'),
    });
    expect(statusOf(200, delivery({ reply: reply(201) }))).toMatchObject({ pass: false, expected: 'status 200', actual: 'status 201' });
  });

  it('a list passes on any listed status and fails on others', () => {
    expect(statusOf([200, 204], delivery({ reply: reply(204) }))).toMatchObject({ pass: true, expected: 'status [200,204]' });
    expect(statusOf([200, 204], delivery({ reply: reply(202) }))).toMatchObject({ pass: false, actual: 'status 202' });
  });

  it('a class passes on every status of the class, and on none outside it', () => {
    for (const status of [200, 204, 299]) expect(statusOf('2xx', delivery({ reply: reply(status) })).pass).toBe(true);
    for (const status of [199, 300, 302, 404, 500]) expect(statusOf('2xx', delivery({ reply: reply(status) })).pass).toBe(false);
    expect(statusOf('5xx', delivery({ reply: reply(503) }))).toMatchObject({ pass: true, expected: 'status "5xx"' });
    expect(statusOf('4xx', delivery({ reply: reply(503) })).pass).toBe(false);
  });

  it('fails when no reply came, saying why', () => {
    expect(statusOf('2xx', delivery({ error: timeout }))).toMatchObject({ pass: false, actual: 'no reply (timeout: no reply within 10000 ms)' });
    expect(statusOf(200, delivery({}))).toMatchObject({ pass: false, actual: 'no reply' });
  });
});

describe('error', () => {
  it('error: none passes on a reply and fails on a transport error', () => {
    expect(only(check({ error: 'none' }, delivery({ reply: reply(200) })), 'error')).toEqual({
      name: 'error',
      pass: true,
      expected: 'a reply',
      actual: 'status 200',
      location: locate([...at, 'expect'], 'error'),
    });
    expect(only(check({ error: 'none' }, delivery({ error: timeout })), 'error')).toMatchObject({
      pass: false,
      actual: 'timeout: no reply within 10000 ms',
    });
  });

  it('a named kind passes on that error and fails on a reply or another kind', () => {
    expect(only(check({ error: 'timeout' }, delivery({ error: timeout })), 'error')).toMatchObject({ pass: true, expected: 'a timeout error' });
    expect(only(check({ error: 'timeout' }, delivery({ reply: reply(200) })), 'error')).toMatchObject({ pass: false, actual: 'status 200' });
    const refused = { kind: 'connection-refused', message: 'nothing listens on 127.0.0.1:9' } as const;
    expect(only(check({ error: 'timeout' }, delivery({ error: refused })), 'error')).toMatchObject({
      pass: false,
      actual: 'connection-refused: nothing listens on 127.0.0.1:9',
    });
  });
});

describe('attempts', () => {
  const three: Attempt[] = [
    { number: 1, durationMs: 5, reply: reply(500) },
    { number: 2, durationMs: 5, reply: reply(500) },
    { number: 3, durationMs: 5, reply: reply(200) },
  ];
  it('passes on the number of attempts made', () => {
    expect(only(check({ attempts: 3 }, delivery({ reply: reply(200), attempts: three })), 'attempts')).toEqual({
      name: 'attempts',
      pass: true,
      expected: '3 attempt(s)',
      actual: '3 attempt(s)',
      location: locate([...at, 'expect'], 'attempts'),
    });
  });
  it('fails on another number', () => {
    expect(only(check({ attempts: 1 }, delivery({ reply: reply(200), attempts: three })), 'attempts')).toMatchObject({
      pass: false,
      expected: '1 attempt(s)',
      actual: '3 attempt(s)',
    });
  });
});

describe('latency', () => {
  const timed = (durationMs: number, withReply = true): DeliveryResult =>
    delivery({ reply: reply(200), attempts: [{ number: 1, durationMs: 9999, reply: reply(500) }, { number: 2, durationMs, ...(withReply ? { reply: reply(200) } : { error: timeout }) }] });

  it('passes when the last attempt replied within the limit (the limit included)', () => {
    expect(only(check({ latency: '1s' }, timed(1000)), 'latency')).toEqual({
      name: 'latency',
      pass: true,
      expected: 'a reply within 1000 ms',
      actual: '1000 ms',
      location: locate([...at, 'expect'], 'latency'),
    });
    expect(only(check({ latency: 250 }, timed(12.4)), 'latency')).toMatchObject({ pass: true, expected: 'a reply within 250 ms', actual: '12 ms' });
  });

  it('fails when the reply took longer', () => {
    expect(only(check({ latency: '1s' }, timed(1000.6)), 'latency')).toMatchObject({ pass: false, actual: '1001 ms' });
  });

  it('fails when the last attempt got no reply, however quick', () => {
    expect(only(check({ latency: '1s' }, timed(3, false)), 'latency')).toMatchObject({ pass: false, actual: 'no reply after 3 ms' });
  });

  it('fails when no attempt was made', () => {
    expect(only(check({ latency: '1s' }, delivery({ attempts: [] })), 'latency')).toMatchObject({ pass: false, actual: 'no attempt' });
  });
});

describe('body, headers and outcome matchers', () => {
  const result = delivery({
    reply: reply(200, { ok: true, action: 'prod', userData: { tags: ['a'] } }, { 'content-type': 'application/json', 'x-request-id': 'r1' }),
    outcome: { login: 'accepted', user: { type: 'prod' } },
  });

  it('body paths (plain, $. and $-rooted) pass on matching values and point at their key', () => {
    const results = check({ body: { action: 'prod', '$.userData.tags': { contains: 'a' }, '$': { contains: { ok: true } } } }, result);
    expect(only(results, 'body.action')).toEqual({
      name: 'body.action',
      pass: true,
      expected: '"prod"',
      actual: '"prod"',
      location: locate([...at, 'expect', 'body'], 'action'),
    });
    expect(only(results, 'body.userData.tags')).toMatchObject({ pass: true, actual: '["a"]', location: locate([...at, 'expect', 'body'], '$.userData.tags') });
    expect(only(results, 'body.')).toMatchObject({ pass: true });
  });

  it('only a leading $ roots a path: a $ inside a key is part of it', () => {
    const priced = delivery({ reply: reply(200, { price$usd: 5, priceusd: 7 }) });
    expect(only(check({ body: { price$usd: 5 } }, priced), 'body.price$usd')).toMatchObject({ pass: true, actual: '5' });
  });

  it('a body path fails on a different value, showing it', () => {
    expect(only(check({ body: { action: 'eval' } }, result), 'body.action')).toMatchObject({ pass: false, expected: '"eval"', actual: '"prod"' });
    expect(only(check({ body: { 'user.id': { exists: true } } }, result), 'body.user.id')).toMatchObject({ pass: false, actual: 'nothing (absent)' });
  });

  it('a text body is matched as text', () => {
    const text = delivery({ reply: reply(200, 'accepted', { 'content-type': 'text/plain' }) });
    expect(only(check({ body: { $: 'accepted' } }, text), 'body.')).toMatchObject({ pass: true });
    expect(only(check({ body: { $: { matches: '^rej' } } }, text), 'body.')).toMatchObject({ pass: false, actual: '"accepted"' });
  });

  it('header names are matched in lowercase', () => {
    expect(only(check({ headers: { 'X-Request-Id': 'r1' } }, result), 'headers.X-Request-Id')).toMatchObject({ pass: true, actual: '"r1"' });
    expect(only(check({ headers: { 'Content-Type': { matches: '^text/' } } }, result), 'headers.Content-Type')).toMatchObject({
      pass: false,
      actual: '"application/json"',
      location: locate([...at, 'expect', 'headers'], 'Content-Type'),
    });
  });

  it('outcome paths pass and fail on what the provider would do', () => {
    expect(only(check({ outcome: { 'user.type': 'prod' } }, result), 'outcome.user.type')).toMatchObject({ pass: true, actual: '"prod"' });
    expect(only(check({ outcome: { login: 'refused' } }, result), 'outcome.login')).toMatchObject({
      pass: false,
      expected: '"refused"',
      actual: '"accepted"',
      location: locate([...at, 'expect', 'outcome'], 'login'),
    });
  });

  it('without a reply, body and header checks fail saying no reply came; outcome is still shown', () => {
    const lost = delivery({ error: timeout, outcome: { login: 'refused' } });
    expect(only(check({ body: { action: { exists: false } } }, lost), 'body.action')).toMatchObject({
      pass: true,
      actual: 'no reply (timeout: no reply within 10000 ms)',
    });
    expect(only(check({ headers: { 'content-type': { exists: true } } }, lost), 'headers.content-type')).toMatchObject({
      pass: false,
      actual: 'no reply (timeout: no reply within 10000 ms)',
    });
    expect(only(check({ outcome: { login: 'refused' } }, lost), 'outcome.login')).toMatchObject({ pass: true, actual: '"refused"' });
  });

  it('results come in order: status, contract, violations, error, attempts, latency, body, headers, outcome', () => {
    const results = check(
      { outcome: { login: 'accepted' }, headers: { 'x-request-id': 'r1' }, body: { ok: true }, latency: 100, attempts: 1, error: 'none', status: 200 },
      result,
    );
    expect(results.map((r) => r.name)).toEqual(['status', 'contract', 'error', 'attempts', 'latency', 'body.ok', 'headers.x-request-id', 'outcome.login']);
    expect(results.every((r) => r.pass)).toBe(true);
  });
});
