import type { Arbitrary } from 'fast-check';
import { emailArbitrary } from '../../../check/arbitraries.js';
import { prepare } from '../../../check/build.js';
import { latencyCheck, type DeliveryTexts } from '../../../check/delivery.js';
import { exchange, recordLatency, replyText } from '../../../check/exchange.js';
import { fuzzCheck, type FuzzSpec } from '../../../check/fuzz.js';
import { result, type CheckText } from '../../../check/grade.js';
import type { CheckContext, CheckDefinition, CheckResult, SentExchange } from '../../../check/types.js';
import type { JsonObject } from '../../../core/json.js';
import type { DeliveryRecord } from '../../../core/types.js';
import { opaqueUserId } from '../identity.js';

const CONTRACT_WHY = 'Dexie Cloud reads only a 200 application/json {ok: true, action} as a decision: anything else fails the login with WEBHOOK_ERROR and the user cannot sign in.';
const CONTRACT_FIX = 'Answer every call 200 with application/json {"ok": true, "action": "eval" | "prod" | "reject"}, also when the email is missing (custom authentication) or unusual.';

/** The provider's own reading of a reply: its violations, as one sentence, or undefined when it keeps the contract. */
function violations(context: CheckContext, event: string, sent: SentExchange): string | undefined {
  const record: DeliveryRecord = { attempts: [{ number: 1, durationMs: sent.durationMs, ...(sent.response ? { reply: sent.response } : {}), ...(sent.error ? { error: sent.error } : {}) }] };
  const judged = context.provider.judge(event, sent.request, record, context.providerOptions, context.now);
  if (judged.verdict.pass) return undefined;
  return judged.verdict.violations.map((violation) => `${violation.path}: ${violation.message}`).join('; ');
}

/** `reply.contract.<variant>`: each identity variant gets a reply Dexie Cloud accepts. */
const contractCheck: CheckDefinition = {
  id: 'reply.contract.',
  async run(context) {
    const results: CheckResult[] = [];
    const event = context.provider.events[0]!;
    for (const variant of event.variants) {
      const text: CheckText = { id: `reply.contract.${variant.name}`, title: `${variant.summary}: a valid reply`, why: CONTRACT_WHY, fix: CONTRACT_FIX };
      const prepared = prepare(context, { event: event.name, variant: variant.name, seed: context.seedFor(text.id) });
      const sent = await exchange(context, `${event.name} (${variant.name})`, prepared.request);
      recordLatency(context, event.name, sent);
      const broken = violations(context, event.name, sent);
      results.push(result(text, broken ? 'fail' : 'pass', broken ?? `${replyText(sent)}, ${sent.response?.body.slice(0, 120)}`, [sent]));
    }
    return results;
  },
};

/** `reply.idempotent`: the same user asked about twice gets the same action. */
const idempotentCheck: CheckDefinition = {
  id: 'reply.idempotent',
  async run(context) {
    const text: CheckText = {
      id: 'reply.idempotent',
      title: 'the same user twice gets the same action',
      why: "Dexie Cloud asks again when a user's first login did not complete; a different answer the second time changes the account type the user ends up with.",
      fix: 'Decide from the user alone (email, id, directory), not from counters, time or randomness.',
    };
    const event = context.provider.events[0]!.name;
    const prepared = prepare(context, { event, seed: context.seedFor(text.id) });
    const first = await exchange(context, `${event} (first)`, prepared.request);
    const second = await exchange(context, `${event} (again)`, prepared.request);
    const action = (sent: SentExchange) => {
      try {
        return JSON.stringify((JSON.parse(sent.response?.body ?? '') as { action?: unknown }).action) ?? 'no action';
      } catch {
        return replyText(sent);
      }
    };
    const [a, b] = [action(first), action(second)];
    return [result(text, a === b && first.response?.status === second.response?.status ? 'pass' : 'fail', a === b ? `action ${a} both times` : `action ${a}, then ${b}`, [first, second])];
  },
};

/** A generated new user: the variant, and the email (null: absent). */
export interface DexieFuzzValue {
  variant: 'otp' | 'opaque-id' | 'custom-auth';
  email: string | null;
}

function payloadOf(value: DexieFuzzValue): JsonObject {
  if (value.email === null || value.variant === 'custom-auth') return { userId: `usr_${opaqueUserId(value.email ?? 'absent').slice(0, 16)}` };
  if (value.variant === 'opaque-id') return { userId: opaqueUserId(value.email), email: value.email };
  return { userId: value.email, email: value.email };
}

const dexieFuzz: FuzzSpec<DexieFuzzValue> = {
  text: {
    id: 'reply.fuzz',
    title: 'unusual and absent emails never give a 5xx, a timeout or an invalid reply',
    why: 'A hook that crashes on one email shape (a +tag, capitals, an IDN domain, no email at all) locks those users out with WEBHOOK_ERROR.',
    fix: 'Parse emails leniently (split at the last @, compare case-insensitively) and handle an absent email; replay the printed case to debug.',
  },
  arbitrary: (fc): Arbitrary<DexieFuzzValue> =>
    fc.record({ variant: fc.constantFrom('otp' as const, 'opaque-id' as const, 'custom-auth' as const), email: fc.oneof(emailArbitrary(fc), fc.constant(null)) }),
  examples: (): DexieFuzzValue[] => [
    ...['user+tag@example.com', 'First.Last@EXAMPLE.COM', 'josé@bücher.example', `${'l'.repeat(64)}@example.com`, "o'brien@x.io"].map((email): DexieFuzzValue => ({ variant: 'otp', email })),
    { variant: 'otp', email: null },
  ],
  build(context, value) {
    const event = context.provider.events[0]!.name;
    const payload = payloadOf(value);
    return { event, payload, request: context.provider.buildRequest(payload, context.providerOptions) };
  },
  judge: (context, sent) => violations(context, context.provider.events[0]!.name, sent),
  describe: (_context, value) => payloadOf(value),
};

const DELIVERY_LATENCY: DeliveryTexts['latency'] = {
  title: 'replies arrive well within the timeout',
  why: 'The hook sits in the login request: a slow reply is a slow login, and one past the timeout fails it with WEBHOOK_ERROR.',
  fix: 'Decide from data at hand; do slow work (CRM, emails) after answering.',
};

/** Every Dexie Cloud check, in the order they run. */
export const dexieChecks: readonly CheckDefinition[] = [
  contractCheck,
  idempotentCheck,
  fuzzCheck(dexieFuzz),
  latencyCheck({ latency: DELIVERY_LATENCY } as DeliveryTexts),
];
