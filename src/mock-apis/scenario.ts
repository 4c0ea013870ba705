import type { JsonObject } from '../core/json.js';
import { UsageError } from '../core/errors.js';
import type { AnyProvider } from '../providers/types.js';
import type { MockApiSpec } from '../scenarios/schema.js';
import { attachMockApis, startMockApis } from './msw.js';
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
  /**
   * Events the provider sends on its own because of the hook's API calls since the last call
   * (Logto's data events), as payloads for these options at `now`.
   */
  drainFollowUps(now: number, options: unknown): { event: string; payload: JsonObject }[];
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

/** Starts the provider's mock API for a scenario, served as the spec says. The provider builds it; this only serves it. */
export async function startScenarioMockApi(provider: AnyProvider, spec: MockApiSpec, clock: { now(): number }, host: ScenarioMockApiHost = {}): Promise<ScenarioMockApi> {
  if (!provider.mockApi) throw new UsageError(`hooksim has no mock API for ${provider.name}`);
  const session = await provider.mockApi.create(spec as MockApiSpec & Record<string, unknown>, { now: clock.now });
  const { api } = session;
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
    beforeDelivery: (actor) => session.beforeDelivery?.(actor),
    afterDelivery: (outcome) => session.afterDelivery?.(outcome),
    drainFollowUps: (now, options) => session.drainFollowUps?.(now, options) ?? [],
    close,
  };
}
