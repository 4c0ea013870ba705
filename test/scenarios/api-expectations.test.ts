// `expect.calls`, `expect.callsInOrder` and `expect.state` checked against a mock API's recorder:
// each form with calls that pass it and calls that fail it, and the text reports show.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCalls, checkState, DEFAULT_CALL_WAIT_MS } from '../../src/scenarios/api-expectations.js';
import type { Locate } from '../../src/scenarios/expectations.js';
import { CallRecorder } from '../../src/mock-apis/recorder.js';
import type { MockApi, RecordedCall } from '../../src/mock-apis/types.js';
import type { CallExpectationSpec } from '../../src/scenarios/schema.js';

const locate: Locate = (path, key) => ({ file: `${path.join('.')}${key === undefined ? '' : `#${key}`}`, line: 1, column: 1 });
const at = ['steps', 1];

function api(state: unknown = {}): MockApi {
  return { provider: 'logto', baseUrl: 'http://127.0.0.1:1', handle: () => ({ status: 501 }), calls: new CallRecorder(), stateView: () => state };
}

function call(target: MockApi, method: string, path: string, body?: unknown, status = 200): RecordedCall {
  return target.calls.record({ method, path, query: {}, headers: {}, body, status, route: path, at: 0 });
}

/** Checks with no waiting for late calls (`within: 0`), from the first call on. */
function checkNow(target: MockApi, specs: CallExpectationSpec[], inOrder = false, since = 0) {
  return checkCalls(
    target,
    specs.map((spec) => ({ within: 0, ...spec })),
    { since, inOrder, locate, at },
  );
}

const assignRoles: CallExpectationSpec = { method: 'POST', path: '/api/users/:userId/roles' };
const patchUser: CallExpectationSpec = { method: 'PATCH', path: '/api/users/:userId/custom-data' };

afterEach(() => {
  vi.useRealTimers();
});

describe('a call (no count): at least one', () => {
  it('passes when one or more matching calls were made', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', { roleIds: ['r1'] }, 201);
    call(target, 'POST', '/api/users/u1/roles', { roleIds: ['r2'] }, 201);
    expect(await checkNow(target, [assignRoles])).toEqual([
      {
        name: 'calls[0]',
        pass: true,
        expected: 'at least one call POST /api/users/:userId/roles',
        actual: '2 matching call(s)',
        location: locate([...at, 'expect', 'calls', 0]),
      },
    ]);
  });

  it('fails when none matched, listing the calls made', async () => {
    const target = api();
    call(target, 'GET', '/api/users/u1', undefined, 200);
    expect(await checkNow(target, [assignRoles])).toEqual([
      expect.objectContaining({ pass: false, actual: 'calls made: GET /api/users/u1 -> 200' }),
    ]);
  });

  it('fails with "no calls" when the hook made none', async () => {
    const [result] = await checkNow(api(), [{ path: '/api/users/:userId' }]);
    expect(result).toMatchObject({ pass: false, expected: 'at least one call any method /api/users/:userId', actual: 'no calls to the mock API' });
  });

  it('counts only calls from the step on (since)', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const since = target.calls.mark();
    call(target, 'GET', '/api/roles');
    const [result] = await checkNow(target, [assignRoles], false, since);
    expect(result).toMatchObject({ pass: false, actual: 'calls made: GET /api/roles -> 200' });
  });

  it('waits for a call the hook makes after replying, and ends as soon as it arrives', async () => {
    vi.useFakeTimers();
    const target = api();
    const pending = checkCalls(target, [{ method: 'GET' }], { since: 0, inOrder: false, locate, at });
    await vi.advanceTimersByTimeAsync(DEFAULT_CALL_WAIT_MS - 1);
    call(target, 'GET', '/api/users/u1');
    const [result] = await pending;
    expect(result).toMatchObject({ pass: true, actual: '1 matching call(s)' });
  });

  it('gives up after the default wait of one second', async () => {
    vi.useFakeTimers();
    const target = api();
    let settled = false;
    const pending = checkCalls(target, [{ method: 'GET' }], { since: 0, inOrder: false, locate, at }).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(DEFAULT_CALL_WAIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect((await pending)[0]).toMatchObject({ pass: false, actual: 'no calls to the mock API' });
    expect(DEFAULT_CALL_WAIT_MS).toBe(1000);
  });

  it('waits as long as `within` says', async () => {
    vi.useFakeTimers();
    const target = api();
    const pending = checkCalls(target, [{ method: 'GET', within: '3s' }], { since: 0, inOrder: false, locate, at });
    await vi.advanceTimersByTimeAsync(2500);
    call(target, 'GET', '/api/users/u1');
    expect((await pending)[0]).toMatchObject({ pass: true });
  });
});

describe('count: N', () => {
  it('passes on exactly N matching calls', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    call(target, 'POST', '/api/users/u2/roles', {}, 201);
    call(target, 'GET', '/api/roles');
    expect(await checkNow(target, [{ ...assignRoles, count: 2 }])).toEqual([
      expect.objectContaining({ pass: true, expected: 'exactly 2 call(s) POST /api/users/:userId/roles', actual: '2 matching call(s)' }),
    ]);
  });

  it('fails on fewer and on more calls, listing them', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', { roleIds: ['r1'] }, 201);
    expect((await checkNow(target, [{ ...assignRoles, count: 2 }]))[0]).toMatchObject({
      pass: false,
      actual: 'calls made: POST /api/users/u1/roles -> 201 {"roleIds":["r1"]}',
    });
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    expect((await checkNow(target, [{ ...assignRoles, count: 2 }]))[0]).toMatchObject({ pass: false });
  });

  it('watches the whole window, so a late extra call fails it', async () => {
    vi.useFakeTimers();
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const pending = checkCalls(target, [{ ...assignRoles, count: 1, within: '2s' }], { since: 0, inOrder: false, locate, at });
    await vi.advanceTimersByTimeAsync(1500);
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    expect((await pending)[0]).toMatchObject({ pass: false, expected: 'exactly 1 call(s) POST /api/users/:userId/roles' });
  });

  it('count: 0 passes when the call was not made', async () => {
    const target = api();
    call(target, 'GET', '/api/users/u1');
    expect((await checkNow(target, [{ ...assignRoles, count: 0 }]))[0]).toMatchObject({
      pass: true,
      expected: 'no call POST /api/users/:userId/roles',
      actual: '0 matching call(s)',
    });
  });

  it('count: 0 fails when the call was made', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    expect((await checkNow(target, [{ ...assignRoles, count: 0 }]))[0]).toMatchObject({
      pass: false,
      actual: 'calls made: POST /api/users/u1/roles -> 201 {}',
    });
  });
});

describe('body subset', () => {
  it('passes when a call body contains the given subset', async () => {
    const target = api();
    call(target, 'PATCH', '/api/users/u1/custom-data', { customData: { plan: 'pro', seats: 3 } });
    const [result] = await checkNow(target, [{ ...patchUser, body: { customData: { plan: 'pro' } } }]);
    expect(result).toMatchObject({
      pass: true,
      expected: 'at least one call PATCH /api/users/:userId/custom-data with a body containing {"customData":{"plan":"pro"}}',
    });
  });

  it('fails when no call body contains it', async () => {
    const target = api();
    call(target, 'PATCH', '/api/users/u1/custom-data', { customData: { plan: 'free' } });
    const [result] = await checkNow(target, [{ ...patchUser, body: { customData: { plan: 'pro' } } }]);
    expect(result).toMatchObject({ pass: false, actual: 'calls made: PATCH /api/users/u1/custom-data -> 200 {"customData":{"plan":"free"}}' });
  });

  it('describes a call with no method or path as any', async () => {
    const [result] = await checkNow(api(), [{ body: { a: 1 }, count: 0 }]);
    expect(result).toMatchObject({ pass: true, expected: 'no call any method any path with a body containing {"a":1}' });
  });
});

describe('callsInOrder', () => {
  it('passes when the first matching calls came in the listed order', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    call(target, 'GET', '/api/roles');
    call(target, 'PATCH', '/api/users/u1/custom-data', {});
    const results = await checkNow(target, [assignRoles, patchUser], true);
    expect(results.map((r) => [r.name, r.pass])).toEqual([
      ['calls[0]', true],
      ['calls[1]', true],
      ['callsInOrder', true],
    ]);
    expect(results[2]).toEqual({
      name: 'callsInOrder',
      pass: true,
      expected: 'the calls in the listed order',
      actual: 'in order',
      location: locate([...at, 'expect'], 'callsInOrder'),
    });
  });

  it('fails when they came in another order, listing the calls', async () => {
    const target = api();
    call(target, 'PATCH', '/api/users/u1/custom-data', {});
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const results = await checkNow(target, [assignRoles, patchUser], true);
    expect(results[2]).toMatchObject({
      name: 'callsInOrder',
      pass: false,
      actual: 'calls made: PATCH /api/users/u1/custom-data -> 200 {}; POST /api/users/u1/roles -> 201 {}',
    });
  });

  it('an order failure lists only the calls made since the step began', async () => {
    const target = api();
    call(target, 'GET', '/api/earlier');
    const since = target.calls.mark();
    call(target, 'PATCH', '/api/users/u1/custom-data', {});
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const results = await checkNow(target, [assignRoles, patchUser], true, since);
    expect(results[2]).toMatchObject({
      pass: false,
      actual: 'calls made: PATCH /api/users/u1/custom-data -> 200 {}; POST /api/users/u1/roles -> 201 {}',
    });
  });

  it('the same call matched twice is not "in order"', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const results = await checkNow(target, [assignRoles, { method: 'POST' }], true);
    expect(results[2]).toMatchObject({ name: 'callsInOrder', pass: false });
  });

  it('checks the order of three calls, not only the first two', async () => {
    const target = api();
    call(target, 'GET', '/api/roles');
    call(target, 'PATCH', '/api/users/u1/custom-data', {});
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const results = await checkNow(target, [{ method: 'GET' }, assignRoles, patchUser], true);
    expect(results[3]).toMatchObject({ name: 'callsInOrder', pass: false });
  });

  it('is not checked unless asked for', async () => {
    const target = api();
    call(target, 'PATCH', '/api/users/u1/custom-data', {});
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const results = await checkNow(target, [assignRoles, patchUser], false);
    expect(results.map((r) => r.name)).toEqual(['calls[0]', 'calls[1]']);
  });

  it('a missing call fails its own expectation; the order of the calls made still holds', async () => {
    const target = api();
    call(target, 'POST', '/api/users/u1/roles', {}, 201);
    const results = await checkNow(target, [assignRoles, patchUser], true);
    expect(results.map((r) => [r.name, r.pass])).toEqual([
      ['calls[0]', true],
      ['calls[1]', false],
      ['callsInOrder', true],
    ]);
  });
});

describe('state', () => {
  const state = { users: { u1: { roles: ['admin'], customData: { plan: 'pro' } } } };

  it('passes on matching values and points at each written key', () => {
    const results = checkState(api(state), { 'users.u1.roles': { contains: 'admin' }, 'users.u1.customData.plan': 'pro' }, {
      locate,
      at,
      written: ['users.${user}.roles', 'users.${user}.customData.plan'],
    });
    expect(results).toEqual([
      {
        name: 'state.users.u1.roles',
        pass: true,
        expected: 'something containing "admin"',
        actual: '["admin"]',
        location: locate([...at, 'expect', 'state'], 'users.${user}.roles'),
      },
      {
        name: 'state.users.u1.customData.plan',
        pass: true,
        expected: '"pro"',
        actual: '"pro"',
        location: locate([...at, 'expect', 'state'], 'users.${user}.customData.plan'),
      },
    ]);
  });

  it('fails on a different or missing value, showing it', () => {
    const results = checkState(api(state), { 'users.u1.customData.plan': 'free', 'users.u2.roles': { exists: true } }, { locate, at, written: ['a', 'b'] });
    expect(results.map((r) => [r.pass, r.actual])).toEqual([
      [false, '"pro"'],
      [false, 'nothing (absent)'],
    ]);
  });
});
