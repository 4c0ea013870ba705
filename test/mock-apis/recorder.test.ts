import { describe, expect, test } from 'vitest';
import { CallAssertionError, CallRecorder } from '../../src/mock-apis/index.js';
import type { RecordedCall } from '../../src/mock-apis/types.js';

const call = (method: string, path: string, body?: unknown, status = 200, route: string | undefined = path): Omit<RecordedCall, 'index'> => ({
  method, path, query: {}, headers: {}, body, status, route, at: 0,
});

function recorded(): CallRecorder {
  const recorder = new CallRecorder();
  recorder.record(call('POST', '/oidc/token', { grant_type: 'client_credentials' }, 200));
  recorder.record(call('GET', '/api/roles'));
  recorder.record(call('POST', '/api/users/u1/roles', { roleIds: ['r1', 'r2'] }, 201, '/api/users/:userId/roles'));
  recorder.record(call('PATCH', '/api/users/u1/custom-data', { customData: { plan: 'pro', seats: 3 } }, 200, '/api/users/:userId/custom-data'));
  return recorder;
}

describe('matching: method, path pattern, body subset', () => {
  test('patterns match params; bodies match as subsets (lists contain the given items)', () => {
    const recorder = recorded();
    expect(recorder.count({ method: 'post', path: '/api/users/:id/roles' })).toBe(1);
    expect(recorder.count({ path: '/api/users/:id/roles', body: { roleIds: ['r2'] } })).toBe(1);
    expect(recorder.count({ path: '/api/users/:id/roles', body: { roleIds: ['r3'] } })).toBe(0);
    expect(recorder.count({ body: { customData: { plan: 'pro' } } })).toBe(1);
    expect(recorder.count({ path: '/api/users/:id' })).toBe(0);
    expect(recorder.count({ status: 201 })).toBe(1);
  });
});

describe('assertions: count and order; failures list the calls made', () => {
  test('assertCalled: at least one by default, or exactly n', () => {
    const recorder = recorded();
    expect(recorder.assertCalled({ method: 'POST', path: '/api/users/:id/roles' })).toHaveLength(1);
    recorder.assertCalled({ method: 'GET' }, { times: 1 });
    recorder.assertNotCalled({ method: 'DELETE' });
    expect(() => recorder.assertCalled({ method: 'DELETE', path: '/api/users/:id/roles/:roleId' })).toThrow(CallAssertionError);
    try {
      recorder.assertCalled({ method: 'POST', path: '/api/users/:id/roles' }, { times: 2 });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          'Expected exactly 2 call(s) POST /api/users/:id/roles, got 1.',
          'Calls made:',
          '  #0 POST /oidc/token -> 200 {"grant_type":"client_credentials"}',
          '  #1 GET /api/roles -> 200',
          '  #2 POST /api/users/u1/roles -> 201 {"roleIds":["r1","r2"]}',
          '  #3 PATCH /api/users/u1/custom-data -> 200 {"customData":{"plan":"pro","seats":3}}',
        ].join('\n'),
      );
    }
  });

  test('assertOrder: each call after the previous match; a call made out of order is named as such', () => {
    const recorder = recorded();
    const matched = recorder.assertOrder([{ path: '/oidc/token' }, { path: '/api/users/:id/roles' }, { path: '/api/users/:id/custom-data' }]);
    expect(matched.map((found) => found.index)).toEqual([0, 2, 3]);
    expect(() => recorder.assertOrder([{ path: '/api/users/:id/roles' }, { path: '/oidc/token' }])).toThrow(/step 2 \(any method \/oidc\/token\) failed: it was made, but not after the previous one/);
    expect(() => recorder.assertOrder([{ path: '/oidc/token' }, { path: '/api/organizations' }])).toThrow(/no such call was made\.\nCalls made:\n {2}#0 POST \/oidc\/token/);
  });

  test('since/mark look only at later calls; unmatched lists calls to routes not emulated', () => {
    const recorder = recorded();
    const mark = recorder.mark();
    // A default parameter would swallow `undefined`: the unmatched call spells out its missing route.
    recorder.record({ ...call('POST', '/api/users/u1/role', {}, 501), route: undefined });
    expect(recorder.count({ method: 'POST' }, mark)).toBe(1);
    expect(recorder.unmatched().map((found) => found.path)).toEqual(['/api/users/u1/role']);
    expect(() => recorder.assertAllMatched()).toThrow(/POST \/api\/users\/u1\/role did not[\s\S]*-> 501 \(not emulated\)/);
    recorder.assertAllMatched({ since: recorder.mark() });
  });

  test('an empty recorder says so', () => {
    expect(() => new CallRecorder().assertCalled({ path: '/token' })).toThrow(/No calls were made to the mock API\./);
  });
});

describe('waiting for calls made after the hook replied (event-driven, bounded)', () => {
  test('resolves as soon as the call is recorded, not at the end of the bound', async () => {
    const recorder = new CallRecorder();
    // A bound far beyond the test's own timeout: waiting it out would fail the test.
    const waiting = recorder.waitFor({ method: 'POST', path: '/users' }, { timeoutMs: 600_000 });
    // The call arrives later, from "the hook's background work".
    setImmediate(() => recorder.record(call('POST', '/users', [{ userId: 'a', type: 'prod' }])));
    expect(await waiting).toHaveLength(1);
  });

  test('waitAtMost resolves with what came when the bound runs out (never throws); waitFor rejects instead', async () => {
    const recorder = new CallRecorder();
    recorder.record(call('POST', '/users'));
    expect(await recorder.waitAtMost({ path: '/users' }, { count: 2, timeoutMs: 5 })).toHaveLength(1);
    expect(await recorder.waitAtMost({ method: 'DELETE' }, { timeoutMs: 5 })).toEqual([]);
    await expect(recorder.waitFor({ path: '/users' }, { count: 2, timeoutMs: 5 })).rejects.toThrow(/^Expected at least 2 call\(s\) any method \/users within 5 ms, got 1\.\nCalls made:\n {2}#0 POST \/users -> 200$/);
    // waitForCalls is the earlier name of waitFor: same behaviour.
    await expect(recorder.waitForCalls({ method: 'DELETE' }, { timeoutMs: 5 })).rejects.toThrow(CallAssertionError);
    // Already there: resolves at once, whatever the bound.
    expect(await recorder.waitFor({ path: '/users' }, { timeoutMs: 600_000 })).toHaveLength(1);
  });

  test('waits for a count of matching calls, ignoring others', async () => {
    const recorder = new CallRecorder();
    const waiting = recorder.waitFor({ path: '/api/users/:id/roles' }, { timeoutMs: 60_000, count: 2 });
    queueMicrotask(() => {
      recorder.record(call('GET', '/api/roles'));
      recorder.record(call('POST', '/api/users/a/roles'));
      setImmediate(() => recorder.record(call('POST', '/api/users/b/roles')));
    });
    expect((await waiting).map((found) => found.path)).toEqual(['/api/users/a/roles', '/api/users/b/roles']);
  });

  test('rejects after the bound with the calls that were made', async () => {
    const recorder = new CallRecorder();
    recorder.record(call('POST', '/token', undefined, 401));
    await expect(recorder.waitFor({ method: 'POST', path: '/users' }, { timeoutMs: 20 })).rejects.toThrow(
      /Expected at least 1 call\(s\) POST \/users within 20 ms, got 0\.\nCalls made:\n {2}#0 POST \/token -> 401/,
    );
  });
});
