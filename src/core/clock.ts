/**
 * Time as hooksim sees it. Payload timestamps come from `now()` and retry back-off waits go
 * through `sleep()`, so tests can pin the date and skip the waiting without touching real timers.
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** The real wall clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A clock that starts at `start` and only moves when slept on or advanced: deterministic
 * timestamps, no real waiting. `sleeps` records every requested wait (for retry assertions).
 */
export interface ManualClock extends Clock {
  readonly sleeps: number[];
  advance(ms: number): void;
}

/** Creates a {@link ManualClock} starting at `start` (epoch ms, ISO string or Date). */
export function manualClock(start: number | string | Date): ManualClock {
  let current = typeof start === 'number' ? start : new Date(start).getTime();
  if (!Number.isFinite(current)) throw new TypeError(`not a valid date: ${String(start)}`);
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => current,
    advance(ms) {
      current += ms;
    },
    async sleep(ms) {
      sleeps.push(ms);
      current += ms;
    },
  };
}
