import type { Clock } from '../core/clock.js';
import type { JsonObject } from '../core/json.js';
import type { Reply, TransportError, WireRequest } from '../core/types.js';
import type { AnyProvider } from '../providers/types.js';
import type { Target } from '../transports/target.js';
import type { Transport } from '../transports/types.js';

/** How one check ended. `warn` fails a run only under `strict`. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** One request a check sent, replayable: the exact bytes and a `curl` line with secrets redacted. */
export interface SentExchange {
  /** What this request probes, e.g. `wrong length`, `PostRegister`. */
  label: string;
  request: WireRequest;
  /** A shell line that sends the same bytes (signature and secrets shown as `[redacted]`). */
  curl: string;
  response?: Reply;
  error?: TransportError;
  durationMs: number;
  /** How this request alone was graded, when the check grades each one. */
  verdict?: CheckStatus;
}

/** The result of one check. */
export interface CheckResult {
  /** Stable id (`signature.missing`, `events.User.Created.phone-only`): part of the contract. */
  id: string;
  title: string;
  status: CheckStatus;
  /** What happened, in one or two sentences. */
  message: string;
  /** Why this matters in production (one sentence). Empty for passes that need none. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** Requests sent and what came back. Passing checks keep theirs too (for `--json`). */
  exchanges: SentExchange[];
  /** Check-specific figures (latency percentiles, fuzz seed and path). */
  details?: Record<string, unknown>;
  durationMs: number;
}

/** The whole audit. */
export interface CheckReport {
  provider: string;
  target: string;
  seed: number;
  strict: boolean;
  checks: CheckResult[];
  summary: Record<CheckStatus, number> & { total: number };
  /** 0 no fail (and no warn under strict), 1 otherwise. */
  exitCode: 0 | 1;
  durationMs: number;
}

/**
 * A check of what the hook did after a delivery (`effects.<Event>`): true or nothing passes,
 * false or a string (the reason) fails, a throw fails with its message.
 */
export type EffectCallback = (payload: EffectPayload, context: { event: string; phase: EffectPhase }) => unknown;

/**
 * The event payload an effect callback gets: JSON, typed loosely so a test can write
 * `event.data.id` without casts (the provider's contract, not the type, says what is there).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EffectPayload = { [key: string]: any };

/** When an effect is checked: after a first delivery, after a duplicate, after a concurrent fan-out. */
export type EffectPhase = 'delivered' | 'duplicate' | 'concurrent';

/**
 * An effect as data (from `--effects FILE`): a request against the app's API, templated from
 * the payload (`GET /users/${data.id}`), and what its answer must be.
 */
export interface EffectSpec {
  /** `METHOD path-or-URL`; `${path.in.payload}` placeholders. A relative path uses the target's origin. */
  request: string;
  expect?: {
    status?: number;
    /** A subset the JSON answer must contain (strings templated too). */
    body?: unknown;
  };
  /** Extra request headers (e.g. an API token), templated. */
  headers?: Record<string, string>;
}

/** Effects by event name: callbacks (library) or specs (file). */
export type Effects = Record<string, EffectCallback | EffectSpec>;

/** Options of {@link checkHook}. */
export interface CheckOptions {
  /** `logto`, `dexie-cloud`, or a provider object. */
  provider: string | AnyProvider;
  /** The hook: a URL, an Express app / Node handler, `{ app, path }`, `{ fetch, path }` or a Transport. */
  target: Target;
  /** Logto: the hook's signing key. Without it the signature checks are skipped. */
  signingKey?: string;
  /** Events the hook is subscribed to (Logto). Others are still sent once; refusing them is a warning. */
  events?: string[];
  /** Seed of every generated value and of the fuzzer. Default 1. */
  seed?: number;
  /** Fuzz runs (0 turns fuzzing off). Default 20. */
  fuzz?: number;
  /** Replays one fuzz counterexample: the path printed with a failure (needs the same seed). */
  replay?: string;
  /** What the hook must have done after each event. */
  effects?: Effects;
  /** Warnings fail the run too. */
  strict?: boolean;
  /** Time source for payloads (a manual clock makes the bytes reproducible). */
  clock?: Clock;
  /** Provider options (timeoutMs, version, headers...). */
  options?: Record<string, unknown>;
  /** Only checks whose id starts with one of these. */
  only?: string[];
  /** Called after each check, for live output. */
  onCheck?: (check: CheckResult) => void;
}

/** Everything a check needs while it runs. */
export interface CheckContext {
  provider: AnyProvider;
  transport: Transport;
  /** The target URL when it is one (curl lines, relative effect requests). */
  url?: string;
  /** Parsed provider options, secrets included: never print. */
  providerOptions: Record<string, unknown>;
  /** Raw options as given (to rebuild events). */
  rawOptions: Record<string, unknown>;
  secrets: string[];
  seed: number;
  now: number;
  clock: Clock;
  timeoutMs: number;
  subscribed?: Set<string>;
  fuzzRuns: number;
  replay?: string;
  effects: Effects;
  /** Requests in a row that got no reply: after {@link GIVE_UP_AFTER}, the rest are not sent. */
  silent: number;
  /** Deliveries' latencies by event, for `delivery.latency`. */
  latencies: Map<string, number[]>;
  /** The hook as given (effects reach its app through it). */
  target: Target;
  /** The client for effect requests, created on first use. */
  effectClient(): import('./effects.js').EffectClient | undefined;
  /** Reports a result as soon as it exists (checks that expand into many call it per result). */
  onResult?: (check: CheckResult) => void;
  /** Whether a check id is wanted (`only`): checks that expand skip the cases nobody asked for. */
  selected(id: string): boolean;
  /**
   * The seed for one part of one check (`delivery.duplicate`, `events.User.Created.phone-only`):
   * distinct across the run, so no event repeats an earlier one (idempotent hooks would treat
   * it as a duplicate), and the same whatever `only` selects, so a check's bytes never depend on
   * which other checks ran.
   */
  seedFor(label: string): number;
}

/** A named check: a function of the context giving one or more results. */
export interface CheckDefinition {
  /** The id, or its prefix for checks that expand (`events.`). */
  id: string;
  run(context: CheckContext): Promise<CheckResult[]>;
}
