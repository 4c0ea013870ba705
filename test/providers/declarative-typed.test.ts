/**
 * The shipped declarative providers are typed like the built-in TypeScript ones: `tsc --noEmit`
 * checks this file, and each `@ts-expect-error` fails the type check if its line ever compiles.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { DeclarativeOutcome } from '../../src/providers/declarative/compile.js';
import type { EventName, VariantName } from '../../src/providers/typed.js';
import { prepareEvent, type SendResult, send } from '../../src/send.js';

describe('enrollment and standard-webhooks by name', () => {
  test('event and variant names are literal types', () => {
    expectTypeOf<EventName<'enrollment'>>().toEqualTypeOf<'enrollment'>();
    expectTypeOf<VariantName<'enrollment', 'enrollment'>>().toEqualTypeOf<'first-device' | 'new-device' | 're-enrollment'>();
    expectTypeOf<EventName<'standard-webhooks'>>().toEqualTypeOf<'user.created' | 'user.updated' | 'user.deleted'>();
  });

  test('prepareEvent by name builds the request; the outcome of send is typed', () => {
    const prepared = prepareEvent({ provider: 'enrollment', event: 'enrollment', variant: 're-enrollment', options: { appId: 'app_x' }, seed: 1, now: 0 });
    expect(JSON.parse(prepared.request.body).data.appId).toBe('app_x');
    expectTypeOf<Awaited<ReturnType<typeof send<'enrollment', 'enrollment'>>>>().toEqualTypeOf<SendResult<DeclarativeOutcome>>();
  });

  test('misspelt names do not compile', () => {
    const never = () => {
      // @ts-expect-error no such variant
      prepareEvent({ provider: 'enrollment', event: 'enrollment', variant: 'second-device' });
      // @ts-expect-error no such option
      prepareEvent({ provider: 'standard-webhooks', event: 'user.created', options: { instanceID: 'ins_1' } });
      // @ts-expect-error no such event
      prepareEvent({ provider: 'standard-webhooks', event: 'user.removed' });
    };
    expect(typeof never).toBe('function');
  });
});
