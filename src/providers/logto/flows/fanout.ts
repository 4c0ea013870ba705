import { systemClock, type Clock } from '../../../core/clock.js';
import type { JsonObject } from '../../../core/json.js';
import { logEntry, type LogtoLogEntry } from '../logs.js';
import { logto } from '../index.js';
import type { LogtoOutcome } from '../outcome.js';
import { lowerAlnum, seededFaker } from '../../../core/random.js';
import { deliverPrepared, prepareEvent, type SendResult } from '../../../send.js';
import { transportFor, type Target } from '../../../transports/target.js';
import { mapWithConcurrency } from '../../../flows/concurrency.js';

/** A hook as configured in Logto: its subscriptions, its state, where it points and its secret. */
export interface LogtoHookConfig {
  /** 21 lowercase alphanumerics in real Logto. */
  id: string;
  /** Subscribed events. Empty or absent: the legacy single `event` applies. */
  events?: string[];
  /** The legacy single event of hooks created before multi-event subscriptions. */
  event?: string;
  enabled?: boolean;
  target: Target;
  signingKey?: string;
  headers?: Record<string, string>;
}

/** `enabled && (events.length > 0 ? events.includes(event) : event === hookEvent)` (libraries/hook/index.ts). */
export function hookMatches(hook: LogtoHookConfig, event: string): boolean {
  if (hook.enabled === false) return false;
  return hook.events && hook.events.length > 0 ? hook.events.includes(event) : hook.event === event;
}

/** One event triggered in Logto. */
export interface LogtoTrigger {
  event: string;
  variant?: string;
}

/** One (hook, event) delivery and the log row Logto would store for it. */
export interface FanoutDelivery {
  hookId: string;
  event: string;
  result: SendResult<LogtoOutcome>;
  log: LogtoLogEntry;
}

/** Logto's fan-out concurrency per trigger (`pMap(webhooks, sendWebhook, { concurrency: 10 })`). */
export const LOGTO_FANOUT_CONCURRENCY = 10;

/**
 * The two events one self-registration triggers: `PostRegister` and `User.Created` (Experience
 * API). Logto dispatches them from two independent calls: no order is guaranteed. Both come from
 * one interaction (one `jti`, so one `sessionId`) and one user row (one `createdAt`).
 */
export const signUpTriggers: readonly LogtoTrigger[] = [{ event: 'PostRegister' }, { event: 'User.Created', variant: 'experience' }];

/**
 * Triggers events as Logto does: each event's payload is built once (one `createdAt` for every
 * hook), sent to every matching enabled hook with that hook's id, key and headers, at most
 * `concurrency` at a time, in no guaranteed order. Disabled and unsubscribed hooks are skipped.
 */
export async function dispatchLogtoEvents(input: {
  hooks: readonly LogtoHookConfig[];
  triggers: readonly LogtoTrigger[];
  seed?: number;
  now?: number;
  actor?: JsonObject;
  /** Provider options shared by all hooks (version, retries, timeoutMs). */
  options?: Record<string, unknown>;
  concurrency?: number;
  clock?: Clock;
}): Promise<{ deliveries: FanoutDelivery[]; skipped: { hookId: string; event: string }[]; maxInFlight: number }> {
  const clock = input.clock ?? systemClock;
  const now = input.now ?? clock.now();
  const seed = input.seed ?? 1;
  const jobs: { hook: LogtoHookConfig; prepared: ReturnType<typeof prepareEvent> }[] = [];
  const skipped: { hookId: string; event: string }[] = [];
  // Every event of one dispatch speaks of the same user (a sign-up's PostRegister and User.Created).
  // Each trigger sees the actor as the earlier ones left it: a sign-up's User.Created joins the
  // interaction (one sessionId) and the user row its PostRegister opened, and vice versa.
  let actor = input.actor ?? logto.createActor(seed, now, logto.optionsSchema.parse(input.options ?? {}));
  input.triggers.forEach((trigger, index) => {
    // Separate triggers happen a millisecond apart, as two calls in one request would.
    const base = prepareEvent({ provider: logto, event: trigger.event, variant: trigger.variant, seed: seed + index, now: now + index, actor, options: input.options });
    actor = base.actor;
    for (const hook of input.hooks) {
      if (!hookMatches(hook, trigger.event)) {
        skipped.push({ hookId: hook.id, event: trigger.event });
        continue;
      }
      const { hookId: _drop, ...rest } = base.payload;
      const payload = { ...rest, hookId: hook.id };
      const providerOptions = { ...(base.providerOptions as object), hookId: hook.id, signingKey: hook.signingKey ?? '', headers: hook.headers ?? {} };
      const request = logto.buildRequest(payload, providerOptions as never);
      jobs.push({ hook, prepared: { ...base, payload, request, providerOptions, secrets: hook.signingKey ? [hook.signingKey] : [] } });
    }
  });
  let inFlight = 0;
  let maxInFlight = 0;
  const ids = seededFaker(seed, 30);
  const deliveries = await mapWithConcurrency(jobs, input.concurrency ?? LOGTO_FANOUT_CONCURRENCY, async ({ hook, prepared }) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const transport = transportFor(hook.target);
    try {
      const result = await deliverPrepared<LogtoOutcome>(prepared, transport, { clock });
      return { hookId: hook.id, event: prepared.event, result, log: logEntry(result.outcome.log, lowerAlnum(ids, 21), clock.now()) };
    } finally {
      inFlight -= 1;
      if (transport !== hook.target) await transport.close();
    }
  });
  return { deliveries, skipped, maxInFlight };
}
