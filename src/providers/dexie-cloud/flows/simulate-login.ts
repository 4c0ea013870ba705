import { REMOVE, type Overrides } from '../../../core/json.js';
import { completeLogin, decideLogin, type DexieLoginAttempt, type DexieLoginState } from '../login.js';
import { dexieOptionsSchema } from '../options.js';
import type { DexieOutcome } from '../outcome.js';
import { send, type SendResult } from '../../../send.js';
import type { Target } from '../../../transports/target.js';

/**
 * A login to a Dexie Cloud database as the server would run it: the policy decides whether the
 * new-user hook is called at all; if so the hook is called and judged; then seats are checked
 * and the user is stored in `state`. Returns what the client sees.
 */
export async function simulateDexieLogin(input: {
  state: DexieLoginState;
  attempt: DexieLoginAttempt;
  target?: Target;
  options?: Record<string, unknown>;
  now?: number;
  seed?: number;
}): Promise<{ hookCalled: boolean; delivery?: SendResult<DexieOutcome>; outcome: DexieOutcome }> {
  const options = dexieOptionsSchema.parse(input.options ?? {});
  const now = input.now ?? Date.now();
  const decision = decideLogin(input.state, input.attempt, options);
  let delivery: SendResult<DexieOutcome> | undefined;
  if (decision.kind === 'call-hook') {
    if (input.target === undefined) throw new TypeError('simulateDexieLogin: the webhook policy needs a target');
    const set: Overrides = { userId: input.attempt.userId, email: input.attempt.email ?? REMOVE };
    delivery = await send({ provider: 'dexie-cloud', event: 'new-user', target: input.target, set, options: input.options, now, seed: input.seed });
  }
  const outcome = completeLogin(input.state, input.attempt, decision, delivery?.outcome, options, now);
  return { hookCalled: delivery !== undefined, ...(delivery ? { delivery } : {}), outcome };
}
