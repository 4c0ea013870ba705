import { prepare, type BuildSpec } from '../../../check/build.js';
import { concurrentCheck, duplicateCheck, latencyCheck, outOfOrderCheck, type DeliveryTexts } from '../../../check/delivery.js';
import { effectsCheck } from '../../../check/effects-check.js';
import { exchange } from '../../../check/exchange.js';
import { fuzzCheck } from '../../../check/fuzz.js';
import { combine, gradeAccept } from '../../../check/grade.js';
import { eventSweep, type SweepCase } from '../../../check/sweep.js';
import type { CheckContext, CheckDefinition } from '../../../check/types.js';
import { REMOVE, type JsonObject } from '../../../core/json.js';
import { logtoEventSpecs } from '../events/index.js';
import { logtoTestPayload } from '../test-payload.js';
import { logtoFuzz } from './fuzz.js';
import { signatureChecks } from './signature.js';

type User = Record<string, unknown>;

/** Shapes of user the default generator never makes, and hooks trip on. */
const USER_SHAPES: { name: string; summary: string; patch: User }[] = [
  { name: 'phone-only', summary: 'a user with only a phone', patch: { primaryEmail: null, username: null, primaryPhone: '15555550123', name: null } },
  { name: 'username-only', summary: 'a user with only a username', patch: { primaryEmail: null, primaryPhone: null, name: null } },
  { name: 'no-name', summary: 'a user without a name', patch: { name: null } },
  { name: 'unicode-name', summary: 'a user with a unicode name', patch: { name: 'Zoë Ørsted-Łukasiewicz 李小龍 🦄' } },
];

function reshape(patch: User): (actor: JsonObject) => JsonObject {
  return (actor) => ({ ...actor, user: { ...(actor.user as JsonObject), ...(patch as JsonObject) } });
}

/** Every event and variant Logto can send with these options, then the shapes that break receivers. */
export function logtoSweepCases(context: CheckContext): SweepCase[] {
  const cases: SweepCase[] = [];
  const options = context.providerOptions as { version?: string; devFeatures?: boolean };
  for (const spec of logtoEventSpecs) {
    if (spec.devFeature && !(options.version === '1.43' && options.devFeatures)) continue;
    for (const variant of spec.variants) {
      cases.push({ id: spec.variants.length > 1 ? `${spec.name}.${variant.name}` : spec.name, event: spec.name, variant: variant.name });
    }
  }
  cases.push(
    { id: 'User.Deleted.data-null', event: 'User.Deleted', set: { data: null }, shape: 'data: null' },
    { id: 'User.Deleted.no-data', event: 'User.Deleted', set: { data: REMOVE }, shape: 'no data' },
    { id: 'User.SuspensionStatus.Updated.unsuspended', event: 'User.SuspensionStatus.Updated', set: { 'data.isSuspended': false }, shape: 'reinstated (isSuspended: false)' },
  );
  for (const event of ['PostRegister', 'User.Created']) {
    for (const shape of USER_SHAPES) cases.push({ id: `${event}.${shape.name}`, event, actor: reshape(shape.patch), shape: shape.summary });
  }
  return cases;
}

/** The event the signature probes and the duplicate start from: one the hook acts on, preferably User.Created. */
function mainEvent(context: CheckContext): string {
  const preferred = ['User.Created', 'PostRegister', 'PostSignIn'];
  return preferred.find((event) => !context.subscribed || context.subscribed.has(event)) ?? [...(context.subscribed ?? [])][0] ?? 'User.Created';
}

const DELIVERY: DeliveryTexts = {
  duplicate: {
    title: 'the same delivery twice gets the same answer and is processed once',
    why: 'Logto can deliver an event again (retries in newer versions, a re-send from the Console); processing it twice duplicates users, emails or charges.',
    fix: 'Key deliveries by hookId + event + createdAt (+ the user) and answer a repeat 2xx without doing the work again.',
  },
  'out-of-order': {
    title: 'events in the wrong order get 2xx, never 5xx',
    why: 'Logto dispatches each event on its own: User.Data.Updated can arrive before User.Created and PostSignIn before PostRegister.',
    fix: 'Handle an event about a user you have not seen (create it, or keep the update) instead of failing.',
  },
  concurrent: {
    title: "one sign-up's PostRegister and User.Created, sent at once, both succeed",
    why: 'One sign-up sends PostRegister and User.Created at the same moment; a check-then-insert hook fails one of them or creates the user twice.',
    fix: 'Make the write idempotent (a unique key on the user id, an upsert) instead of check-then-insert.',
  },
  latency: {
    title: 'replies arrive well within the 10 s timeout',
    why: 'Logto waits at most 10 s, logs a TimeoutError and never retries: the event is lost from Logto\'s view even if the hook finishes later.',
    fix: 'Answer first and do slow work in the background (a queue), well within the timeout.',
  },
};

/** `console.test-payloads`: the Console's fake test payloads get 2xx (warn only). */
const consoleCheck: CheckDefinition = {
  id: 'console.test-payloads',
  async run(context) {
    const text = {
      id: 'console.test-payloads',
      title: "the Console's test payloads get 2xx",
      why: "The Console's \"Send test payload\" uses fake data (no interactionEvent, ids like fake-id): a hook that refuses it shows a failed test for a working hook.",
      fix: 'Answer 2xx to events about users you do not know (log and ignore them).',
    };
    const options = context.providerOptions as { version: '1.42' | '1.43'; hookId?: string };
    const hookId = options.hookId ?? 'hooksimconsoletest000';
    const events = logtoEventSpecs.filter((spec) => !spec.devFeature && (!context.subscribed || context.subscribed.has(spec.name)));
    const sent = [];
    for (const spec of events) {
      const request = context.provider.buildRequest(logtoTestPayload(spec.name, hookId, context.now, options.version), context.providerOptions);
      sent.push(await exchange(context, spec.name, request));
    }
    return [combine(text, sent.map((reply) => gradeAccept(reply, 'warn')), sent, `all ${sent.length} test payloads answered 2xx`)];
  },
};

function outOfOrderStories(context: CheckContext): BuildSpec[][] {
  const story = (events: [string, string?][]): BuildSpec[] => {
    const seed = context.seedFor(`delivery.out-of-order ${events.map(([event]) => event).join(' ')}`);
    const actor = context.provider.createActor(seed, context.now, context.providerOptions);
    return events.map(([event, variant], index) => ({ event, variant, seed: seed + index, actor, offsetMs: index }));
  };
  return [story([['User.Data.Updated', 'management-api'], ['User.Created', 'management-api']]), story([['PostSignIn'], ['PostRegister']])];
}

function signUpFanOut(context: CheckContext): BuildSpec[] {
  const seed = context.seedFor('delivery.concurrent');
  const actor = context.provider.createActor(seed, context.now, context.providerOptions);
  // One interaction: the same user and session (same seed), a millisecond apart.
  return [
    { event: 'PostRegister', seed, actor },
    { event: 'User.Created', variant: 'experience', seed, actor, offsetMs: 1 },
  ];
}

/** Events about an existing user: the user is created first, so "deleted" and "updated" mean something. */
function effectPrelude(_context: CheckContext, event: string, actor: JsonObject, seed: number): BuildSpec[] {
  return event === 'User.Created' || event === 'PostRegister' ? [] : [{ event: 'User.Created', seed, actor }];
}

/** Every Logto check, in the order they run (latency last: it reads the others' timings). */
export const logtoChecks: readonly CheckDefinition[] = [
  eventSweep(logtoSweepCases, {
    why: 'Logto logs an Error for any non-2xx and never re-sends (1.42): whatever the hook should have done for this event never happens.',
    fix: 'Answer 2xx to every event the hook is subscribed to; acknowledge events you do not act on instead of refusing them.',
    shapeFix: 'Do not assume an email, a username or a name: Logto users may have only a phone or a username; read user fields as nullable.',
  }),
  ...signatureChecks((context, id) => prepare(context, { event: mainEvent(context), seed: context.seedFor(id) })),
  duplicateCheck(DELIVERY, (context) => ({ event: mainEvent(context) })),
  outOfOrderCheck(DELIVERY, outOfOrderStories),
  concurrentCheck(DELIVERY, signUpFanOut),
  consoleCheck,
  effectsCheck(
    {
      why: 'A hook that answers 2xx but does not do its work loses the event: Logto logs Success and never re-sends.',
      fix: 'Do the work before answering 2xx, and check you read the fields Logto sends (data.id, not data.user).',
    },
    effectPrelude,
  ),
  fuzzCheck(logtoFuzz),
  latencyCheck(DELIVERY),
];
