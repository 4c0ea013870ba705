/**
 * Mock provider APIs that hooks call back (`hooksim/mock-apis`): Logto's M2M token + Management
 * API, Dexie Cloud's `/token` + `/users`. One pure request handler per provider; an msw adapter
 * (msw is an optional peer, imported only when used) and a `node:http` server serve it.
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
  type LogtoEventIdentity,
  type LogtoTenant,
  type LogtoTenantSeed,
  type LogtoDataEvent,
  type LogtoRole,
  type LogtoScope,
  type LogtoOrganization,
  type LogtoOrganizationRole,
  type M2mClient,
} from '../providers/logto/mock-api/index.js';
export { logtoUser, userRoleNames, userHasRole, roleByName, roleScopeNames, userOrganizationIds, organizationRoleNames } from '../providers/logto/mock-api/queries.js';
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
} from '../providers/dexie-cloud/mock-api/index.js';
export {
  CallRecorder,
  CallAssertionError,
  callMatches,
  describeCall,
  describeMatcher,
  isAsymmetricMatcher,
  type AsymmetricMatcherLike,
  type CallMatcher,
  type CountOptions,
  type WaitOptions,
} from './recorder.js';
export { mockApiHandlers, attachMockApis, startMockApis, requestsAlreadyIntercepted, type MswServerLike, type MswAttachment } from './msw.js';
export { serveMockApi, type ServedMockApi } from './server.js';
export type { MockApi, ApiRequest, ApiResponse, RecordedCall } from './types.js';
