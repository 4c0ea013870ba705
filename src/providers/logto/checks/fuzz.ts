import type { Arbitrary } from 'fast-check';
import { emailArbitrary, type FastCheck } from '../../../check/arbitraries.js';
import { prepare } from '../../../check/build.js';
import { replyText, statusClass } from '../../../check/exchange.js';
import type { FuzzSpec } from '../../../check/fuzz.js';
import type { CheckContext } from '../../../check/types.js';
import type { JsonObject, JsonValue } from '../../../core/json.js';

/** Logto events that carry a user row, and where: `user` (interaction) or `data` (data events). */
export const USER_EVENTS: readonly { event: string; variant?: string; at: 'user' | 'data' }[] = [
  { event: 'PostRegister', at: 'user' },
  { event: 'User.Created', variant: 'management-api', at: 'data' },
  { event: 'User.Created', variant: 'experience', at: 'data' },
  { event: 'PostSignIn', at: 'user' },
  { event: 'PostResetPassword', at: 'user' },
  { event: 'User.Data.Updated', variant: 'management-api', at: 'data' },
  { event: 'User.SuspensionStatus.Updated', at: 'data' },
  { event: 'User.Deleted', at: 'data' },
];

/** A generated case: which event, and the user fields changed from the faithful one. */
export interface LogtoFuzzValue {
  event: number;
  user: Partial<Record<string, JsonValue>>;
}

const EXTREME_TIMES = [0, 1, 8_640_000_000_000_000, 4_102_444_800_000];

/** Valid user rows beyond the generator's: null and absent optionals, empty and long strings, unicode, deep customData, many identities. */
export function userPatchArbitrary(fc: FastCheck): Arbitrary<Partial<Record<string, JsonValue>>> {
  const json = fc.jsonValue({ maxDepth: 4 }) as Arbitrary<JsonValue>;
  const time = fc.oneof(fc.constant(null), fc.constantFrom(...EXTREME_TIMES), fc.integer({ min: 0, max: 8_640_000_000_000_000 }));
  return fc.record(
    {
      primaryEmail: fc.oneof(fc.constant(null), emailArbitrary(fc)),
      username: fc.oneof(fc.constant(null), fc.constantFrom('a', '_', 'user_1', 'U'.repeat(128))),
      primaryPhone: fc.oneof(fc.constant(null), fc.constantFrom('15555550123', '8613800138000', '447700900123')),
      name: fc.oneof(fc.constant(null), fc.constantFrom('', 'N'.repeat(128), 'Zoë Ørsted-Łukasiewicz', '李小龍', '🦄 Unicorn', 'null', '<script>'), fc.string({ unit: 'grapheme', maxLength: 40 })),
      avatar: fc.oneof(fc.constant(null), fc.constantFrom('https://avatars.example.com/a.png', '')),
      customData: fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 6 }),
      identities: fc.dictionary(
        fc.oneof(fc.constantFrom('google', 'github', 'apple', 'microsoft', 'saml-acme'), fc.string({ minLength: 1, maxLength: 16 })),
        fc.record({ userId: fc.string({ minLength: 1, maxLength: 40 }), details: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 4 }) }),
        { maxKeys: 24 },
      ),
      profile: fc.dictionary(fc.constantFrom('nickname', 'givenName', 'familyName', 'locale', 'website', 'address'), json, { maxKeys: 4 }),
      lastSignInAt: time,
      createdAt: fc.oneof(fc.constantFrom(...EXTREME_TIMES), fc.integer({ min: 0, max: 8_640_000_000_000_000 })),
      isSuspended: fc.boolean(),
    },
    { requiredKeys: [] },
  ) as Arbitrary<Partial<Record<string, JsonValue>>>;
}

function subscribedUserEvents(context: CheckContext): typeof USER_EVENTS {
  return USER_EVENTS.filter((item) => !context.subscribed || context.subscribed.has(item.event));
}

/** `fuzz.events`: user-bearing Logto events with generated user rows must get 2xx. */
export const logtoFuzz: FuzzSpec<LogtoFuzzValue> = {
  text: {
    id: 'fuzz.events',
    title: 'generated users (null fields, unicode, deep customData, extreme timestamps) get 2xx',
    why: 'Real users have null emails, long or unicode names and deep customData; a hook that refuses or crashes on one of them loses that user: Logto logs an Error and never re-sends.',
    fix: 'Treat every optional user field as nullable and any JSON in customData/identities/profile; replay the printed case to debug it.',
  },
  arbitrary(fc, context) {
    const events = subscribedUserEvents(context);
    if (events.length === 0) return undefined;
    return fc.record({ event: fc.integer({ min: 0, max: events.length - 1 }), user: userPatchArbitrary(fc) });
  },
  build(context, value) {
    const item = subscribedUserEvents(context)[value.event]!;
    const prepared = prepare(context, { event: item.event, variant: item.variant, seed: context.seed + 7919 });
    const payload = structuredClone(prepared.payload);
    const row = payload[item.at];
    if (row && typeof row === 'object' && !Array.isArray(row)) Object.assign(row, value.user);
    // Built through the provider again: the exact bytes Logto would send for this user, signed.
    const request = context.provider.buildRequest(payload, context.providerOptions);
    return { event: item.event, payload, request };
  },
  judge(_context, sent) {
    if (statusClass(sent) === 2) return undefined;
    return `answered ${replyText(sent)}`;
  },
  describe: (context, value) => describeLogtoValue(context, value),
};

/** The change a fuzz value makes, as payload overrides (for reports and replays). */
export function describeLogtoValue(context: CheckContext, value: LogtoFuzzValue): JsonObject {
  const item = subscribedUserEvents(context)[value.event]!;
  return { event: item.event, ...(item.variant ? { variant: item.variant } : {}), [item.at]: value.user as JsonObject };
}
