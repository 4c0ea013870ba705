import type { Clock } from '../core/clock.js';
import type { JsonObject } from '../core/json.js';
import type { WireRequest } from '../core/types.js';
import { getEvent, getVariant } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';

/** One event ready to deliver. */
export interface PlannedEvent {
  event: string;
  request: WireRequest;
}

/**
 * Builds the run's events on demand, one user at a time: a user's events are built together
 * (the actor moves from one to the next), handed out one by one, then forgotten. Memory stays
 * at one user's events whatever the run's length.
 */
export class EventSource {
  private pending: PlannedEvent[] = [];
  private user = 0;
  private readonly names: string[];

  constructor(
    private readonly provider: AnyProvider,
    events: readonly string[],
    private readonly options: unknown,
    private readonly seed: number,
    private readonly clock: Clock,
  ) {
    // Resolved once: a typo fails before anything is sent.
    this.names = events.map((name) => {
      const definition = getEvent(provider, name);
      getVariant(provider, definition);
      return definition.name;
    });
  }

  /** Events per user. */
  get perUser(): number {
    return this.names.length;
  }

  next(): PlannedEvent {
    if (this.pending.length === 0) this.pending = this.buildUser(this.user++);
    return this.pending.shift()!;
  }

  /**
   * The events of user `index`: event k of user i has seed `seed * 2^20 + i * perUser + k`, so
   * every event of a run has its own seed, and runs with neighbouring seeds share no event
   * within their first 2^20 (about a million).
   */
  private buildUser(index: number): PlannedEvent[] {
    const out: PlannedEvent[] = [];
    let actor: JsonObject | undefined;
    const now = this.clock.now();
    for (let k = 0; k < this.names.length; k++) {
      const event = this.names[k]!;
      const variant = getVariant(this.provider, getEvent(this.provider, event)).name;
      const built = this.provider.buildEvent(event, { seed: this.seed * 2 ** 20 + index * this.names.length + k, now, variant, options: this.options, ...(actor ? { actor } : {}) });
      actor = built.actor;
      out.push({ event, request: this.provider.buildRequest(built.payload, this.options) });
    }
    return out;
  }
}
