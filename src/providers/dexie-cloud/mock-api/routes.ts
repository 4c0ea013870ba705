import { randomBytes } from 'node:crypto';
import { isJsonObject, type JsonObject } from '../../../core/json.js';
import type { Route } from '../../../mock-apis/router.js';
import type { ApiRequest, ApiResponse } from '../../../mock-apis/types.js';
import { dexieScopes, type DexieDatabase, type DexieDbUser, type DexieScope } from './state.js';

/** Dexie's `TokenErrorResponse` shape (the status codes are inferred). */
const tokenError = (status: number, message: string): ApiResponse => ({
  status,
  body: { type: 'error', title: 'Token request failed', messageCode: 'GENERIC_ERROR', message },
});

const notAuthorized: ApiResponse = { status: 403, body: 'Not authorized', headers: { 'content-type': 'text/plain; charset=utf-8' } };

/** `POST /token` with client credentials and scopes; `claims` need IMPERSONATE. */
export function issueDexieToken(db: DexieDatabase, request: ApiRequest): ApiResponse {
  const body = isJsonObject(request.body) ? request.body : {};
  if (body.grant_type !== 'client_credentials') return tokenError(400, `hooksim's mock only issues client_credentials tokens, not ${String(body.grant_type)}`);
  const client = db.clients.find((candidate) => candidate.clientId === body.client_id);
  if (!client || client.clientSecret !== body.client_secret) return tokenError(401, 'Invalid client_id or client_secret');
  const scopes = Array.isArray(body.scopes) ? (body.scopes as string[]) : [];
  const unknown = scopes.filter((scope) => !(dexieScopes as readonly string[]).includes(scope));
  if (unknown.length) return tokenError(400, `Unknown scope(s): ${unknown.join(', ')}`);
  // "You can only request a subset of the scopes that your client has."
  const missing = client.scopes.includes('*') ? [] : scopes.filter((scope) => !client.scopes.includes(scope as DexieScope));
  if (missing.length) return tokenError(403, `Client is not allowed the scope(s): ${missing.join(', ')}`);
  const claims = isJsonObject(body.claims) ? body.claims : undefined;
  if (claims && !(client.scopes.includes('*') || client.scopes.includes('IMPERSONATE'))) {
    return tokenError(403, 'A client must be given the IMPERSONATE scope in order to supply claims');
  }
  const accessToken = `hooksim.${randomBytes(18).toString('base64url')}`;
  const granted = scopes.includes('*') ? [...dexieScopes] : (scopes as DexieScope[]);
  db.tokens.set(accessToken, granted);
  const sub = typeof claims?.sub === 'string' ? claims.sub : client.clientId;
  const user = db.users.get(sub);
  return {
    status: 200,
    body: {
      type: 'tokens',
      claims: { ...(claims ?? {}), sub, license: 'ok' },
      accessToken,
      accessTokenExpiration: db.now() + 3_600_000,
      userType: claims ? (user?.type ?? 'eval') : 'client',
    },
  };
}

/** The scopes of the bearer token, or the refusal. */
function authorize(db: DexieDatabase, request: ApiRequest, needed: DexieScope[]): ApiResponse | undefined {
  const auth = request.headers.authorization;
  const scopes = auth?.startsWith('Bearer ') ? db.tokens.get(auth.slice(7)) : undefined;
  if (!scopes) return { status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain; charset=utf-8' } };
  return needed.every((scope) => scopes.includes(scope)) ? undefined : notAuthorized;
}

const READ: DexieScope[] = ['ACCESS_DB', 'GLOBAL_READ'];
const WRITE: DexieScope[] = ['ACCESS_DB', 'GLOBAL_READ', 'GLOBAL_WRITE'];
const WRITABLE = ['userId', 'type', 'validUntil', 'evalDaysLeft', 'deactivated', 'data'];

/** Create or update from one `POST /users` item; a string is the error. */
function upsert(db: DexieDatabase, item: unknown): DexieDbUser | string {
  if (!isJsonObject(item)) return 'Each item must be an object';
  const unsupported = Object.keys(item).filter((key) => !WRITABLE.includes(key));
  if (unsupported.length) return `Unsupported property ${unsupported.map((key) => `"${key}"`).join(', ')}`;
  if (typeof item.userId !== 'string' || item.userId === '') return 'userId is required';
  if (item.type !== undefined && !['eval', 'prod', 'demo'].includes(item.type as string)) return `Invalid type ${JSON.stringify(item.type)}`;
  const now = new Date(db.now()).toISOString();
  const existing = db.users.get(item.userId);
  if (!existing && item.type === undefined) return `type is required to create user ${item.userId}`;
  const evalDaysLeft = typeof item.evalDaysLeft === 'number' ? Math.min(item.evalDaysLeft, db.maxAllowedEvalDaysLeft) : undefined;
  const user: DexieDbUser = {
    ...(existing ?? { userId: item.userId, created: now, lastLogin: null, maxAllowedEvalDaysLeft: db.maxAllowedEvalDaysLeft, deactivated: null, data: {} }),
    updated: now,
    ...(item.type !== undefined ? { type: item.type as DexieDbUser['type'] } : {}),
    ...(typeof item.validUntil === 'string' ? { validUntil: item.validUntil } : {}),
    ...(evalDaysLeft !== undefined ? { evalDaysLeft } : {}),
    // Writes take a boolean; reads show the date of deactivation or null.
    ...(item.deactivated !== undefined ? { deactivated: item.deactivated ? now : null } : {}),
    ...(isJsonObject(item.data) ? { data: item.data as JsonObject } : {}),
  } as DexieDbUser;
  db.users.set(user.userId, user);
  return user;
}

/** `sort=created|validUntil|updated|evalDaysLeft|lastLogin|userId|type|displayName`, `desc` reverses. */
function sortUsers(users: DexieDbUser[], sort: string, desc: boolean): DexieDbUser[] {
  const key = (user: DexieDbUser): string | number => {
    if (sort === 'displayName') return String(user.data?.displayName ?? '');
    const value = (user as unknown as Record<string, unknown>)[sort];
    return typeof value === 'number' ? value : String(value ?? '');
  };
  const sorted = [...users].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return desc ? sorted.reverse() : sorted;
}

function route(method: string, pattern: string, handle: Route<DexieDatabase>['handle']): Route<DexieDatabase> {
  return { method, pattern, handle };
}

/** The `/users` REST endpoints (dexie-cloud.md §3.1) with their scope rules. */
export const dexieRoutes: readonly Route<DexieDatabase>[] = [
  route('GET', '/users', (db, request) => {
    const refused = authorize(db, request, READ);
    if (refused) return refused;
    const { search, type, active, sort, desc, pagingKey } = request.query;
    let users = [...db.users.values()];
    if (type) users = users.filter((user) => user.type === type);
    if (search) users = users.filter((user) => user.userId.includes(search) || JSON.stringify(user.data ?? {}).includes(search));
    if (active) users = users.filter((user) => (user.deactivated === null || user.deactivated === undefined) === (active === 'true'));
    users = sortUsers(users, sort ?? 'userId', desc !== undefined && desc !== 'false');
    // The paging key is opaque to clients; here it is the index of the next page's first user.
    const offset = pagingKey ? Number.parseInt(Buffer.from(pagingKey, 'base64url').toString('utf8'), 10) || 0 : 0;
    const limit = Math.max(1, Math.min(Number(request.query.limit ?? 1000) || 1000, 1000));
    const page = users.slice(offset, offset + limit);
    const hasMore = users.length > offset + limit;
    return { status: 200, body: { data: page, hasMore, ...(hasMore ? { pagingKey: Buffer.from(String(offset + limit)).toString('base64url') } : {}) } };
  }),
  route('GET', '/users/:userId', (db, request, { userId }) => {
    const refused = authorize(db, request, READ);
    if (refused) return refused;
    const user = db.users.get(userId!);
    return user ? { status: 200, body: user } : { status: 404, body: `User ${userId} not found`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  }),
  route('POST', '/users', (db, request) => {
    const refused = authorize(db, request, WRITE);
    if (refused) return refused;
    if (!Array.isArray(request.body)) return { status: 400, body: 'Expected a JSON array of users', headers: { 'content-type': 'text/plain; charset=utf-8' } };
    // All or nothing: the batch is applied to a scratch copy first, so one bad item changes nobody.
    const scratch: DexieDatabase = { ...db, users: new Map(db.users) };
    const results = request.body.map((item) => upsert(scratch, item));
    const error = results.find((result): result is string => typeof result === 'string');
    if (error) return { status: 400, body: error, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    for (const user of results as DexieDbUser[]) db.users.set(user.userId, user);
    return { status: 200, body: results };
  }),
  route('DELETE', '/users/:userId', (db, request, { userId }) => {
    const refused = authorize(db, request, WRITE);
    if (refused) return refused;
    if (!db.users.delete(userId!)) return { status: 404, body: `User ${userId} not found`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    return { status: 204 };
  }),
];
