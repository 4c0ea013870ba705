import type { JsonObject, Overrides } from '../core/json.js';
import { UsageError } from '../core/errors.js';
import { prepare } from './build.js';
import { exchange, recordLatency, replyText, statusClass } from './exchange.js';
import { result, type CheckText } from './grade.js';
import type { CheckContext, CheckDefinition, CheckResult } from './types.js';

/** One delivery of the sweep: an event (a variant, a shape of user) the hook must answer 2xx. */
export interface SweepCase {
  /** The id after `events.`: `User.Created.phone-only`. */
  id: string;
  event: string;
  variant?: string;
  /** Changes to the event's subject before it is built (a user without email). */
  actor?: (actor: JsonObject) => JsonObject;
  set?: Overrides;
  /** What this case is, for the title. */
  shape?: string;
}

/** How a sweep explains itself to the user (provider-specific sentences). */
export interface SweepTexts {
  why: string;
  fix: string;
  /** A fix for a case about a shape of user (`phone-only`): what to stop assuming. */
  shapeFix?: string;
}

/**
 * `events.*`: every case once, faithfully built and signed, must get 2xx within the provider's
 * timeout. A refusal of an event outside `subscribed` is only a warning: it breaks the day the
 * hook is subscribed to it, or tested from the provider's console.
 */
export function eventSweep(cases: (context: CheckContext) => SweepCase[], texts: SweepTexts): CheckDefinition {
  return {
    id: 'events.',
    async run(context) {
      const results: CheckResult[] = [];
      for (const item of cases(context)) {
        if (!context.selected(`events.${item.id}`)) continue;
        const text: CheckText = {
          id: `events.${item.id}`,
          title: `${item.event}${item.variant ? ` (${item.variant})` : ''}${item.shape ? `, ${item.shape}` : ''} gets 2xx`,
          why: texts.why,
          fix: item.shape && texts.shapeFix ? texts.shapeFix : texts.fix,
        };
        const seed = context.seedFor(`events.${item.id}`);
        let prepared;
        try {
          const base = context.provider.createActor(seed, context.now, context.providerOptions);
          prepared = prepare(context, { event: item.event, variant: item.variant, seed, actor: item.actor ? item.actor(base) : base, set: item.set });
        } catch (error) {
          if (error instanceof UsageError) {
            results.push(result(text, 'skip', error.message, []));
            continue;
          }
          throw error;
        }
        const sent = await exchange(context, item.id, prepared.request);
        recordLatency(context, item.event, sent);
        const ok = statusClass(sent) === 2;
        const subscribed = !context.subscribed || context.subscribed.has(item.event);
        let message = `${replyText(sent)}`;
        if (!ok && sent.response?.status === 401 && !context.provider.signature?.key(context.providerOptions) && context.provider.signature) {
          message += ': no signing key was given, so the request was unsigned (pass --signing-key)';
        }
        if (!ok && !subscribed) message += `: ${item.event} is not in --events, but a hook that refuses it breaks once subscribed to it or tested from the console`;
        results.push(result(text, ok ? 'pass' : subscribed ? 'fail' : 'warn', message, [sent]));
      }
      return results;
    },
  };
}
