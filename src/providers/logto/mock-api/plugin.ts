import { z } from 'zod';
import type { JsonObject } from '../../../core/json.js';
import type { MockApiPlugin } from '../../types.js';
import type { LogtoActor } from '../identity.js';

/** A role or scope the mock tenant starts with. */
const namedEntrySchema = z
  .object({
    name: z.string().min(1).describe('Its name, as the hook looks it up.'),
    description: z.string().optional().describe('Its description, as the Management API returns it.'),
  })
  .strict();

/** One data event the hook's own API call caused (`User.Data.Updated`...), with its route context. */
interface DataEvent {
  event: string;
  context: JsonObject;
}

/**
 * The webhook payload Logto builds for a data event caused through the Management API
 * (`buildWebhooks`): event, createdAt, the caller's metadata, the route context, hookId last.
 * The caller here is the hook itself, on this machine.
 */
export function dataEventPayload(event: DataEvent, now: number, hookId: string): JsonObject {
  return { event: event.event, createdAt: new Date(now).toISOString(), userAgent: 'node', ip: '::ffff:127.0.0.1', ...event.context, hookId };
}

/** Logto's Management API for scenarios: roles and scopes to start with, data events delivered back when asked. */
export const logtoMockApi: MockApiPlugin = {
  specFields: {
    roles: z.array(namedEntrySchema).optional().describe('Logto roles the tenant starts with.'),
    scopes: z.array(namedEntrySchema).optional().describe('Logto API scopes (permissions) the tenant starts with.'),
    emitDataEvents: z.boolean().optional().describe("Deliver the data events the hook's API changes cause (User.Data.Updated...) to the target, as Logto would."),
  },
  async create(spec, { now }) {
    const { createLogtoMockApi, upsertActorUser } = await import('./index.js');
    const events: DataEvent[] = [];
    const api = createLogtoMockApi({
      tenant: { roles: spec.roles as never, scopes: spec.scopes as never, now },
      ...(spec.baseUrl ? { baseUrl: spec.baseUrl } : {}),
      // Data events are delivered only when the scenario asks for them (default off).
      ...(spec.emitDataEvents ? { onDataEvent: (event: string, context: JsonObject) => void events.push({ event, context }) } : {}),
    });
    return {
      api,
      beforeDelivery: (actor) => upsertActorUser(api.tenant, actor as LogtoActor),
      drainFollowUps: (at, options) => events.splice(0).map((event) => ({ event: event.event, payload: dataEventPayload(event, at, String((options as { hookId?: string }).hookId ?? '')) })),
    };
  },
};
