import type { JsonObject } from '../../../core/json.js';
import type { Route } from '../../../mock-apis/router.js';
import type { ApiRequest, ApiResponse } from '../../../mock-apis/types.js';
import { logtoError } from './errors.js';
import type { LogtoTenant } from './state.js';

/** A data event a change would make Logto send, with its Management API context (no `/api` prefix). */
export interface LogtoDataEvent {
  event: string;
  /** `{ path, method, status, params, matchedRoute, data? }` plus event-specific keys (`roleId`, `organizationId`, ...). */
  context: JsonObject;
}

/** What a route reads and changes, and where it puts the data events the change causes. */
export interface LogtoRouteState {
  tenant: LogtoTenant;
  emitted: LogtoDataEvent[];
}

/** A Management API route handler: pure apart from the tenant it changes. */
export type LogtoHandler = (state: LogtoRouteState, request: ApiRequest, params: Record<string, string>) => ApiResponse;

/** Declares a route. */
export function route(method: string, pattern: string, handle: LogtoHandler): Route<LogtoRouteState> {
  return { method, pattern, handle };
}

/**
 * `buildManagementApiContext` (packages/core/src/libraries/hook/utils.ts): the request's path
 * and matched route without the `/api` prefix, the final status, the route params, and `data`
 * (the response body) when there is one.
 */
export function managementContext(request: ApiRequest, pattern: string, params: Record<string, string>, status: number, data?: unknown): JsonObject {
  return {
    path: request.path.replace(/^\/api/, ''),
    method: request.method.toUpperCase(),
    status,
    params,
    matchedRoute: pattern.replace(/^\/api/, ''),
    ...(data === undefined ? {} : { data: data as JsonObject }),
  };
}

/**
 * koa-pagination (packages/core/src/middleware/koa-pagination.ts): `page` (from 1) and
 * `page_size` (default 20, at most 100), the total in a `Total-Number` header. Optional
 * pagination (`isOptional: true`) returns everything unless `page` or `page_size` is given.
 */
export function paginate<T>(items: readonly T[], query: Record<string, string>, options: { optional?: boolean } = {}): { items: T[]; headers: Record<string, string> } | ApiResponse {
  if (options.optional && query.page === undefined && query.page_size === undefined) return { items: [...items], headers: {} };
  const page = query.page === undefined ? 1 : Number(query.page);
  const size = query.page_size === undefined ? 20 : Number(query.page_size);
  if (!(page > 0) || !(size > 0) || size > 100) return logtoError(400, 'guard.invalid_pagination', 'The request pagination value is invalid.');
  const offset = Math.floor(page - 1) * size;
  return { items: items.slice(offset, offset + size), headers: { 'total-number': String(items.length) } };
}

/** A paginated 200 reply, or the pagination error. */
export function pagedReply<T>(items: readonly T[], request: ApiRequest, options: { optional?: boolean } = {}): ApiResponse {
  const paged = paginate(items, request.query, options);
  if ('status' in paged) return paged;
  return { status: 200, body: paged.items, ...(Object.keys(paged.headers).length ? { headers: paged.headers } : {}) };
}
