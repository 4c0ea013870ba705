import { systemClock } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import type { DeliveryRecord } from '../core/types.js';
import { deliver } from '../delivery/deliver.js';
import { getProvider } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';
import { transportFor } from '../transports/target.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../transports/types.js';
import type { LatencyHistogram } from './histogram.js';
import type { PlannedEvent } from './source.js';
import { createEventStream } from './stream.js';
import { count, emptyTally } from './tally.js';
import type { LoadOptions, LoadReport, LoadTimer } from './types.js';

/** performance.now() and timers. */
export const realTimer: LoadTimer = {
  now: () => performance.now(),
  sleepUntil: (at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now()))),
};

const DEFAULT_CONNECTIONS = 10;
const DEFAULT_COUNT = 1000;

function positive(value: number | undefined, what: string, integer: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${what} must be a ${integer ? 'whole number' : 'number'} above 0, got ${value}`);
  }
}

/**
 * Sends a stream of distinct, faithful, signed events to a hook as fast as `connections` allow
 * (closed loop) or at a fixed `rate` (open loop), judges every reply as the provider would, and
 * reports throughput, latency percentiles (HDR histogram), verdict counts and what the provider
 * made of them. Results go into counters as they arrive: memory does not grow with the run.
 *
 * @example
 * const report = await loadTest({ provider: 'logto', events: ['PostRegister', 'User.Created'], target: 'http://127.0.0.1:3000/hooks/logto', signingKey, count: 10_000, connections: 20 });
 * console.log(report.throughput, report.latency.p99, report.tally);
 */
export async function loadTest(input: LoadOptions): Promise<LoadReport> {
  const provider: AnyProvider = typeof input.provider === 'string' ? getProvider(input.provider) : input.provider;
  if (input.events.length === 0) throw new UsageError('load needs at least one event name');
  const connections = input.connections ?? DEFAULT_CONNECTIONS;
  positive(connections, 'connections', true);
  positive(input.rate, 'rate', false);
  positive(input.durationMs, 'duration', false);
  positive(input.count, 'events', true);
  const seed = input.seed ?? 1;
  const clock = input.clock ?? systemClock;
  const timer = input.timer ?? realTimer;
  // One hook for the whole run: its identity (Logto's hookId) comes from the run's seed.
  const source = createEventStream({ provider, events: input.events, seed, signingKey: input.signingKey, options: input.options, clock });
  const options = source.options;
  const policy = provider.deliveryPolicy(options);
  const maxReplyBytes = input.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  const limit = input.count ?? (input.durationMs === undefined ? DEFAULT_COUNT : Infinity);
  const summary = provider.outcomeSummary;

  // Loaded here: the histogram library takes a moment to import, and only load runs need it.
  const { LatencyHistogram: Histogram } = await import('./histogram.js');
  const transport = transportFor(input.target);
  const ownsTransport = transport !== input.target;
  const latency: LatencyHistogram = new Histogram();
  const lag: LatencyHistogram | undefined = input.rate !== undefined ? new Histogram() : undefined;
  const tally = emptyTally();
  let started = 0;
  let inFlight = 0;
  let interrupted = false;
  const onAbort = () => {
    interrupted = true;
  };
  if (input.signal?.aborted) interrupted = true;
  input.signal?.addEventListener('abort', onAbort, { once: true });

  const begin = timer.now();
  const deadline = input.durationMs === undefined ? Infinity : begin + input.durationMs;
  /** Whether another event may start at `at` (its start, or its intended start in open loop). */
  const mayStart = (at: number) => !interrupted && started < limit && at < deadline;

  /**
   * Judges one delivered event and counts it, with its latency. No record, or a judge that
   * throws, is hooksim's own fault (transports never throw for the hook's failures): counted
   * apart, as `hooksim-error`.
   */
  const judge = (planned: PlannedEvent, record: DeliveryRecord | undefined, latencyMs: number) => {
    latency.record(latencyMs);
    try {
      if (record !== undefined) {
        if (provider.tally) {
          // The verdict and the outcome's label alone: nothing else of the outcome is kept.
          const counted = provider.tally(planned.event, planned.request, record, options, clock.now());
          count(tally, record, counted, counted.label);
        } else {
          const judged = provider.judge(planned.event, planned.request, record, options, clock.now());
          count(tally, record, judged, summary?.label(judged.outcome));
        }
        return;
      }
    } catch {
      // Counted below.
    }
    tally.sent++;
    tally.errored++;
    tally.errorsByKind['hooksim-error'] = (tally.errorsByKind['hooksim-error'] ?? 0) + 1;
  };
  const deliverOne = (planned: PlannedEvent) => deliver(transport, planned.request, policy, clock, maxReplyBytes, input.maxTotalMs);
  /**
   * Events built ahead, in stream order (at most one per connection): when a reply comes in,
   * the next request goes out without waiting for an event to be built. Whichever sender is
   * free takes the oldest, so none holds back an event another could send.
   */
  const ready: PlannedEvent[] = [];
  /** The next event to send, counted as started, if another one may start at `at`. */
  const take = (at: number): PlannedEvent | undefined => {
    if (!mayStart(at)) return undefined;
    started++;
    return ready.length > 0 ? ready.shift()! : source.next();
  };
  /** Tops up the events built ahead, as far as the run will want them (a duration run may leave a few unsent). */
  const buildAhead = () => {
    while (ready.length < connections && started + ready.length < limit && !interrupted) ready.push(source.next());
  };

  /**
   * Replies in, to be judged once the replies that arrived together have all had their next
   * request written (setImmediate runs after the I/O callbacks of this turn). The hook then gets
   * its next requests in a burst, not spread between judging and building, which on a shared
   * machine costs it a wake-up per request. Bounded: a transport that answers without I/O
   * (in-process, fake) gets its replies judged at once past a few per connection.
   */
  const unjudged: { planned: PlannedEvent; record: DeliveryRecord | undefined; latencyMs: number }[] = [];
  let judging: NodeJS.Immediate | undefined;
  const judgeUnjudged = () => {
    judging = undefined;
    for (let i = 0; i < unjudged.length; i++) {
      const { planned, record, latencyMs } = unjudged[i]!;
      judge(planned, record, latencyMs);
    }
    unjudged.length = 0;
    buildAhead();
  };
  const judgeSoon = (planned: PlannedEvent, record: DeliveryRecord | undefined, latencyMs: number) => {
    unjudged.push({ planned, record, latencyMs });
    if (unjudged.length >= connections * 4) {
      if (judging) clearImmediate(judging);
      judgeUnjudged();
    } else judging ??= setImmediate(judgeUnjudged);
  };

  const progress = input.onProgress
    ? setInterval(() => {
        const elapsedMs = timer.now() - begin;
        input.onProgress!({
          elapsedMs,
          sent: tally.sent,
          inFlight,
          kept: tally.kept,
          broken: tally.broken,
          errored: tally.errored,
          rate: elapsedMs > 0 ? (tally.sent / elapsedMs) * 1000 : 0,
          p99: latency.at(99),
        });
      }, input.progressIntervalMs ?? 1000)
    : undefined;
  progress?.unref();

  try {
    if (input.rate === undefined) await closedLoop();
    else await openLoop(input.rate);
  } finally {
    if (progress) clearInterval(progress);
    input.signal?.removeEventListener('abort', onAbort);
    if (ownsTransport) await transport.close();
  }

  /**
   * Closed loop: `connections` senders, each sending its next event once the previous reply is
   * in. The next event is already built (see {@link buildAhead}) and goes on the wire as soon
   * as the reply arrives, before that reply is judged ({@link judgeSoon}): the hook waits on
   * hooksim about as little as it would on a plain HTTP load tool. Latency runs from the send
   * to the reply.
   */
  async function closedLoop(): Promise<void> {
    const sender = async () => {
      let current = take(timer.now());
      if (current === undefined) return;
      let from = timer.now();
      let delivery = deliverOne(current);
      inFlight++;
      for (;;) {
        let record: DeliveryRecord | undefined;
        try {
          record = await delivery;
        } catch {
          record = undefined;
        }
        inFlight--;
        const doneAt = timer.now();
        const previous = current;
        const previousFrom = from;
        const next = take(doneAt);
        if (next !== undefined) {
          current = next;
          from = doneAt;
          delivery = deliverOne(next);
          inFlight++;
        }
        judgeSoon(previous, record, doneAt - previousFrom);
        if (next === undefined) return;
      }
    };
    await Promise.all(Array.from({ length: connections }, sender));
    if (judging) clearImmediate(judging);
    judgeUnjudged();
  }

  /**
   * Open loop: event k starts at `begin + k / rate` whatever the hook does (built beforehand, so
   * building does not delay it); at the connection cap it waits for a free one, and its latency
   * still counts from the intended time.
   */
  async function openLoop(rate: number): Promise<void> {
    const interval = 1000 / rate;
    let freed: (() => void) | undefined;
    let allDone: (() => void) | undefined;
    const settle = () => {
      inFlight--;
      freed?.();
      freed = undefined;
      if (inFlight === 0) allDone?.();
    };
    for (let k = 0; ; k++) {
      const intended = begin + k * interval;
      const planned = take(intended);
      if (planned === undefined) break;
      if (timer.now() < intended) await timer.sleepUntil(intended);
      // At the cap, the event waits for a connection; its latency still counts from `intended`.
      while (inFlight >= connections) await new Promise<void>((resolve) => (freed = resolve));
      if (interrupted) break;
      lag!.record(timer.now() - intended);
      inFlight++;
      deliverOne(planned).then(
        (record) => {
          judge(planned, record, timer.now() - intended);
          settle();
        },
        () => {
          judge(planned, undefined, timer.now() - intended);
          settle();
        },
      );
    }
    if (inFlight > 0) await new Promise<void>((resolve) => (allDone = resolve));
  }

  const elapsedMs = timer.now() - begin;
  return {
    provider: provider.name,
    events: [...input.events],
    target: transport.description,
    mode: input.rate === undefined ? 'closed-loop' : 'open-loop',
    connections,
    ...(input.rate !== undefined ? { rate: input.rate } : {}),
    seed,
    elapsedMs,
    throughput: elapsedMs > 0 ? (tally.sent / elapsedMs) * 1000 : 0,
    latency: latency.summary(),
    ...(lag ? { startLag: lag.summary() } : {}),
    tally,
    ...(summary ? { outcomeTitle: summary.title } : {}),
    interrupted,
  };
}
