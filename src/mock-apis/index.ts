/**
 * Mock provider APIs that hooks call back: Logto's M2M token + Management API, Dexie Cloud's
 * `/token` + `/users`. One pure request handler per provider; msw and Express adapters serve it.
 */
export {
  createLogtoMockApi,
  createLogtoTenant,
  handleLogtoRequest,
  logtoStateView,
  upsertActorUser,
  managementApiIndicator,
  DEFAULT_M2M_CLIENT,
  type LogtoMockApi,
  type LogtoMockApiOptions,
  type LogtoTenant,
  type LogtoTenantSeed,
  type LogtoDataEvent,
  type LogtoRole,
  type LogtoScope,
  type LogtoOrganization,
  type LogtoOrganizationRole,
  type M2mClient,
} from './logto/index.js';
export { logtoUser, userRoleNames, userHasRole, roleByName, roleScopeNames, userOrganizationIds, organizationRoleNames } from './logto/queries.js';
export {
  createDexieMockApi,
  createDexieDatabase,
  handleDexieRequest,
  applyNewUserOutcome,
  dexieUser,
  type DexieMockApi,
  type DexieMockApiOptions,
  type DexieDatabase,
  type DexieDatabaseSeed,
  type DexieDbUser,
  type DexieClient,
  type DexieScope,
} from './dexie-cloud/index.js';
export { CallRecorder, CallAssertionError, callMatches, describeCall, describeMatcher, type CallMatcher, type CountOptions } from './recorder.js';
export { mockApiHandlers, startMockApis } from './msw.js';
export { serveMockApi, type ServedMockApi } from './server.js';
export type { MockApi, ApiRequest, ApiResponse, RecordedCall } from './types.js';
