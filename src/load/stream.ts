import { systemClock, type Clock } from '../core/clock.js';
import { parseOrUsageError } from '../core/options.js';
import { getProvider } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';
import { EventSource, type PlannedEvent } from './source.js';
import { withSigningKey } from '../providers/signing/binding.js';

export type { PlannedEvent } from './source.js';

/** What {@link createEventStream} needs: the `loadTest` options that decide the events. */
export interface EventStreamOptions {
  provider: string | AnyProvider;
  /** One user's events in order; `event:variant` picks a variant. */
  events: readonly string[];
  seed?: number;
  signingKey?: string;
  options?: Record<string, unknown>;
  /** Provider time for payload timestamps (default: the system clock). */
  clock?: Clock;
}

/** An endless supply of a load run's events, one user's events after another. */
export interface EventStream {
  /** The provider, resolved. */
  provider: AnyProvider;
  /** The provider options in force (secrets included: never print them). */
  options: unknown;
  /** Events per user. */
  perUser: number;
  /** The next event, signed and ready to send. */
  next(): PlannedEvent;
}

/**
 * The events `loadTest` sends, without sending them: for driving another load tool (the
 * Artillery processor `hooksim load --export artillery` writes uses it). Options are checked
 * as `send()` checks them, and one hook identity (Logto's `hookId`) holds for the stream.
 */
export function createEventStream(input: EventStreamOptions): EventStream {
  const provider: AnyProvider = typeof input.provider === 'string' ? getProvider(input.provider) : input.provider;
  const rawOptions = withSigningKey(provider, input.options, input.signingKey);
  const parsed = parseOrUsageError(provider.optionsSchema, rawOptions, `${provider.name} options`);
  const seed = input.seed ?? 1;
  const options = provider.runOptions ? provider.runOptions(seed, parsed) : parsed;
  const source = new EventSource(provider, input.events, options, seed, input.clock ?? systemClock);
  return { provider, options, perUser: source.perUser, next: () => source.next() };
}
