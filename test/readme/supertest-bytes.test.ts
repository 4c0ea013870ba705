/**
 * The other side of the README's supertest example (examples/readme/supertest-agent.ts): its 200
 * means something only if the hook refuses other bytes. One byte changed after signing is a 401,
 * and the judged result of that reply is a broken contract with Logto logging an Error.
 */
import express from 'express';
import request from 'supertest';
import { expect, test } from 'vitest';
import { deliverPrepared, prepareEvent, type LogtoOutcome, type Transport } from 'hooksim';
import { createLogtoSignedHook } from '../../examples/logto/signed-hook.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const hook = createLogtoSignedHook({ signingKey });
const app = express().use('/hooks/logto', hook.app);

test('the same request with one byte changed after signing is refused', async () => {
  const event = prepareEvent({ provider: 'logto', event: 'PostRegister', signingKey, seed: 1 });
  const altered = event.request.body.replace('"PostRegister"', '"PostRegisteR"');
  expect(altered).not.toBe(event.request.body);
  const reply = await request(app).post('/hooks/logto').set(event.request.headers).send(altered);
  expect(reply.status).toBe(401);
});

test('deliverPrepared judges a refusal from your agent as a broken contract', async () => {
  const transport: Transport = {
    description: 'supertest, tampered',
    async send(wire) {
      const reply = await request(app).post('/hooks/logto').set(wire.headers).send(`${wire.body} `);
      return { durationMs: 1, reply: { status: reply.status, headers: reply.headers as Record<string, string>, body: reply.text, bytes: Buffer.byteLength(reply.text) } };
    },
    async close() {},
  };
  const result = await deliverPrepared<LogtoOutcome>(prepareEvent({ provider: 'logto', event: 'PostSignIn', signingKey, seed: 2 }), transport);
  expect(result.verdict.pass).toBe(false);
  expect(result.verdict.violations).toEqual([expect.objectContaining({ path: 'status' })]);
  expect(result.outcome.log).toMatchObject({ result: 'Error', response: { statusCode: 401 } });
});
