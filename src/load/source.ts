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
  private readonly plan: { event: string; variant: string }[];

  constructor(
    private readonly provider: AnyProvider,
    events: readonly string[],
    private readonly options: unknown,
    private readonly seed: number,
    private readonly clock: Clock,
  ) {
    // Resolved once: a typo fails before anything is sent. `User.Created:experience` names a variant.
    this.plan = events.map((text) => {
      const at = text.indexOf(':');
      const definition = getEvent(provider, at < 0 ? text : text.slice(0, at));
      return { event: definition.name, variant: getVariant(provider, definition, at < 0 ? undefined : text.slice(at + 1)).name };
    });
  }

  /** Events per user. */
  get perUser(): number {
    return this.plan.length;
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
    for (let k = 0; k < this.plan.length; k++) {
      const { event, variant } = this.plan[k]!;
      const seed = this.seed * 2 ** 20 + index * this.plan.length + k;
      const built = this.provider.buildEvent(event, { seed, now, variant, options: this.options, ...(actor ? { actor } : {}) });
      actor = built.actor;
      // As prepareEvent does: signing schemes with a timestamp or message id read them from here.
      out.push({ event, request: this.provider.buildRequest(built.payload, this.options, { now, seed }) });
    }
    return out;
  }
}
