// The vitest matchers over a mock API's calls, and asymmetric matchers inside call matchers:
// each one passing and failing, with the message a user reads.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import '../../src/vitest/index.js';
import { CallRecorder, createLogtoMockApi, describeMatcher } from '../../src/mock-apis/index.js';
import type { RecordedCall } from '../../src/mock-apis/types.js';

const call = (method: string, path: string, body?: unknown, status = 200, query: Record<string, string> = {}): Omit<RecordedCall, 'index'> => ({
  method, path, query, headers: {}, body, status, route: path, at: 0,
});

/** A Logto mock whose recorder holds what a default-role hook did. */
function mockWithCalls() {
  const logto = createLogtoMockApi();
  logto.calls.record(call('POST', '/oidc/token', { grant_type: 'client_credentials', resource: 'https://default.logto.app/api' }));
  logto.calls.record(call('GET', '/api/roles', undefined, 200, { page: '1' }));
  logto.calls.record(call('POST', '/api/users/u1/roles', { roleIds: ['r1'] }, 201));
  logto.calls.record(call('PATCH', '/api/users/u1/custom-data', { customData: { plan: 'free', since: '2026-03-02' } }));
  return logto;
}

function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail, but it passed');
}

describe('asymmetric matchers inside call matchers (duck-typed, no vitest import in hooksim)', () => {
  test('body values may be expect.any / objectContaining / stringMatching; a mismatch does not match', () => {
    const { calls } = mockWithCalls();
    expect(calls.count({ path: '/api/users/:id/roles', body: { roleIds: [expect.any(String)] } })).toBe(1);
    expect(calls.count({ path: '/api/users/:id/roles', body: { roleIds: [expect.any(Number)] } })).toBe(0);
    expect(calls.count({ body: expect.objectContaining({ customData: expect.objectContaining({ plan: 'free' }) }) })).toBe(1);
    expect(calls.count({ body: { customData: { since: expect.stringMatching(/^2026-/) } } })).toBe(1);
    expect(calls.count({ body: { customData: { since: expect.stringMatching(/^2025-/) } } })).toBe(0);
    expect(calls.count({ query: { page: expect.stringMatching(/^\d+$/) } })).toBe(1);
    expect(calls.count({ query: { page: expect.stringMatching(/^x/) } })).toBe(0);
  });

  test('assertCalled failures show the matcher by name, not as JSON internals', () => {
    const { calls } = mockWithCalls();
    expect(describeMatcher({ method: 'post', path: '/api/users/:id/roles', body: { roleIds: [expect.any(Number)] } })).toBe('POST /api/users/:id/roles with a body containing {"roleIds":[Any<Number>]}');
    expect(() => calls.assertCalled({ method: 'POST', path: '/api/users/:id/roles', body: { roleIds: [expect.any(Number)] } })).toThrow(
      /^Expected at least 1 call\(s\) POST \/api\/users\/:id\/roles with a body containing \{"roleIds":\[Any<Number>\]\}, got 0\.\nCalls made:\n {2}#0 POST \/oidc\/token/,
    );
    expect(describeMatcher({ body: expect.objectContaining({ plan: 'free' }) })).toBe('any method any path with a body containing ObjectContaining {"plan":"free"}');
  });
});

describe('toHaveReceived', () => {
  test('passes on a matching call, by "METHOD /path" or by path alone, with body and count', () => {
    const logto = mockWithCalls();
    expect(logto).toHaveReceived('POST /api/users/:userId/roles', { body: { roleIds: [expect.any(String)] } });
    expect(logto).toHaveReceived('/oidc/token', { times: 1 });
    expect(logto.calls).toHaveReceived({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { status: 200 });
    expect(logto).not.toHaveReceived('DELETE /api/users/:userId');
  });

  test('fails naming what was expected, how many came and every call made', () => {
    const logto = mockWithCalls();
    expect(failure(() => expect(logto).toHaveReceived('POST /api/users/:userId/roles', { body: { roleIds: ['admin'] }, times: 1 }))).toBe(
      [
        'expected the mock to have received exactly 1 call(s) POST /api/users/:userId/roles with a body containing {"roleIds":["admin"]}, got 0.',
        'Calls made:',
        '  #0 POST /oidc/token -> 200 {"grant_type":"client_credentials","resource":"https://default.logto.app/api"}',
        '  #1 GET /api/roles -> 200',
        '  #2 POST /api/users/u1/roles -> 201 {"roleIds":["r1"]}',
        '  #3 PATCH /api/users/u1/custom-data -> 200 {"customData":{"plan":"free","since":"2026-03-02"}}',
      ].join('\n'),
    );
    expect(failure(() => expect(logto).not.toHaveReceived('GET /api/roles'))).toMatch(/^expected the mock not to have received at least 1 call\(s\) GET \/api\/roles, but it got 1\.\nCalls made:/);
    expect(failure(() => expect(logto).toHaveReceived('/oidc/token', { times: 2 }))).toMatch(/exactly 2 call\(s\) any method \/oidc\/token, got 1\./);
    expect(failure(() => expect(logto).toHaveReceived('/api/roles', { since: 2 }))).toMatch(/got 0\.\nCalls made:\n {2}#2 POST/);
  });

  test('an empty mock says no calls were made; a wrong receiver or route is a one-line error, also under .not', () => {
    expect(failure(() => expect(createLogtoMockApi()).toHaveReceived('/oidc/token'))).toMatch(/got 0\.\nNo calls were made to the mock API\.$/);
    expect(failure(() => expect({ status: 200 }).not.toHaveReceived('/oidc/token'))).toBe('toHaveReceived expects a hooksim mock API (createLogtoMockApi(), createDexieMockApi()) or its .calls, got object');
    // @ts-expect-error a route needs its leading slash
    expect(failure(() => expect(new CallRecorder()).toHaveReceived('POST api/roles'))).toBe('toHaveReceived: expected "METHOD /path" or "/path", got "POST api/roles"');
  });
});

describe('toHaveReceivedInOrder', () => {
  test('passes when each call comes after the previous match', () => {
    const logto = mockWithCalls();
    expect(logto).toHaveReceivedInOrder(['POST /oidc/token', 'GET /api/roles', { method: 'POST', path: '/api/users/:id/roles', body: { roleIds: ['r1'] } }]);
    expect(logto).not.toHaveReceivedInOrder(['GET /api/roles', 'POST /oidc/token']);
  });

  test('fails naming the step that broke the order and the calls made', () => {
    const logto = mockWithCalls();
    expect(failure(() => expect(logto).toHaveReceivedInOrder(['PATCH /api/users/:id/custom-data', 'POST /api/users/:id/roles']))).toMatch(
      /^Expected calls in order: PATCH \/api\/users\/:id\/custom-data -> POST \/api\/users\/:id\/roles; step 2 \(POST \/api\/users\/:id\/roles\) failed: it was made, but not after the previous one\.\nCalls made:\n/,
    );
    expect(failure(() => expect(logto).not.toHaveReceivedInOrder(['/oidc/token', '/api/roles']))).toMatch(
      /^expected the mock not to have received in order: any method \/oidc\/token -> any method \/api\/roles, but it did\.\nCalls made:/,
    );
  });
});
