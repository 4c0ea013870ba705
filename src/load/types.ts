import type { Clock } from '../core/clock.js';
import type { AnyProvider } from '../providers/types.js';
import type { Target } from '../transports/target.js';
import type { LatencySummary } from './histogram.js';
import type { Tally } from './tally.js';

/**
 * Monotonic time for scheduling sends and measuring latency (not the provider's clock, which
 * stamps payloads). Tests pass a manual one.
 */
export interface LoadTimer {
  /** Milliseconds on a monotonic scale (performance.now() by default). */
  now(): number;
  /** Resolves once `now()` has reached `at`. */
  sleepUntil(at: number): Promise<void>;
}

/** What to send, where, and how hard. */
export interface LoadOptions {
  /** Provider name (`logto`, `dexie-cloud`) or a provider object. */
  provider: string | AnyProvider;
  /**
   * The events of one user, in order (`['PostRegister', 'User.Created:experience']`; `:variant`
   * picks how the event came about, see `hooksim list`). Each round is a new
   * user: their first event creates them, the next ones continue their story (one sign-up's
   * events share its session). Every event has its own seed, so no two are alike.
   */
  events: readonly string[];
  /** The hook: a URL, an in-process app or handler, or a transport. */
  target: Target;
  /**
   * Requests in flight at most (default 10). Closed loop: that many senders, each sending its
   * next event when the previous one is judged. Open loop: the cap on concurrent deliveries.
   */
  connections?: number;
  /**
   * Open loop: start events at this rate (events per second) whatever the hook does. Latency
   * then counts from each event's intended start, so a slow hook shows as latency instead of
   * hiding as fewer requests (no coordinated omission).
   */
  rate?: number;
  /** Stop starting events after this many milliseconds. */
  durationMs?: number;
  /** Stop after this many events. Without it and without `durationMs`: 1000 events. */
  count?: number;
  /** Seed of the run: the same seed gives the same events (default 1). */
  seed?: number;
  /** Shortcut for the option holding the provider's signing key (Logto's `signingKey`, a provider file's `keyOption`). */
  signingKey?: string;
  /** Provider options (as for `send()`). */
  options?: Record<string, unknown>;
  /** Provider time: payload timestamps and retry back-off (default: the system clock). */
  clock?: Clock;
  /** Scheduling and latency time (default: performance.now and timers). */
  timer?: LoadTimer;
  /** Bytes of each reply kept while judging it (all are read and counted). Default 1 MiB. */
  maxReplyBytes?: number;
  /** hooksim's cap on one attempt (see `send()`). */
  maxTotalMs?: number;
  /** Called every `progressIntervalMs` (default 1000) while the run goes on. */
  onProgress?: (progress: LoadProgress) => void;
  progressIntervalMs?: number;
  /** Aborting stops starting new events; those in flight finish and are counted. */
  signal?: AbortSignal;
}

/** The run so far, for a live display. */
export interface LoadProgress {
  elapsedMs: number;
  sent: number;
  inFlight: number;
  kept: number;
  broken: number;
  errored: number;
  /** Events judged per second since the start. */
  rate: number;
  /** p99 latency so far (ms). */
  p99: number;
}

/** Everything a load run measured. Nothing per event: counters and histograms only. */
export interface LoadReport {
  provider: string;
  events: string[];
  target: string;
  mode: 'closed-loop' | 'open-loop';
  connections: number;
  /** Open loop: the rate asked for (events/s). */
  rate?: number;
  seed: number;
  /** From the first send to the last verdict (ms). */
  elapsedMs: number;
  /** Events judged per second. */
  throughput: number;
  /** Delivery latency: from the send (closed loop) or its intended time (open loop) to the complete reply (judged at once). */
  latency: LatencySummary;
  /**
   * Open loop: how late each event actually started after its intended time (waiting for a free
   * connection or for the sender itself). Large values mean the rate was not reached.
   */
  startLag?: LatencySummary;
  tally: Tally;
  /** What the provider made of the deliveries: its title for the counts in `tally.outcomes`. */
  outcomeTitle?: string;
  /** The run was stopped early (signal). */
  interrupted: boolean;
}
