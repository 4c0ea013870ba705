import type { JsonObject } from '../../core/json.js';
import type { WireRequest } from '../../core/types.js';
import type { LogtoOptions } from './options.js';
import { SIGNATURE_HEADER, signLogtoBody } from './signing.js';

/** Logto's user agent since 1.5.0 (before: no trailing slash). */
export const LOGTO_USER_AGENT = 'Logto (https://logto.io/)';

/**
 * The request `sendWebhookRequest` makes: the payload serialised once, signed over those exact
 * bytes, headers merged like Logto's object spread into ky (custom headers after the user agent,
 * the signature after the custom headers; ky adds `content-type` only when absent).
 * `new Headers()` does the merging so that keys differing only in case combine as they do in Logto.
 */
export function buildLogtoRequest(payload: JsonObject, options: LogtoOptions): WireRequest {
  const body = JSON.stringify(payload);
  if (isEmpty(options.headers)) {
    // No custom headers: what the Headers merge below yields (names sorted, as Headers iterates), without its cost.
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.signingKey) headers[SIGNATURE_HEADER] = signLogtoBody(options.signingKey, body);
    headers['user-agent'] = LOGTO_USER_AGENT;
    return { method: 'POST', headers, body };
  }
  const init: Record<string, string> = {
    'user-agent': LOGTO_USER_AGENT,
    ...options.headers,
    ...(options.signingKey ? { [SIGNATURE_HEADER]: signLogtoBody(options.signingKey, body) } : {}),
  };
  const headers = new Headers(init);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return { method: 'POST', headers: Object.fromEntries(headers), body };
}

function isEmpty(record: Record<string, string> | undefined): boolean {
  for (const _ in record) return false;
  return true;
}
