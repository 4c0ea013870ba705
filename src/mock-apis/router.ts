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
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return undefined;
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

/**
 * The loud failure for a route hooksim does not emulate: a hook calling it gets a 501 that names
 * the route, and the call is recorded as unmatched so the scenario shows it.
 */
export function notEmulated(provider: string, request: ApiRequest, routes: readonly Route<unknown>[]): ApiResponse {
  const similar = routes.filter((route) => route.pattern.split('/')[2] === request.path.split('/')[2]).map((route) => `${route.method} ${route.pattern}`);
  return {
    status: 501,
    body: {
      code: 'hooksim.route_not_emulated',
      message: `hooksim's ${provider} mock does not emulate ${request.method.toUpperCase()} ${request.path}`,
      ...(similar.length ? { data: { similarRoutes: similar } } : {}),
    },
  };
}
