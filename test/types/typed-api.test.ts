/**
 * The typed API, proven by the compiler: `npm test` type-checks this file (`tsc --noEmit`), and each
 * `@ts-expect-error` fails the build if the line below it ever compiles. The functions holding
 * the wrong calls are never run.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';
import { logto } from '../../src/providers/logto/index.js';
import type { LogtoOutcome } from '../../src/providers/logto/outcome.js';
import type { EventName, VariantName } from '../../src/providers/typed.js';
import { prepareEvent, send, type SendResult } from '../../src/send.js';
import '../../src/vitest/index.js';

const hook = (_req: unknown, res: { end(): void }) => res.end();

describe('send() and prepareEvent() check names at compile time', () => {
  test('event names are literal types per provider', () => {
    expectTypeOf<'PostRegister'>().toExtend<EventName<'logto'>>();
    expectTypeOf<'new-user'>().toExtend<EventName<'dexie-cloud'>>();
    expectTypeOf<'new-user'>().not.toExtend<EventName<'logto'>>();
    expectTypeOf<'management-api'>().toExtend<VariantName<'logto', 'User.Created'>>();
    expectTypeOf<'otp'>().toExtend<VariantName<'dexie-cloud', 'new-user'>>();
  });

  test('a misspelt event, variant, provider or option does not compile', () => {
    const wrong = () => {
      // @ts-expect-error: no such Logto event
      void send({ provider: 'logto', event: 'PostRegistr', target: hook });
      // @ts-expect-error: a Dexie event sent as Logto
      void prepareEvent({ provider: 'logto', event: 'new-user' });
      // @ts-expect-error: not a variant of User.Created
      void send({ provider: 'logto', event: 'User.Created', variant: 'sign-in', target: hook });
      // @ts-expect-error: no such provider
      void send({ provider: 'okta', event: 'PostRegister', target: hook });
      // @ts-expect-error: unknown Logto option
      void send({ provider: 'logto', event: 'PostRegister', target: hook, options: { retry: 'none' } });
      // @ts-expect-error: a Logto option value outside its enum
      void send({ provider: 'logto', event: 'PostRegister', target: hook, options: { version: '1.0' } });
      // @ts-expect-error: a Dexie option given to Logto
      void send({ provider: 'logto', event: 'PostRegister', target: hook, options: { failurePolicy: 'eval' } });
    };
    expectTypeOf(wrong).toBeFunction();
  });

  test("result.outcome has the provider's outcome type without a generic", () => {
    const typed = () => send({ provider: 'dexie-cloud', event: 'new-user', target: hook });
    expectTypeOf(typed).returns.resolves.toEqualTypeOf<SendResult<DexieOutcome>>();
    const logtoSend = () => send({ provider: 'logto', event: 'User.Created', variant: 'experience', target: hook, options: { version: '1.43' } });
    expectTypeOf(logtoSend).returns.resolves.toHaveProperty('outcome').toEqualTypeOf<LogtoOutcome>();
    // A provider object (dynamic names) is checked at run time and keeps its outcome type.
    const dynamic = (event: string) => send({ provider: logto, event, target: hook });
    expectTypeOf(dynamic).returns.resolves.toHaveProperty('outcome').toEqualTypeOf<LogtoOutcome>();
  });

  test('matchers: a wrong status class or outcome key does not compile', () => {
    const wrong = async () => {
      const { expect } = await import('vitest');
      const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: hook });
      expect(result).toHaveStatus('2xx');
      expect(result).toHaveStatus([200, 204]);
      // @ts-expect-error: not a status class
      expect(result).toHaveStatus('2XX');
      // @ts-expect-error: not a status class
      expect(result).toHaveStatus('6xx');
      expect(result).toHaveOutcome({ login: 'accepted' });
      // @ts-expect-error: Dexie's outcome has no `result` key (that is Logto's)
      expect(result).toHaveOutcome({ result: 'Success' });
    };
    expectTypeOf(wrong).toBeFunction();
  });
});
