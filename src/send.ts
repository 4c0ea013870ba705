import { systemClock, type Clock } from './core/clock.js';
import { applyOverrides, type JsonObject, type Overrides } from './core/json.js';
import { parseOrUsageError } from './core/options.js';
import { redact, redactOwned } from './core/redact.js';
import type { Attempt, Reply, TransportError, Verdict, WireRequest } from './core/types.js';
import { deliver } from './delivery/deliver.js';
import { getEvent, getProvider, getVariant } from './providers/registry.js';
import { signingOf, withSigningKey } from './providers/signing/binding.js';
import type { EventName, OptionsOf, OutcomeOf, ProviderName, VariantName } from './providers/typed.js';
import type { AnyProvider, Provider } from './providers/types.js';
import { transportFor, type Target } from './transports/target.js';
import { DEFAULT_MAX_REPLY_BYTES, type Transport } from './transports/types.js';

/** Fields common to every send: where, with which identity, at what time. */
interface SendBase {
  /** The hook: a URL, an Express app / Node handler, `{ app, path }` or `{ fetch, path }`. */
  target: Target;
  /** Seed for every generated value: the same seed and clock give byte-identical requests. Default 1. */
  seed?: number;
  /** Overrides by dotted path (`user.primaryEmail`), applied to the payload before signing. */
  set?: Overrides;
  /** Shortcut for the option holding the provider's signing key (Logto's `signingKey`, a provider file's `keyOption`). */
  signingKey?: string;
  /** The time the provider thinks it is (pins `createdAt`). Overrides `clock.now()` for building the event. */
  now?: number | string | Date;
  /** Clock for timestamps and retry back-off (tests pass a manual clock). */
  clock?: Clock;
  /** Bytes of each reply kept for the report (the rest is read and counted, not kept). Default 1 MiB. */
  maxReplyBytes?: number;
  /**
   * hooksim's safety cap on one attempt, headers and body (ms): a body that never ends still gets
   * a verdict (`body-timeout`). Not a provider rule (Logto reads the body with no timeout).
   * Default: the provider's timeout + 30 s.
   */
  maxTotalMs?: number;
  /** The identity to speak of (as `createActor` or an earlier send returned it). */
  actor?: JsonObject;
}

/**
 * What to send, to whom, and how, for a built-in provider: the event, variant and option names are
 * checked by the compiler (`event: 'PostRegistr'` does not compile).
 */
export interface SendOptions<P extends ProviderName = ProviderName, E extends EventName<P> = EventName<P>> extends SendBase {
  /** `logto` or `dexie-cloud`. */
  provider: P;
  /** Event name, e.g. `PostRegister`, `User.Created`, `new-user` (`hooksim list`). */
  event: E;
  /** Trigger variant of the event (default: its first, see `hooksim list`). */
  variant?: VariantName<P, E>;
  /** Provider options (Logto: version, retries, signingKey, hookId, headers, timeoutMs; Dexie: failurePolicy, evalDays, timeoutMs, token). */
  options?: OptionsOf<P>;
}

/** What to send through a provider object (your own, or one hooksim loaded from a file): names checked at run time. */
export interface ProviderSendOptions<Outcome = unknown> extends SendBase {
  provider: Provider<unknown, Outcome, JsonObject>;
  event: string;
  variant?: string;
  options?: Record<string, unknown>;
}

/** Either form, as {@link send} accepts it. */
export type AnySendOptions = SendOptions | ProviderSendOptions<any>;

/** Everything hooksim learned from one send. Secrets (signing key, tokens) are already redacted. */
export interface SendResult<Outcome = unknown> {
  provider: string;
  event: string;
  variant: string;
  /** Where it went: the URL, or a description of the in-process target. */
  target: string;
  /** The provider options in force (secrets redacted). */
  options: Record<string, unknown>;
  seed: number;
  /** The request as sent; `json` is its body parsed. */
  request: WireRequest & ParsedBody;
  /** The reply to the last attempt, if any. */
  response?: Reply & ParsedBody;
  /** Why the last attempt got no reply, if it did not. */
  error?: TransportError;
  attempts: Attempt[];
  verdict: Verdict;
  outcome: Outcome;
  /** The identity after the event (feed it to the next send to continue a story). */
  actor: JsonObject;
  /** The provider's decision in a few words (`prod user, data {...}`, `Logto log: Error 401`). */
  decision?: string;
  /** Things worth knowing when reading the verdict (an unsigned request to a signing provider's hook). */
  notes?: string[];
}

/** A request built but not sent (`hooksim show`). */
export interface PreparedEvent {
  provider: AnyProvider;
  event: string;
  variant: string;
  options: Record<string, unknown>;
  seed: number;
  payload: JsonObject;
  request: WireRequest;
  actor: JsonObject;
  secrets: string[];
  /** The parsed provider options, secrets included (never print these). */
  providerOptions: unknown;
}

/** A body's JSON value, beside its exact text: `result.request.json`, `result.response.json`. */
export interface ParsedBody {
  /** The body parsed as JSON; absent when it is empty or not JSON (the text is always in `body`). */
  json?: unknown;
}

/** Notes on how the request was made that explain a likely refusal. */
function noteList(provider: AnyProvider, options: unknown): { notes?: string[] } {
  const notes: string[] = [];
  const signing = signingOf(provider);
  if (signing && signing.key(options) === '') {
    notes.push(
      `unsigned: no signing key was given, so the request has no ${signing.signer.signatureHeader} header and a hook that verifies signatures refuses it; give the hook's key (CLI: --signing-key or HOOKSIM_SIGNING_KEY; library: signingKey)`,
    );
  }
  return notes.length ? { notes } : {};
}

function withParsedBody<T extends { body: string }>(message: T): T & ParsedBody {
  if (message.body === '') return message;
  try {
    return Object.assign({}, message, { json: JSON.parse(message.body) as unknown });
  } catch {
    return message;
  }
}

function toEpoch(now: number | string | Date): number {
  const ms = typeof now === 'number' ? now : new Date(now).getTime();
  if (!Number.isFinite(ms)) throw new TypeError(`invalid time: ${String(now)}`);
  return ms;
}

/** Builds the exact request a provider would send, without sending it. */
export function prepareEvent<P extends ProviderName, E extends EventName<P>>(input: Omit<SendOptions<P, E>, 'target'>): PreparedEvent;
export function prepareEvent(input: Omit<ProviderSendOptions, 'target'>): PreparedEvent;
export function prepareEvent(input: Omit<AnySendOptions, 'target'>): PreparedEvent {
  const provider = typeof input.provider === 'string' ? getProvider(input.provider) : (input.provider as AnyProvider);
  const definition = getEvent(provider, input.event);
  const variant = getVariant(provider, definition, input.variant).name;
  const rawOptions = withSigningKey(provider, input.options, input.signingKey);
  const options = parseOrUsageError(provider.optionsSchema, rawOptions, `${provider.name} options`);
  const seed = input.seed ?? 1;
  const clock = input.clock ?? systemClock;
  const now = input.now !== undefined ? toEpoch(input.now) : clock.now();
  const built = provider.buildEvent(definition.name, { seed, now, variant, options, actor: input.actor });
  const payload = applyOverrides(built.payload, input.set);
  const request = provider.buildRequest(payload, options, { now, seed });
  const secrets = provider.secrets(options);
  return {
    provider,
    event: definition.name,
    variant,
    options: redact(options as Record<string, unknown>, secrets),
    seed,
    payload,
    request,
    actor: built.actor,
    secrets,
    providerOptions: options,
  };
}

/**
 * Delivers a prepared request over a transport and judges the reply: the second half of
 * {@link send}, for callers that adjust the request first (scenario deviations) or reuse a
 * transport across events. The result is redacted.
 */
export async function deliverPrepared<Outcome = unknown>(
  prepared: PreparedEvent,
  transport: Transport,
  options: { clock?: Clock; maxReplyBytes?: number; maxTotalMs?: number; now?: number } = {},
): Promise<SendResult<Outcome>> {
  const { provider, secrets, providerOptions } = prepared;
  const clock = options.clock ?? systemClock;
  const record = await deliver(transport, prepared.request, provider.deliveryPolicy(providerOptions), clock, options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES, options.maxTotalMs);
  // A pinned `now` (send's option) is the provider's time for judging too; otherwise the clock's.
  const judged = provider.judge(prepared.event, prepared.request, record, providerOptions, options.now ?? clock.now());
  const last = record.attempts.at(-1);
  const result: SendResult<Outcome> = redact(
    {
      provider: provider.name,
      event: prepared.event,
      variant: prepared.variant,
      target: transport.description,
      options: prepared.options,
      seed: prepared.seed,
      request: prepared.request,
      ...(last?.reply ? { response: withParsedBody(last.reply) } : {}),
      ...(last?.error ? { error: last.error } : {}),
      attempts: record.attempts,
      verdict: judged.verdict,
      outcome: judged.outcome as Outcome,
      actor: prepared.actor,
      ...(provider.describeOutcome ? { decision: provider.describeOutcome(judged.outcome) } : {}),
      ...noteList(provider, providerOptions),
    },
    secrets,
  );
  // The request body parsed is this result's own (nothing else holds it): redacted where it
  // stands rather than copied, the largest part of a result spared a copy.
  const json = parsedBody(prepared.request.body);
  if (json !== undefined) (result.request as ParsedBody).json = redactOwned(json.value, secrets);
  return result;
}

/** A body's JSON value, if it is JSON (as {@link withParsedBody} decides). */
function parsedBody(body: string): { value: unknown } | undefined {
  if (body === '') return undefined;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * Sends one provider event to a hook, exactly as the provider would, and judges the reply.
 *
 * @example
 * const result = await send({ provider: 'logto', event: 'PostRegister', target: app, signingKey, seed: 1 });
 * expect(result.verdict.pass).toBe(true);
 */
export function send<P extends ProviderName, E extends EventName<P>>(input: SendOptions<P, E>): Promise<SendResult<OutcomeOf<P>>>;
export function send<Outcome>(input: ProviderSendOptions<Outcome>): Promise<SendResult<Outcome>>;
export async function send(input: AnySendOptions): Promise<SendResult<unknown>> {
  const prepared = prepareEvent(input as Omit<ProviderSendOptions, 'target'>);
  const transport = transportFor(input.target);
  try {
    // `now` pins the payload's timestamps only; retry back-off waits on `clock` (real time unless one is given).
    const now = input.now !== undefined ? toEpoch(input.now) : undefined;
    return await deliverPrepared(prepared, transport, { clock: input.clock, maxReplyBytes: input.maxReplyBytes, maxTotalMs: input.maxTotalMs, now });
  } finally {
    // Only close what send() opened itself; a Transport passed in belongs to the caller.
    if (transport !== input.target) await transport.close();
  }
}
