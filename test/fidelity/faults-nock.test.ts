// nock only in this file: it shares @mswjs/interceptors with msw (../shared/STACK.md).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { send } from '../../src/send.js';

const HOOK = 'https://hooks.example.test';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

/** nock 14 hangs on plain-object errors: it needs a real Error with a code. */
const socketError = (code: string) => Object.assign(new Error(`socket ${code}`), { code });

test('a connection reset mid-request is classified, with the host named', async () => {
  nock(HOOK).post('/logto').replyWithError(socketError('ECONNRESET'));
  const result = await send({ provider: 'logto', event: 'PostSignIn', target: `${HOOK}/logto` });
  expect(result.error).toEqual({ kind: 'connection-reset', message: expect.stringMatching(/connection reset by hooks\.example\.test .*ECONNRESET/) });
  expect(result.verdict.pass).toBe(false);
});

test('a DNS failure is classified', async () => {
  nock(HOOK).post('/dexie').replyWithError(socketError('ENOTFOUND'));
  const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: `${HOOK}/dexie` });
  expect(result.error?.kind).toBe('dns');
  expect(result.error?.message).toMatch(/DNS lookup failed for hooks\.example\.test/);
  expect(result.outcome).toMatchObject({ login: 'refused', error: { code: 'WEBHOOK_ERROR' } });
});

test('a reply delayed past the timeout is a timeout; within it, a reply', async () => {
  nock(HOOK).post('/slow').delay(500).reply(200, { ok: true, action: 'eval' });
  const late = await send({ provider: 'dexie-cloud', event: 'new-user', target: `${HOOK}/slow`, options: { timeoutMs: 100 } });
  expect(late.error?.kind).toBe('timeout');
  nock(HOOK).post('/slow').delay(20).reply(200, { ok: true, action: 'eval' }, { 'content-type': 'application/json' });
  const onTime = await send({ provider: 'dexie-cloud', event: 'new-user', target: `${HOOK}/slow`, options: { timeoutMs: 2000 } });
  expect(onTime.verdict.pass).toBe(true);
});
