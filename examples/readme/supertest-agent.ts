import express from 'express';
import request from 'supertest';
import { expect, test } from 'vitest';
import { deliverPrepared, prepareEvent, type LogtoOutcome, type Transport } from 'hooksim';
import { createLogtoSignedHook } from '../logto/signed-hook.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const hook = createLogtoSignedHook({ signingKey });
const app = express().use('/hooks/logto', hook.app); // your app, with the hook at its path

test('my own supertest agent delivers the exact request Logto would send', async () => {
  const event = prepareEvent({ provider: 'logto', event: 'PostRegister', signingKey, seed: 1 });
  const { method, headers, body } = event.request; // 'POST', Logto's headers (signature included), the exact bytes

  expect(method).toBe('POST');
  const reply = await request(app)
    .post('/hooks/logto') // the path is yours: hooksim never sees it
    .set(headers)
    .send(body); // a string goes out as is: the bytes that were signed

  expect(reply.status).toBe(200); // the hook verified the signature over those bytes
  expect(hook.processed.at(-1)).toMatchObject({ event: 'PostRegister', userId: event.payload.userId });
});

test('and hooksim judges the reply your agent got', async () => {
  const agent = request.agent(app); // cookies, auth, whatever your tests set up
  const transport: Transport = {
    description: 'my supertest agent POST /hooks/logto',
    async send(wire) {
      const started = performance.now();
      const reply = await agent.post('/hooks/logto').set(wire.headers).send(wire.body);
      return {
        durationMs: performance.now() - started,
        reply: { status: reply.status, headers: reply.headers as Record<string, string>, body: reply.text, bytes: Buffer.byteLength(reply.text) },
      };
    },
    async close() {},
  };

  const event = prepareEvent({ provider: 'logto', event: 'PostSignIn', signingKey, seed: 2 });
  const result = await deliverPrepared<LogtoOutcome>(event, transport);

  expect(result.verdict.pass).toBe(true);
  expect(result.outcome.log).toMatchObject({ key: 'TriggerHook.PostSignIn', result: 'Success', response: { statusCode: 200 } });
});
