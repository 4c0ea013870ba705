import type { Arbitrary } from 'fast-check';
import type { JsonObject } from '../core/json.js';
import type { WireRequest } from '../core/types.js';
import { exchange, recordLatency } from './exchange.js';
import { result, skipped, type CheckText } from './grade.js';
import type { CheckContext, CheckDefinition, SentExchange } from './types.js';

type FastCheck = typeof import('fast-check');

/** What a fuzz check generates and how it judges one reply. */
export interface FuzzSpec<T> {
  text: CheckText;
  /** Valid inputs; shrinking makes a failing one as small as the arbitrary allows. Undefined: nothing to fuzz here. */
  arbitrary(fc: FastCheck, context: CheckContext): Arbitrary<T> | undefined;
  /** Fixed cases tried before the random ones (known troublemakers). */
  examples?(context: CheckContext): T[];
  /** The request for a value, and the payload it carries. */
  build(context: CheckContext, value: T): { event: string; payload: JsonObject; request: WireRequest };
  /** Why the reply breaks the property, or undefined when it holds. */
  judge(context: CheckContext, sent: SentExchange): string | undefined;
  /** A short description of the value for the report (what was changed from a faithful event). */
  describe?(context: CheckContext, value: T): unknown;
}

/** Thrown by the property to carry the reason to the report. */
class PropertyBroken extends Error {}

/**
 * A seeded, replayable fast-check run: the property is "the hook never answers 5xx, never times
 * out and keeps the reply contract". A failure is shrunk and reported with the seed and path
 * that replay it (`--seed S --replay PATH`).
 */
export function fuzzCheck<T>(spec: FuzzSpec<T>): CheckDefinition {
  return {
    id: spec.text.id,
    async run(context) {
      if (context.fuzzRuns === 0 && context.replay === undefined) return [skipped(spec.text, 'fuzzing is off (--fuzz 0)')];
      const fc = await import('fast-check');
      const arbitrary = spec.arbitrary(fc, context);
      if (!arbitrary) return [skipped(spec.text, 'no event to fuzz among the subscribed events')];
      let runs = 0;
      const property = fc.asyncProperty(arbitrary, async (value) => {
        runs += 1;
        const built = spec.build(context, value);
        const sent = await exchange(context, built.event, built.request);
        recordLatency(context, built.event, sent);
        const reason = spec.judge(context, sent);
        if (reason) throw new PropertyBroken(reason);
      });
      // The same examples on replay: the path counts them.
      const examples = (spec.examples?.(context) ?? []).map((value) => [value] as [T]);
      const details = await fc.check(property, {
        seed: context.seed,
        numRuns: context.replay === undefined ? context.fuzzRuns : 1,
        ...(context.replay !== undefined ? { path: context.replay, endOnFailure: true } : {}),
        examples,
      });
      if (!details.failed || !details.counterexample) {
        const message = context.replay !== undefined ? `replayed path ${context.replay}: the property holds` : `${runs} payloads (seed ${context.seed}): no 5xx, no timeout, reply contract kept`;
        return [result(spec.text, 'pass', message, [], { seed: context.seed, runs })];
      }
      const [value] = details.counterexample;
      // Once more, to show the minimal request and its reply in the report.
      const built = spec.build(context, value);
      const sent = await exchange(context, `${built.event} (minimal failing payload)`, built.request);
      const reason = details.errorInstance instanceof PropertyBroken ? details.errorInstance.message : String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance);
      const path = details.counterexamplePath ?? '';
      const replay = `--seed ${details.seed} --replay ${path}`;
      const changed = spec.describe ? spec.describe(context, value) : value;
      return [
        result(spec.text, 'fail', `${reason}, for ${JSON.stringify(changed)} (shrunk after ${details.numShrinks} steps); reproduce with ${replay}`, [sent], {
          seed: details.seed,
          path,
          replay,
          runs,
          counterexample: changed as never,
          payload: built.payload,
        }),
      ];
    },
  };
}
