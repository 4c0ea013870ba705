import type { ApiRequest, ApiResponse } from './types.js';

/** One route: a method, a pattern with `:params`, and a pure handler. */
export interface Route<State> {
  method: string;
  pattern: string;
  handle(state: State, request: ApiRequest, params: Record<string, string>): ApiResponse;
}

/** Matches `/api/users/:userId` against a path; returns the params or undefined. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        params[part.slice(1)] = got[i]!;
      }
    } else if (part !== got[i]) return undefined;
  }
  return params;
}

/** The route for a request, with its params. */
export function findRoute<State>(routes: readonly Route<State>[], request: ApiRequest): { route: Route<State>; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== request.method.toUpperCase()) continue;
    const params = matchPattern(route.pattern, request.path);
    if (params) return { route, params };
  }
  return undefined;
}

/** How many leading path segments a pattern shares with a path (params match anything). */
function sharedPrefix(pattern: string, path: string): number {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  let shared = 0;
  while (shared < want.length && shared < got.length && (want[shared]!.startsWith(':') || want[shared] === got[shared])) shared++;
  return shared;
}

/**
 * The loud failure for a route hooksim does not emulate: a 501 that names the method and path
 * and lists the emulated routes closest to it, so a typo (`/role` for `/roles`) is obvious. The
 * recorder keeps the call with no `route`: `calls.unmatched()` lists it.
 */
export function notEmulated<State>(provider: string, request: ApiRequest, routes: readonly Route<State>[]): ApiResponse {
  const method = request.method.toUpperCase();
  const scored = routes.map((route) => ({ route, score: sharedPrefix(route.pattern, request.path) })).filter(({ score }) => score > 0);
  const best = Math.max(0, ...scored.map(({ score }) => score));
  const similar = scored.filter(({ score }) => score === best).map(({ route }) => `${route.method} ${route.pattern}`);
  return {
    status: 501,
    headers: { 'x-hooksim-unmatched': 'true' },
    body: {
      code: 'hooksim.route_not_emulated',
      message: `hooksim's ${provider} mock does not emulate ${method} ${request.path}`,
      ...(similar.length ? { data: { similarRoutes: similar } } : {}),
    },
  };
}
