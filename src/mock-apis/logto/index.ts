import { userProfileResponse } from '../../providers/logto/identity.js';
import { CallRecorder, recordCall } from '../recorder.js';
import { findRoute, notEmulated } from '../router.js';
import type { ApiRequest, ApiResponse, MockApi } from '../types.js';
import { logtoRoutes, type LogtoDataEvent, type LogtoRouteState } from './routes.js';
import { createLogtoTenant, type LogtoTenant, type LogtoTenantSeed } from './state.js';
import { checkBearer, issueToken } from './token.js';

export { createLogtoTenant, upsertActorUser, type LogtoTenant, type LogtoTenantSeed, type LogtoRole, type M2mClient } from './state.js';
export type { LogtoDataEvent } from './routes.js';

/** Options of {@link createLogtoMockApi}. */
export interface LogtoMockApiOptions {
  /** The tenant, or what to seed one with. */
  tenant?: LogtoTenant | LogtoTenantSeed;
  /** Where hooks reach it (msw intercepts this origin). Default `https://default.logto.app`. */
  baseUrl?: string;
  /** Called for each data event a change through the API causes (as Logto would fire it). */
  onDataEvent?: (event: LogtoDataEvent) => void;
}

/** The Logto mock: the M2M token endpoint and the Management API routes hooks commonly call. */
export interface LogtoMockApi extends MockApi {
  readonly tenant: LogtoTenant;
}

/** Creates a Logto mock API around an in-memory tenant. */
export function createLogtoMockApi(options: LogtoMockApiOptions = {}): LogtoMockApi {
  const tenant = options.tenant && 'users' in options.tenant && options.tenant.users instanceof Map ? (options.tenant as LogtoTenant) : createLogtoTenant(options.tenant as LogtoTenantSeed | undefined);
  const calls = new CallRecorder();
  const api: LogtoMockApi = {
    provider: 'logto',
    baseUrl: options.baseUrl ?? 'https://default.logto.app',
    tenant,
    calls,
    handle(request: ApiRequest): ApiResponse {
      let response: ApiResponse;
      let pattern: string | undefined;
      const emitted: LogtoDataEvent[] = [];
      if (request.method.toUpperCase() === 'POST' && request.path === '/oidc/token') {
        pattern = '/oidc/token';
        response = issueToken(tenant, request);
      } else {
        const found = findRoute<LogtoRouteState>(logtoRoutes, request);
        if (!found) response = notEmulated('logto', request, logtoRoutes as never);
        else {
          pattern = found.route.pattern;
          response = checkBearer(tenant, request) ?? found.route.handle({ tenant, emitted }, request, found.params);
        }
      }
      recordCall(calls, request, response, pattern, tenant.now());
      for (const event of emitted) options.onDataEvent?.(event);
      return response;
    },
    stateView() {
      const roleName = (id: string) => tenant.roles.get(id)?.name ?? id;
      return {
        users: Object.fromEntries(
          [...tenant.users.values()].map((user) => [user.id, { ...userProfileResponse(user, '1.42'), roles: [...(tenant.userRoles.get(user.id) ?? [])].map(roleName) }]),
        ),
        roles: [...tenant.roles.values()],
        organizations: Object.fromEntries(
          [...tenant.organizations.values()].map((organization) => [organization.id, { ...organization, members: [...(tenant.organizationUsers.get(organization.id) ?? [])] }]),
        ),
      };
    },
  };
  return api;
}
