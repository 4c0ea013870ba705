import type { JsonObject, JsonValue } from '../../../core/json.js';
import { newSessionId, pickApplication, type LogtoActor } from '../identity.js';
import type { LogtoEventInput } from './types.js';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Updates the user row of an actor (a copy). */
export function withUser(actor: LogtoActor, patch: Partial<LogtoActor['user']>): LogtoActor {
  return { ...actor, user: { ...actor.user, ...patch } };
}

/** A route of the Management API, as `buildManagementApiContext` reports it: no `/api` prefix. */
export interface ManagementRoute {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Koa's matched route, e.g. `/users/:userId/custom-data`. */
  matchedRoute: string;
  params: Record<string, string>;
  status: number;
}

/** Fills a matched route with its params: `/users/:userId` -> `/users/abc`. */
export function routePath(route: ManagementRoute): string {
  return route.matchedRoute.replace(/:(\w+)/g, (_, name: string) => route.params[name] ?? `:${name}`);
}

/**
 * `buildWebhooks` for a Management API call: event, createdAt, the caller's metadata
 * `{ userAgent, ip }` (koa-management-api-hooks.ts), then the route context and `data` (the
 * response body, absent when there is none), then any extra keys of a hand-appended context.
 * The caller is a backend using the Management API (`node`), from a private address.
 */
export function managementApiPayload(event: string, input: LogtoEventInput, route: ManagementRoute, data?: JsonValue, extra: JsonObject = {}): JsonObject {
  return {
    event,
    createdAt: iso(input.now),
    userAgent: 'node',
    ip: `::ffff:10.0.${input.faker.number.int({ min: 0, max: 255 })}.${input.faker.number.int({ min: 1, max: 254 })}`,
    path: routePath(route),
    method: route.method,
    status: route.status,
    params: route.params,
    matchedRoute: route.matchedRoute,
    ...extra,
    ...(data === undefined ? {} : { data }),
  };
}

/**
 * `buildWebhooks` for a data event fired during an Experience API interaction: the metadata is
 * `{ interactionEvent, userAgent, applicationId, sessionId, ip }` (koa-experience-interaction-hooks.ts),
 * then the application, then the event's own keys.
 */
export function experiencePayload(event: string, input: LogtoEventInput, actor: LogtoActor, interactionEvent: 'Register' | 'SignIn' | 'ForgotPassword', rest: JsonObject): JsonObject {
  return {
    event,
    createdAt: iso(input.now),
    interactionEvent,
    userAgent: actor.userAgent,
    applicationId: actor.application.id,
    sessionId: newSessionId(input.faker),
    ip: actor.ip,
    application: pickApplication(actor.application),
    ...rest,
  };
}

/** `buildWebhooks` for the Account ("me") API: metadata `{ userAgent, ip }` of the user's browser. */
export function accountApiPayload(event: string, input: LogtoEventInput, actor: LogtoActor, rest: JsonObject): JsonObject {
  return { event, createdAt: iso(input.now), userAgent: actor.userAgent, ip: actor.ip, ...rest };
}
