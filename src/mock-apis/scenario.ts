import type { JsonObject } from '../core/json.js';
import type { DexieOutcome } from '../providers/dexie-cloud/outcome.js';
import type { LogtoActor } from '../providers/logto/identity.js';
import type { MockApiSpec } from '../scenarios/schema.js';
import { applyNewUserOutcome, createDexieMockApi } from './dexie-cloud/index.js';
import { createLogtoMockApi, upsertActorUser, type LogtoDataEvent } from './logto/index.js';
import { attachMockApis, startMockApis } from './msw.js';
import { UsageError } from '../core/errors.js';
import { serveMockApi } from './server.js';
import type { MockApi, MswServerLike } from './types.js';

/** A mock API as a scenario uses it: kept consistent with the events the scenario sends. */
export interface ScenarioMockApi {
  api: MockApi;
  /** Where hooks reach it. */
  url: string;
  /** Before a delivery: the identity the event speaks of exists in the API, with the same fields. */
  beforeDelivery(actor: JsonObject): void;
  /** After a delivery: what the provider decided lands in the API (a user the hook made `prod` is `prod`). */
  afterDelivery(outcome: unknown): void;
  /** Data events the hook's API changes caused since the last call. */
  drainDataEvents(): LogtoDataEvent[];
  close(): Promise<void>;
}

/** Where a scenario's `serve: msw` mock goes. */
export interface ScenarioMockApiHost {
  /**
   * An msw server that already runs in this process (your tests' own): the mock's handlers are
   * added to it for the scenario and step aside after. Without it hooksim starts its own server,
   * and refuses to when msw or nock already intercepts requests (they would answer twice).
   */
  msw?: MswServerLike;
}

/** Starts the mock API of `provider` for a scenario, served as the spec says. */
export async function startScenarioMockApi(provider: string, spec: MockApiSpec, clock: { now(): number }, host: ScenarioMockApiHost = {}): Promise<ScenarioMockApi> {
  const events: LogtoDataEvent[] = [];
  let api: MockApi;
  let beforeDelivery: ScenarioMockApi['beforeDelivery'] = () => undefined;
  let afterDelivery: ScenarioMockApi['afterDelivery'] = () => undefined;
  if (provider === 'logto') {
    const logto = createLogtoMockApi({
      tenant: { roles: spec.roles, scopes: spec.scopes, now: clock.now },
      ...(spec.baseUrl ? { baseUrl: spec.baseUrl } : {}),
      // Data events are delivered only when the scenario asks for them (default off).
      ...(spec.emitDataEvents ? { onDataEvent: (event: string, context: JsonObject) => void events.push({ event, context }) } : {}),
    });
    beforeDelivery = (actor) => upsertActorUser(logto.tenant, actor as unknown as LogtoActor);
    api = logto;
  } else if (provider === 'dexie-cloud') {
    const dexie = createDexieMockApi({ database: { now: clock.now }, ...(spec.baseUrl ? { baseUrl: spec.baseUrl } : {}) });
    afterDelivery = (outcome) => void applyNewUserOutcome(dexie.database, outcome as DexieOutcome);
    api = dexie;
  } else {
    throw new UsageError(`hooksim has no mock API for ${provider}`);
  }
  let close: () => Promise<void>;
  if (spec.serve === 'msw' && host.msw) {
    const attached = await attachMockApis(host.msw, api);
    close = async () => attached.detach();
  } else if (spec.serve === 'msw') {
    const server = await startMockApis(api);
    close = async () => server.close();
  } else {
    const served = await serveMockApi(api, { port: spec.port ?? 0 });
    close = served.close;
  }
  return {
    api,
    url: api.baseUrl,
    beforeDelivery,
    afterDelivery,
    drainDataEvents: () => events.splice(0),
    close,
  };
}

/**
 * The webhook payload Logto builds for a data event caused through the Management API
 * (`buildWebhooks`): event, createdAt, the caller's metadata, the route context, hookId last.
 * The caller here is the hook itself, on this machine.
 */
export function dataEventPayload(event: LogtoDataEvent, now: number, hookId: string): JsonObject {
  return { event: event.event, createdAt: new Date(now).toISOString(), userAgent: 'node', ip: '::ffff:127.0.0.1', ...event.context, hookId };
}
