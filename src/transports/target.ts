import { UsageError } from '../core/errors.js';
import { fetchHandlerTransport, type FetchHandler } from './fetch-handler.js';
import { httpTransport } from './http.js';
import { nodeHandlerTransport, type NodeHandler } from './node-handler.js';
import type { Transport } from './types.js';

/**
 * Where a hook lives: a URL (string or `URL`), an Express app / Node handler (in-process, no
 * socket), or an object naming one of those with the path to post to. A fetch-style handler
 * must be wrapped as `{ fetch: handler }`, since it cannot be told from a Node handler by shape.
 */
export type Target =
  | string
  | URL
  | NodeHandler
  | {
      url: string | URL;
      /** Accept a self-signed or otherwise untrusted TLS certificate (a local test endpoint only; Logto never does). */
      insecure?: boolean;
    }
  | { app: NodeHandler; path?: string }
  | { fetch: FetchHandler; path?: string }
  | Transport;

/** `localhost:4005/hook` (no scheme) → ` (did you mean "http://localhost:4005/hook"?)`. */
function schemeHint(text: string): string {
  return /^[a-z0-9.-]+(:\d+)?(\/|$)/i.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? ` (did you mean "http://${text}"?)` : '';
}

/** Parses a target URL, or a {@link UsageError} that says what is wrong with it. */
export function parseTargetUrl(text: string | URL): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`invalid target URL "${String(text)}": expected http://host[:port]/path or https://…${schemeHint(String(text))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const hint = schemeHint(String(text));
    if (hint) throw new UsageError(`invalid target URL "${String(text)}": it has no scheme${hint}`);
    throw new UsageError(`invalid target URL "${url.href}": only http and https are supported`);
  }
  return url;
}

function isTransport(value: object): value is Transport {
  return typeof (value as Transport).send === 'function' && typeof (value as Transport).close === 'function';
}

/** The transport for a target. */
export function transportFor(target: Target): Transport {
  if (typeof target === 'string' || target instanceof URL) return httpTransport(parseTargetUrl(target));
  if (typeof target === 'function') return nodeHandlerTransport(target);
  if (isTransport(target)) return target;
  if ('url' in target) return httpTransport(parseTargetUrl(target.url), { insecure: target.insecure === true });
  if ('app' in target && typeof target.app === 'function') return nodeHandlerTransport(target.app, target.path);
  if ('fetch' in target && typeof target.fetch === 'function') return fetchHandlerTransport(target.fetch, target.path);
  throw new UsageError('invalid target: expected a URL, an Express app or (req, res) handler, { app, path } or { fetch, path }');
}
