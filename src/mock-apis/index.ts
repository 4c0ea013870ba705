/**
 * Mock provider APIs that hooks call back: Logto's M2M token + Management API, Dexie Cloud's
 * `/token` + `/users`. One pure request handler per provider; msw and Express adapters serve it.
 */
export { createLogtoMockApi, createLogtoTenant, upsertActorUser, type LogtoMockApi, type LogtoMockApiOptions, type LogtoTenant, type LogtoDataEvent } from './logto/index.js';
export { createDexieMockApi, createDexieDatabase, applyNewUserOutcome, type DexieMockApi, type DexieMockApiOptions, type DexieDatabase, type DexieDbUser } from './dexie-cloud/index.js';
export { CallRecorder, callMatches, describeCall, type CallMatcher } from './recorder.js';
export { mockApiHandlers, startMockApis } from './msw.js';
export { serveMockApi, type ServedMockApi } from './server.js';
export type { MockApi, ApiRequest, ApiResponse, RecordedCall } from './types.js';
