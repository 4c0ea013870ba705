import type { Draws } from '../../../core/draws.js';
import type { JsonObject } from '../../../core/json.js';
import type { EventDefinition } from '../../types.js';
import type { LogtoActor } from '../identity.js';
import type { LogtoOptions } from '../options.js';

/** What an event builder gets: the actor as it is before the event, and the moment of the event. */
export interface LogtoEventInput {
  actor: LogtoActor;
  now: number;
  seed: number;
  variant: string;
  options: LogtoOptions;
  /** Draws for this event only (session ids, small delays), separate from the actor's. */
  draws: Draws;
}

/** A built event: the payload (without `hookId`) and the actor after the event. */
export interface LogtoEventBuild {
  payload: JsonObject;
  actor: LogtoActor;
}

/** An event the Logto provider can build: its listing entry and its pure builder. */
export interface LogtoEventSpec extends EventDefinition {
  /** Which family Logto files it under (`hooks.ts`: InteractionHookEvent, DataHookEvent, ExceptionHookEvent). */
  family: 'interaction' | 'data' | 'exception';
  /** Only with `version: '1.43'` or `'master'` and `devFeatures: true` (TrustedDevice.*). */
  devFeature?: boolean;
  /** Builds the event. The payload must be a new object each call: `hookId` is appended to it in place. */
  build(input: LogtoEventInput): LogtoEventBuild;
}
