import type { JsonObject } from '../core/json.js';
import { prepare, type BuildSpec } from './build.js';
import { runEffect } from './effects.js';
import { exchange, replyText, statusClass } from './exchange.js';
import { result, type CheckText } from './grade.js';
import type { CheckContext, CheckDefinition, CheckResult, SentExchange } from './types.js';

/** Provider sentences for `effects.<Event>`. */
export type EffectTexts = Omit<CheckText, 'id' | 'title'>;

/**
 * `effects.<Event>`: for each event with a declared effect, a fresh event is delivered (after the
 * events that must precede it, e.g. the user's creation before its deletion) and the effect is
 * checked against the app.
 */
export function effectsCheck(texts: EffectTexts, prelude: (context: CheckContext, event: string, actor: JsonObject, seed: number) => BuildSpec[] = () => []): CheckDefinition {
  return {
    id: 'effects.',
    async run(context) {
      const results: CheckResult[] = [];
      for (const event of Object.keys(context.effects)) {
        if (!context.selected(`effects.${event}`)) continue;
        const text: CheckText = { id: `effects.${event}`, title: `${event} did what the effects file says`, ...texts };
        const seed = context.seedFor(text.id);
        const actor = context.provider.createActor(seed, context.now, context.providerOptions);
        const sent: SentExchange[] = [];
        let failure: string | undefined;
        const steps = [...prelude(context, event, actor, seed), { event, seed, actor, offsetMs: 10 }];
        let payload: JsonObject = {};
        for (const step of steps) {
          const prepared = prepare(context, step);
          const reply = await exchange(context, prepared.event, prepared.request);
          sent.push(reply);
          payload = prepared.payload;
          if (statusClass(reply) !== 2) {
            failure = `${prepared.event} was refused (${replyText(reply)}), so its effect cannot be checked`;
            break;
          }
        }
        const effect = failure ? undefined : await runEffect(context, event, payload, 'delivered');
        if (effect && !effect.ok) failure = `${replyText(sent.at(-1)!)}, but ${effect.message}`;
        results.push(result(text, failure ? 'fail' : 'pass', failure ?? effect?.message ?? 'no effect declared', sent, effect?.request ? { effect: effect.request } : undefined));
      }
      return results;
    },
  };
}
