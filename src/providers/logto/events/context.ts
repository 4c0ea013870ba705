import type { JsonObject, JsonValue } from '../../../core/json.js';
import { newSessionId, pickApplication, type LogtoActor, type LogtoInteraction } from '../identity.js';
import type { LogtoEventInput } from './types.js';

/** The last time formatted, and its text: the events of one millisecond share a `now`. */
let lastIso = { ms: Number.NaN, text: '' };

/** A time as Logto's JSON carries it (`Date.prototype.toISOString`). */
export function iso(ms: number): string {
  if (ms !== lastIso.ms) lastIso = { ms, text: new Date(ms).toISOString() };
  return lastIso.text;
}

/**
 * The interaction an Experience API event belongs to. A session id is drawn every time (so the
 * event's other draws never shift), but an event joins the actor's current interaction when it
 * is of the same kind and has not fired this event yet: PostRegister and the experience
 * User.Created of one sign-up share one `sessionId` (one `jti`), as in Logto. `fresh` forces
 * a new interaction (a new sign-in).
 */
export function interactionFor(input: LogtoEventInput, actor: LogtoActor, kind: LogtoInteraction['event'], event: string, fresh = false): { interaction: LogtoInteraction; joined: boolean } {
  const drawn = newSessionId(input.draws);
  const current = actor.interaction;
  if (!fresh && current && current.event === kind && !current.fired.includes(event)) {
    return { interaction: Object.assign({}, current, { fired: [...current.fired, event] }), joined: true };
  }
  return { interaction: { sessionId: drawn, event: kind, fired: [event] }, joined: false };
}

/**
 * A copy of the actor with its user row patched and, if given, moved into `interaction`.
 * Written for V8 (Node 20): a plain `{ ...x }` copy is fast, but adding a key to such a copy, or
 * `{ ...x, key }`, takes a slow path (about 0.6 µs each) that also leaves a few hundred bytes in
 * the old generation per object (a 100,000-event load run's peak RSS grew by ~25 MB from it);
 * `Object.assign({}, x, { key })` does neither, with the same key order. Event building uses it.
 */
export function withUser(actor: LogtoActor, patch: Partial<LogtoActor['user']>, interaction?: LogtoInteraction): LogtoActor {
  const user = Object.assign({ ...actor.user }, patch);
  return Object.assign({}, actor, interaction ? { user, interaction } : { user });
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
    ...managementApiMetadata(input),
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
 * then the application, then the event's own keys. `includeRequestIp: false` (TrustedDevice.*)
 * leaves out `ip`. Returns the actor moved into the interaction.
 */
export function experienceEvent(
  event: string,
  input: LogtoEventInput,
  actor: LogtoActor,
  interactionEvent: 'Register' | 'SignIn' | 'ForgotPassword',
  rest: JsonObject,
  settings: { includeRequestIp?: boolean } = {},
): { payload: JsonObject; actor: LogtoActor } {
  const { interaction } = interactionFor(input, actor, interactionEvent, event);
  const payload: JsonObject = {
    event,
    createdAt: iso(input.now),
    interactionEvent,
    userAgent: actor.userAgent,
    applicationId: actor.application.id,
    sessionId: interaction.sessionId,
    ...(settings.includeRequestIp === false ? {} : { ip: actor.ip }),
    application: pickApplication(actor.application),
    ...rest,
  };
  return { payload, actor: Object.assign({}, actor, { interaction }) };
}

/** {@link experienceEvent}'s payload alone, for builders that keep the actor as it was. */
export function experiencePayload(event: string, input: LogtoEventInput, actor: LogtoActor, interactionEvent: 'Register' | 'SignIn' | 'ForgotPassword', rest: JsonObject): JsonObject {
  return experienceEvent(event, input, actor, interactionEvent, rest).payload;
}

/**
 * A Management API context appended by hand with `{ ...buildManagementApiContext(ctx), user }`
 * (User.Deleted, routes/admin-user/basics.ts): `appendDataHookContext` builds
 * `{ event, data: pick(user, ...userInfoSelectFields), ...rest }`, so `data` comes before the
 * route keys: event, createdAt, userAgent, ip, data, path, method, status, params, matchedRoute.
 */
export function appendedUserPayload(event: string, input: LogtoEventInput, route: ManagementRoute, data: JsonValue): JsonObject {
  const { path, method, status, params, matchedRoute, ...head } = managementApiPayload(event, input, route);
  return Object.assign({}, head, { data, path, method, status, params, matchedRoute }) as JsonObject;
}

/** Metadata of a Management API caller: a backend (`node`) from a private address. */
export function managementApiMetadata(input: LogtoEventInput): { userAgent: string; ip: string } {
  return { userAgent: 'node', ip: `::ffff:10.0.${input.draws.int(0, 255)}.${input.draws.int(1, 254)}` };
}

/** `buildWebhooks` for the Account ("me") API: metadata `{ userAgent, ip }` of the user's browser. */
export function accountApiPayload(event: string, input: LogtoEventInput, actor: LogtoActor, rest: JsonObject): JsonObject {
  return { event, createdAt: iso(input.now), userAgent: actor.userAgent, ip: actor.ip, ...rest };
}
