// A consumer's own test, run from a project that installed the packed hooksim tarball: it uses
// only the public entry points, as an app team would.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect, test } from 'vitest';
import { prepareEvent, send } from 'hooksim';
import 'hooksim/vitest';

const signingKey = 'consumerSigningKey0123456789abcd';

/** The app's Logto hook: verifies the signature over the raw bytes, answers 204. */
function logtoHook(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const expected = createHmac('sha256', signingKey).update(body).digest('hex');
    res.statusCode = req.headers['logto-signature-sha-256'] === expected ? 204 : 401;
    res.end();
  });
}

test('send() delivers a signed Logto event in-process and the matchers judge it', async () => {
  const result = await send({ provider: 'logto', event: 'PostRegister', target: logtoHook, signingKey, seed: 7 });
  expect(result).toKeepContract();
  expect(result).toHaveStatus('2xx');
  expect(result).toHaveOutcome({ result: 'Success' });
});

test('a hook that refuses is judged broken, and the matchers say so', async () => {
  const result = await send({ provider: 'logto', event: 'PostRegister', target: logtoHook, signingKey: 'theWrongKey', seed: 7 });
  expect(result).not.toKeepContract();
  expect(result).toHaveStatus(401);
});

test('prepareEvent gives the exact bytes to drive the app with any client', () => {
  const prepared = prepareEvent({ provider: 'dexie-cloud', event: 'new-user', seed: 3, now: '2026-03-01T00:00:00Z' });
  expect(JSON.parse(prepared.request.body)).toHaveProperty('userId');
  expect(prepared.request.method).toBe('POST');
});
