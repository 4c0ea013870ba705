import { CallRecorder, recordCall } from '../../../mock-apis/recorder.js';
import { findRoute, notEmulated } from '../../../mock-apis/router.js';
import type { ApiRequest, ApiResponse, MockApi } from '../../../mock-apis/types.js';
import { dexieRoutes, issueDexieToken } from './routes.js';
import type { DexieOutcome } from '../outcome.js';
import { applyNewUserOutcome, createDexieDatabase, type DexieDatabase, type DexieDatabaseSeed, type DexieDbUser } from './state.js';

export type { DexieDatabaseSeed } from './state.js';
export { createDexieDatabase, applyNewUserOutcome, dexieUser, dexieScopes, type DexieDatabase, type DexieDbUser, type DexieClient, type DexieScope } from './state.js';

/** Options of {@link createDexieMockApi}. */
export interface DexieMockApiOptions {
  database?: DexieDatabase | DexieDatabaseSeed;
  /** The database URL hooks use. Default `https://hooksim.dexie.cloud`. */
  baseUrl?: string;
}

/** The Dexie Cloud mock: its database, the call recorder, the request handler. */
export interface DexieMockApi extends MockApi {
  readonly database: DexieDatabase;
  /**
   * Lands what Dexie Cloud decided on a new-user delivery in the database: an accepted login
   * creates the user with the type and data the hook chose (a refused one changes nothing).
   * Returns the user, or undefined when the login was refused.
   *
   * @example
   * const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: app });
   * dexie.adopt(result);
   */
  adopt(source: { readonly outcome: DexieOutcome }): DexieDbUser | undefined;
}

/**
 * One request through the Dexie Cloud mock: `POST /token`, or a `/users` route with its scope
 * rules. Pure apart from the database it changes; both serving adapters call it.
 */
export function handleDexieRequest(database: DexieDatabase, request: ApiRequest): { response: ApiResponse; route?: string } {
  if (request.method.toUpperCase() === 'POST' && request.path === '/token') return { response: issueDexieToken(database, request), route: '/token' };
  const found = findRoute(dexieRoutes, request);
  if (!found) return { response: notEmulated('dexie-cloud', request, dexieRoutes) };
  return { response: found.route.handle(database, request, found.params), route: found.route.pattern };
}

/** The Dexie Cloud REST API mock: `/token` and `/users`. */
export function createDexieMockApi(options: DexieMockApiOptions = {}): DexieMockApi {
  const database = options.database && 'tokens' in options.database ? (options.database as DexieDatabase) : createDexieDatabase(options.database as DexieDatabaseSeed | undefined);
  const calls = new CallRecorder();
  return {
    provider: 'dexie-cloud',
    baseUrl: options.baseUrl ?? 'https://hooksim.dexie.cloud',
    database,
    calls,
    handle(request: ApiRequest): ApiResponse {
      const { response, route } = handleDexieRequest(database, request);
      recordCall(calls, request, response, route, database.now());
      return response;
    },
    stateView() {
      return { users: Object.fromEntries(database.users) };
    },
    adopt(source) {
      return applyNewUserOutcome(database, source.outcome);
    },
  };
}
