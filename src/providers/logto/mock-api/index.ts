import { UsageError } from '../../../core/errors.js';
import type { JsonObject } from '../../../core/json.js';
import type { LogtoActor } from '../identity.js';
import { userProfileResponse } from '../identity.js';
import { CallRecorder, recordCall } from '../../../mock-apis/recorder.js';
import { findRoute, notEmulated } from '../../../mock-apis/router.js';
import type { ApiRequest, ApiResponse, MockApi } from '../../../mock-apis/types.js';
import type { LogtoDataEvent, LogtoRouteState } from './context.js';
import { logtoRoutes } from './routes/index.js';
import { createLogtoTenant, upsertActorUser, type LogtoTenant, type LogtoTenantSeed } from './state.js';
import { checkBearer, issueToken } from './token.js';

export {
  createLogtoTenant,
  upsertActorUser,
  managementApiIndicator,
  DEFAULT_M2M_CLIENT,
  type LogtoTenant,
  type LogtoTenantSeed,
  type LogtoRole,
  type LogtoScope,
  type LogtoResource,
  type LogtoOrganization,
  type LogtoOrganizationRole,
  type M2mClient,
  type IssuedToken,
} from './state.js';
export type { LogtoDataEvent } from './context.js';
export { logtoRoutes } from './routes/index.js';

/** Options of {@link createLogtoMockApi}. */
export interface LogtoMockApiOptions {
  /** The tenant, or what to seed one with. */
  tenant?: LogtoTenant | LogtoTenantSeed;
  /** Where hooks reach it (msw intercepts this origin). Default `https://<tenantId>.logto.app`. */
  baseUrl?: string;
  /**
   * Called for each data event a change through the API causes, as Logto would fire it, with the
   * Management API context (`path` without `/api`, `method`, `status`, `params`, `matchedRoute`,
   * `data` = the response body). Not given: nothing is emitted.
   */
  onDataEvent?: (event: string, context: JsonObject) => void;
}

/** What {@link LogtoMockApi.adopt} takes: `prepareEvent()`'s or `send()`'s result, or the actor itself. */
export type LogtoEventIdentity = { readonly actor: JsonObject } | JsonObject;

/** The Logto mock: the M2M token endpoint and the Management API routes hooks commonly call. */
export interface LogtoMockApi extends MockApi {
  readonly tenant: LogtoTenant;
  /**
   * Puts the user an event speaks of into the tenant, as Logto has it when the event fires, so a
   * hook calling the Management API back about `event.user.id` finds it. A user already there
   * keeps what the hook changed through the API. Returns the actor, typed (`actor.user.id`):
   * pass it to `send({ actor })`.
   *
   * @example
   * const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
   * await send({ provider: 'logto', event: 'PostRegister', target: app, signingKey, actor });
   */
  adopt(source: LogtoEventIdentity): LogtoActor & JsonObject;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The actor in an adopt() argument, checked: a user with a string id, or a one-line UsageError. */
function actorOf(source: LogtoEventIdentity): LogtoActor & JsonObject {
  const actor: unknown = isObject(source) && isObject(source.actor) ? source.actor : source;
  if (isObject(actor) && isObject(actor.user) && typeof actor.user.id === 'string') return actor as unknown as LogtoActor & JsonObject;
  throw new UsageError("logto mock adopt(): expected prepareEvent()'s or send()'s result, or a Logto actor { user: { id, ... } }");
}

const isTenant = (value: LogtoTenant | LogtoTenantSeed | undefined): value is LogtoTenant => value !== undefined && (value as LogtoTenant).users instanceof Map;

/**
 * One request through the Logto mock: `POST /oidc/token`, or a Management API route behind
 * the bearer check. Pure apart from the tenant it changes; both serving adapters call it.
 */
export function handleLogtoRequest(tenant: LogtoTenant, request: ApiRequest): { response: ApiResponse; route?: string; events: LogtoDataEvent[] } {
  const events: LogtoDataEvent[] = [];
  if (request.method.toUpperCase() === 'POST' && request.path === '/oidc/token') return { response: issueToken(tenant, request), route: '/oidc/token', events };
  const found = findRoute<LogtoRouteState>(logtoRoutes, request);
  // An unknown route fails loudly before any auth check: hooksim cannot say what Logto would answer.
  if (!found) return { response: notEmulated('logto', request, logtoRoutes), events };
  const response = checkBearer(tenant, request) ?? found.route.handle({ tenant, emitted: events }, request, found.params);
  return { response, route: found.route.pattern, events };
}

/** Creates a Logto mock API around an in-memory tenant. */
export function createLogtoMockApi(options: LogtoMockApiOptions = {}): LogtoMockApi {
  const tenant = isTenant(options.tenant) ? options.tenant : createLogtoTenant(options.tenant);
  const calls = new CallRecorder();
  return {
    provider: 'logto',
    baseUrl: options.baseUrl ?? `https://${tenant.tenantId}.logto.app`,
    tenant,
    calls,
    handle(request: ApiRequest): ApiResponse {
      const { response, route, events } = handleLogtoRequest(tenant, request);
      recordCall(calls, request, response, route, tenant.now());
      for (const event of events) options.onDataEvent?.(event.event, event.context);
      return response;
    },
    stateView() {
      return logtoStateView(tenant);
    },
    adopt(source) {
      const actor = actorOf(source);
      upsertActorUser(tenant, actor);
      return actor;
    },
  };
}

/**
 * The tenant as JSON for `expect.state` paths: `users.<id>` (Management API shape plus `roles`
 * by name and `organizations` by id), `roles`, `organizations.<id>` (with `members`).
 */
export function logtoStateView(tenant: LogtoTenant): JsonObject {
  const roleName = (id: string) => tenant.roles.get(id)?.name ?? id;
  const organizationsOf = (userId: string) => [...tenant.organizationUsers.entries()].filter(([, members]) => members.has(userId)).map(([id]) => id);
  return JSON.parse(
    JSON.stringify({
      users: Object.fromEntries(
        [...tenant.users.values()].map((user) => [
          user.id,
          { ...userProfileResponse(user, tenant.version), roles: [...(tenant.userRoles.get(user.id) ?? [])].map(roleName), organizations: organizationsOf(user.id) },
        ]),
      ),
      roles: [...tenant.roles.values()],
      organizations: Object.fromEntries(
        [...tenant.organizations.values()].map((organization) => [
          organization.id,
          {
            ...organization,
            members: [...(tenant.organizationUsers.get(organization.id) ?? [])],
            memberRoles: Object.fromEntries(
              [...(tenant.organizationUserRoles.get(organization.id) ?? new Map<string, Set<string>>()).entries()].map(([userId, roleIds]) => [
                userId,
                [...roleIds].map((id) => tenant.organizationRoles.get(id)?.name ?? id),
              ]),
            ),
          },
        ]),
      ),
    }),
  ) as JsonObject;
}
