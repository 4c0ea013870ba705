import { STATUS_CODES } from 'node:http';
import type { JsonValue } from '../../core/json.js';
import type { TransportError } from '../../core/types.js';
import type { LogtoOptions } from './options.js';

/**
 * The `error` text of a Logto log row: `String(normalizeError(error))`
 * (packages/shared/src/utils/normalize-error.ts). `normalizeError` JSON-stringifies the error's
 * own properties (an Error inside becomes its own properties too; `stack` is left out) and makes
 * that the message of a new Error with the original name, so the text is `Name: {json}`.
 *
 * The errors are those of ky 1.2.3 (Logto's lockfile): its classes declare their fields, so the
 * own properties come in the order message, (response, request, options | request), name.
 * `response`, `request`, `Headers` and `AbortSignal` objects have no own enumerable properties and
 * print as `{}`; functions (ky's `fetch`, `retry.delay`) disappear; `Infinity` prints as `null`.
 * The `options` object is ky 1.2.3's normalised options as reconstructed from its source
 * (`Ky` constructor, `normalizeRetryOptions`, `deepMerge`): hooksim could not run ky 1.2.3 itself.
 */
export function normalizedErrorText(name: string, fields: Record<string, JsonValue>, ownName = true): string {
  // ky's errors set `this.name` (an own property, so it is printed); fetch's TypeError does not.
  return `${name}: ${JSON.stringify(ownName ? { ...fields, name } : fields)}`;
}

/** ky's retry defaults (`source/core/constants.ts`), as JSON prints them. */
const KY_RETRY_DEFAULTS = {
  methods: ['get', 'put', 'head', 'delete', 'options', 'trace'],
  statusCodes: [408, 413, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: null,
  backoffLimit: null,
};

/**
 * ky 1.2.3's normalised options for Logto's `ky.post(url, { headers, json, retry, timeout })`, as
 * `JSON.stringify` prints them. With `5xx-retry-3` (logto-io/logto PR #9410) the retry options
 * are `methods: ['post']` and status codes 500-599; its hook functions print as `null` entries.
 */
export function kyOptionsJson(payload: JsonValue, body: string, options: Pick<LogtoOptions, 'retries' | 'timeoutMs'>): JsonValue {
  const retryFix = options.retries === '5xx-retry-3';
  return {
    headers: {},
    json: payload,
    retry: retryFix
      ? { limit: 3, ...KY_RETRY_DEFAULTS, methods: ['post'], statusCodes: Array.from({ length: 100 }, (_, i) => 500 + i) }
      : { limit: 3, ...KY_RETRY_DEFAULTS },
    timeout: options.timeoutMs,
    method: 'POST',
    hooks: { beforeRequest: [], beforeRetry: retryFix ? [null] : [], beforeError: [], afterResponse: retryFix ? [null] : [] },
    prefixUrl: '',
    throwHttpErrors: true,
    signal: {},
    duplex: 'half',
    body,
  };
}

/**
 * The reason phrase ky puts in an HTTPError: the server's own status text when the reply carries
 * a non-empty one, otherwise the phrase Node's HTTP server sends for the code
 * (`http.STATUS_CODES`), which is what a hook served by Node answers. The fallback is a table,
 * not the server's text: in-process handlers (a `Response` built without `statusText`) get it too,
 * as they would once served by Node.
 */
export function statusTextOf(status: number, statusText?: string): string {
  return statusText || STATUS_CODES[status] || '';
}

/** ky 1.2.3 `HTTPError`: `Request failed with status code <code> <text>` (no method or URL yet). */
export function httpErrorText(status: number, statusText: string, payload: JsonValue, body: string, options: Pick<LogtoOptions, 'retries' | 'timeoutMs'>): string {
  const code = `${status} ${statusText}`.trim();
  return normalizedErrorText('HTTPError', {
    message: `Request failed with status code ${code}`,
    response: {},
    request: {},
    options: kyOptionsJson(payload, body, options),
  });
}

/** ky 1.2.3 `TimeoutError`: `Request timed out`, with its request. */
export function timeoutErrorText(): string {
  return normalizedErrorText('TimeoutError', { message: 'Request timed out', request: {} });
}

/**
 * A network failure: fetch's `TypeError: fetch failed` with the socket error as `cause`. hooksim
 * reports the cause in its own words (`message` only); undici's `errno`/`code`/`syscall` fields
 * are not reproduced.
 */
export function fetchFailedText(error: TransportError): string {
  return normalizedErrorText('TypeError', { message: 'fetch failed', cause: { message: error.message } }, false);
}
