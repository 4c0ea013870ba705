import type { DeliveryRecord } from '../core/types.js';
import { signingOf } from '../providers/signing/binding.js';
import { deviateSignature, deviationProblem, type SignatureDeviation } from '../scenarios/deviate.js';
import { prepare } from './build.js';
import { latencyCheck, type DeliveryTexts } from './delivery.js';
import { effectsCheck } from './effects-check.js';
import { runEffect } from './effects.js';
import { exchange, recordLatency, replyText, statusClass } from './exchange.js';
import { combine, gradeRefusal, result, skipped, type CheckText } from './grade.js';
import type { CheckContext, CheckDefinition, CheckResult, CheckStatus, SentExchange } from './types.js';

/*
 * The checks of a provider hooksim knows only as data (a provider file, or a Provider object
 * without a catalogue of its own): the provider's contract for every event and variant, its
 * signing scheme's deviations, duplicates and declared repeats, effects and latency. Nothing
 * here names a provider: it asks the provider (judge, signing, repeats).
 */

type Grade = { status: CheckStatus; note: string };

/** What the provider makes of one exchange: its verdict and outcome, as if it had been its only attempt. */
function judged(context: CheckContext, event: string, sent: SentExchange) {
  const record: DeliveryRecord = { attempts: [{ number: 1, durationMs: sent.durationMs, ...(sent.response ? { reply: sent.response } : {}), ...(sent.error ? { error: sent.error } : {}) }] };
  return context.provider.judge(event, sent.request, record, context.providerOptions, context.now);
}

function describe(context: CheckContext, outcome: unknown): string {
  return context.provider.describeOutcome ? context.provider.describeOutcome(outcome) : JSON.stringify(outcome);
}

/** The event the signature and duplicate checks start from: the provider's first. */
const mainEvent = (context: CheckContext) => context.provider.events[0]!.name;

const CONTRACT_FIX = "Answer as the provider's contract says (`hooksim schema <provider>`, `hooksim show` for the exact request).";

/** `events.<event>[.<variant>]`: every event and variant, faithfully built and signed, gets a reply that keeps the contract. */
const eventsCheck: CheckDefinition = {
  id: 'events.',
  async run(context) {
    const results: CheckResult[] = [];
    for (const event of context.provider.events) {
      for (const variant of event.variants) {
        const id = `events.${event.name}${event.variants.length > 1 ? `.${variant.name}` : ''}`;
        if (!context.selected(id)) continue;
        const text: CheckText = {
          id,
          title: `${event.name}${event.variants.length > 1 ? ` (${variant.name})` : ''} gets a reply that keeps the contract`,
          why: `${context.provider.title} acts on the reply: one that breaks its contract is a failed delivery (retries, alerts, a user left without what the event promised).`,
          fix: CONTRACT_FIX,
        };
        const prepared = prepare(context, { event: event.name, variant: variant.name, seed: context.seedFor(id) });
        const sent = await exchange(context, id.slice('events.'.length), prepared.request);
        recordLatency(context, event.name, sent);
        const judgement = judged(context, event.name, sent);
        const broken = judgement.verdict.violations.map((violation) => `${violation.path}: ${violation.message}`).join('; ');
        results.push(result(text, judgement.verdict.pass ? 'pass' : 'fail', judgement.verdict.pass ? `${replyText(sent)} → ${describe(context, judgement.outcome)}` : broken, [sent]));
      }
    }
    return results;
  },
};

const FORGERY_WHY = 'Anyone who finds the URL can forge events if the hook accepts a request it cannot authenticate.';

const SIGNATURE_TEXTS: Record<Exclude<SignatureDeviation, 'replayed-id'>, Omit<CheckText, 'id'>> = {
  missing: { title: 'a request without a signature is refused', why: FORGERY_WHY, fix: 'Refuse a request without the signature header with 401 before reading the body: never "verify only if present".' },
  tampered: { title: 'a wrong signature is refused', why: FORGERY_WHY, fix: 'Compute the signature over the raw body as the scheme says and compare in constant time; refuse a mismatch with 401.' },
  'wrong-key': { title: 'a signature made with another key is refused', why: FORGERY_WHY, fix: "Verify with this endpoint's own key, never a default or another endpoint's key." },
  'body-altered': {
    title: 'a valid signature over another body is refused',
    why: 'A signature that is not checked against the body lets anyone replay a captured signature with a changed payload.',
    fix: 'Verify over the exact bytes received, then parse them.',
  },
  'stale-timestamp': {
    title: 'a correctly signed request from 15 minutes ago is refused',
    why: 'Without a timestamp check, a captured request can be replayed forever.',
    fix: 'Refuse a timestamp more than a few minutes (the spec says 5) from your clock, after verifying the signature.',
  },
  'future-timestamp': {
    title: 'a correctly signed request dated 15 minutes ahead is refused',
    why: 'A tolerance that only looks backwards lets a request signed for later be replayed until then.',
    fix: 'Compare the absolute difference between the timestamp and your clock with the tolerance.',
  },
};

function needsKey(context: CheckContext, text: CheckText, how: SignatureDeviation): CheckResult | undefined {
  const problem = deviationProblem(context.provider, how);
  if (problem) return skipped(text, problem);
  if (!signingOf(context.provider)!.key(context.providerOptions)) return skipped(text, 'no signing key given (--signing-key): the requests are unsigned, so verification cannot be probed');
  return undefined;
}

/** `signature.<deviation>`: the provider's scheme, deliberately wrong one way; the hook must refuse it with 401/403. */
function signatureCheck(how: Exclude<SignatureDeviation, 'replayed-id'>): CheckDefinition {
  const text: CheckText = { id: `signature.${how}`, ...SIGNATURE_TEXTS[how] };
  return {
    id: text.id,
    async run(context) {
      const missing = needsKey(context, text, how);
      if (missing) return [missing];
      const prepared = prepare(context, { event: mainEvent(context), seed: context.seedFor(text.id) });
      const request = deviateSignature(context.provider, context.providerOptions, prepared.request, how, { now: context.now });
      const sent = await exchange(context, how, request);
      return [combine(text, [gradeRefusal(sent)], [sent], 'refused with 401/403')];
    },
  };
}

/** The reply to a repeat: refused, or accepted with the outcome the provider says a repeat must get. */
function gradeRepeat(context: CheckContext, event: string, sent: SentExchange, refusalPasses: boolean): Grade {
  const repeats = context.provider.repeats;
  if (refusalPasses && (sent.response?.status === 401 || sent.response?.status === 403 || sent.response?.status === 409)) return { status: 'pass', note: `${sent.label}: refused with ${sent.response.status}` };
  if (statusClass(sent) !== 2) return { status: 'fail', note: `${sent.label}: ${replyText(sent)}` };
  if (!repeats) return { status: 'pass', note: `${sent.label}: ${replyText(sent)}` };
  const outcome = judged(context, event, sent).outcome;
  return repeats.holds(outcome)
    ? { status: 'pass', note: `${sent.label}: ${replyText(sent)} → ${repeats.expected}` }
    : { status: 'fail', note: `${sent.label}: ${replyText(sent)} → ${describe(context, outcome)}, where a repeat must get "${repeats.expected}" (it was processed again)` };
}

const REPEAT_WHY = 'Providers deliver a message again (retries after a timeout the hook never saw) and users repeat what they did; doing the work twice duplicates what the event creates (accounts, licences, emails).';

/** `signature.replayed-id`: a correctly signed new request with an old message id is not processed as new. */
const replayedIdCheck: CheckDefinition = {
  id: 'signature.replayed-id',
  async run(context) {
    const text: CheckText = {
      id: 'signature.replayed-id',
      title: 'a message id seen before is not processed again',
      why: `${REPEAT_WHY} The message id is what tells a repeat apart.`,
      fix: 'Remember the ids of messages handled (at least for the timestamp tolerance) and answer a known id 2xx without doing the work.',
    };
    const missing = needsKey(context, text, 'replayed-id');
    if (missing) return [missing];
    const event = mainEvent(context);
    const seed = context.seedFor(text.id);
    const original = prepare(context, { event, seed });
    const first = await exchange(context, 'original', original.request);
    const fresh = prepare(context, { event, seed: seed + 1, offsetMs: 10 });
    const replay = deviateSignature(context.provider, context.providerOptions, fresh.request, 'replayed-id', { now: context.now, previous: original.request });
    const second = await exchange(context, 'another event, the same message id', replay);
    const grades: Grade[] = [statusClass(first) === 2 ? { status: 'pass', note: `original: ${replyText(first)}` } : { status: 'fail', note: `the original was not accepted (${replyText(first)})` }, gradeRepeat(context, event, second, true)];
    return [combine(text, grades, [first, second], context.provider.repeats ? `the replay got "${context.provider.repeats.expected}" or a refusal` : 'the replay was answered without failing (declare repeats or an effect to prove it was not processed again)')];
  },
};

/** `delivery.duplicate`: the same bytes twice; the second is a repeat (and the effect holds after both). */
const duplicateCheck: CheckDefinition = {
  id: 'delivery.duplicate',
  async run(context) {
    const text: CheckText = {
      id: 'delivery.duplicate',
      title: 'the same delivery twice is processed once',
      why: REPEAT_WHY,
      fix: 'Key deliveries by the message id (or the event\'s own identity) and answer a repeat 2xx without doing the work again.',
    };
    const prepared = prepare(context, { event: mainEvent(context), seed: context.seedFor(text.id) });
    const first = await exchange(context, `${prepared.event} (first)`, prepared.request);
    const second = await exchange(context, `${prepared.event} (again, same bytes)`, prepared.request);
    const effect = await runEffect(context, prepared.event, prepared.payload, 'duplicate');
    const grades: Grade[] = [statusClass(first) === 2 ? { status: 'pass', note: `first: ${replyText(first)}` } : { status: 'fail', note: `the first delivery was not accepted (${replyText(first)})` }, gradeRepeat(context, prepared.event, second, false)];
    if (effect && !effect.ok) grades.push({ status: 'fail', note: `after the duplicate: ${effect.message}` });
    return [combine(text, grades, [first, second], `accepted twice${context.provider.repeats ? `, the second as "${context.provider.repeats.expected}"` : ''}${effect?.ok ? `; ${effect.message}` : ''}`)];
  },
};

/** `delivery.repeat.<variant>`: the provider's repeat variants (a re-enrollment) get the repeat outcome. */
const repeatVariantsCheck: CheckDefinition = {
  id: 'delivery.repeat.',
  async run(context) {
    const repeats = context.provider.repeats;
    const results: CheckResult[] = [];
    for (const variant of repeats?.variants ?? []) {
      const event = context.provider.events.find((candidate) => candidate.variants.some((entry) => entry.name === variant));
      const id = `delivery.repeat.${variant}`;
      if (!event || !context.selected(id)) continue;
      const text: CheckText = {
        id,
        title: `${event.name} (${variant}) after ${event.name} is "${repeats!.expected}"`,
        why: REPEAT_WHY,
        fix: `Recognise what ${variant} repeats (the same identity as before) and answer as "${repeats!.expected}" without doing the work again.`,
      };
      const seed = context.seedFor(id);
      const first = prepare(context, { event: event.name, seed });
      const again = prepare(context, { event: event.name, variant, seed: seed + 1, actor: first.actor, offsetMs: 10 });
      const sentFirst = await exchange(context, `${event.name} (${first.variant})`, first.request);
      const sentAgain = await exchange(context, `${event.name} (${variant})`, again.request);
      const effect = await runEffect(context, event.name, again.payload, 'duplicate');
      const grades: Grade[] = [statusClass(sentFirst) === 2 ? { status: 'pass', note: `first: ${replyText(sentFirst)}` } : { status: 'fail', note: `the first was not accepted (${replyText(sentFirst)})` }, gradeRepeat(context, event.name, sentAgain, false)];
      if (effect && !effect.ok) grades.push({ status: 'fail', note: `after the repeat: ${effect.message}` });
      results.push(combine(text, grades, [sentFirst, sentAgain], `the repeat got "${repeats!.expected}"${effect?.ok ? `; ${effect.message}` : ''}`));
    }
    return results;
  },
};

const DELIVERY: DeliveryTexts = {
  duplicate: { title: '', why: REPEAT_WHY, fix: '' },
  'out-of-order': { title: '', why: '', fix: '' },
  concurrent: { title: '', why: '', fix: '' },
  latency: {
    title: "replies arrive well within the provider's timeout",
    why: 'A reply after the timeout is a failed delivery to the provider, even when the hook did the work.',
    fix: 'Answer first and do slow work in the background (a queue), well within the timeout.',
  },
};

/** The catalogue for providers without one of their own. */
export const genericChecks: readonly CheckDefinition[] = [
  eventsCheck,
  ...(['missing', 'tampered', 'wrong-key', 'body-altered', 'stale-timestamp', 'future-timestamp'] as const).map(signatureCheck),
  replayedIdCheck,
  duplicateCheck,
  repeatVariantsCheck,
  effectsCheck({ why: 'The effects file says what the hook must have done after each event.', fix: 'Make the hook do what the effect describes, once.' }),
  latencyCheck(DELIVERY),
];
