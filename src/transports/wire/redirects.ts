import type { HopRequest } from './request-bytes.js';

/** fetch's redirect limit: the 21st redirect is a network error. */
export const MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers describing a body, dropped when a redirect turns POST into GET. */
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language', 'content-location', 'content-length']);
/** Credentials fetch drops when a redirect leaves the origin. */
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** What to do with a reply's status and `location`. */
export type RedirectStep =
  | { kind: 'final' }
  | { kind: 'follow'; next: HopRequest }
  | { kind: 'error'; message: string };

/**
 * The `redirect: 'follow'` rules of fetch (Fetch Standard "HTTP-redirect fetch", as undici
 * implements them): 301/302 turn a POST into a GET, 303 turns anything but HEAD into a GET,
 * 307/308 repeat the method and body; a 3xx without `location` is the final reply; more than
 * {@link MAX_REDIRECTS} redirects, a bad `location` or a non-HTTP(S) one are network errors.
 */
export function redirectStep(request: HopRequest, status: number, location: string | undefined, redirectsSoFar: number): RedirectStep {
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return { kind: 'final' };
  let url: URL;
  try {
    url = new URL(location, request.url);
  } catch {
    return { kind: 'error', message: `redirect ${status} to an invalid location ${JSON.stringify(location)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'error', message: `redirect ${status} to a non-HTTP location ${url.protocol}` };
  }
  if (redirectsSoFar >= MAX_REDIRECTS) {
    return { kind: 'error', message: `redirect count exceeded: more than ${MAX_REDIRECTS} redirects (last to ${url.href})` };
  }
  const toGet = ((status === 301 || status === 302) && request.method === 'POST') || (status === 303 && request.method !== 'GET' && request.method !== 'HEAD');
  let headers = request.headers;
  if (toGet) headers = headers.filter(([name]) => !BODY_HEADERS.has(name));
  if (url.origin !== request.url.origin) headers = headers.filter(([name]) => !CROSS_ORIGIN_DROPPED.has(name));
  url.hash = '';
  const next: HopRequest = toGet ? { method: 'GET', url, headers } : { method: request.method, url, headers, ...(request.body !== undefined ? { body: request.body } : {}) };
  return { kind: 'follow', next };
}
