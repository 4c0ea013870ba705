import { expect, expectTypeOf, test } from 'vitest';
import { send, type LogtoOutcome } from 'hooksim';
import { createLogtoSignedHook } from '../logto/signed-hook.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
// Your hook: an Express app, a (req, res) handler, { app, path }, { fetch, path } or a URL.
const hook = createLogtoSignedHook({ signingKey });

test('a registration is accepted and Logto would log a Success', async () => {
  const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, seed: 1, now: '2026-03-02T08:00:00Z' });

  expect(result.verdict).toEqual({ pass: true, violations: [] });
  expectTypeOf(result.outcome).toEqualTypeOf<LogtoOutcome>(); // the provider's outcome type, no generic
  expect(result.outcome.result).toBe('Success');
  expect(result.outcome.log.key).toBe('TriggerHook.PostRegister');
  expect(result.request.json).toMatchObject({ event: 'PostRegister', interactionEvent: 'Register' }); // the payload, parsed
  expect(result.response?.json).toEqual({ received: true }); // the hook's reply, parsed
  expect(result.request.headers['logto-signature-sha-256']).toMatch(/^[0-9a-f]{64}$/);
});

test('event, variant and option names are checked by the compiler', () => {
  const typos = () => [
    // @ts-expect-error: 'PostRegistr' is not a Logto event
    send({ provider: 'logto', event: 'PostRegistr', target: hook.app }),
    // @ts-expect-error: 'sign-in' is not a variant of User.Created
    send({ provider: 'logto', event: 'User.Created', variant: 'sign-in', target: hook.app }),
    // @ts-expect-error: Logto has no option 'retry' (it is 'retries')
    send({ provider: 'logto', event: 'PostRegister', target: hook.app, options: { retry: 'none' } }),
  ];
  expectTypeOf(typos).toBeFunction(); // never called: the compiler is the test
});
