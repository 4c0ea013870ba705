import type { JsonObject } from '../../core/json.js';
import type { WireRequest } from '../../core/types.js';
import type { DexieOptions } from './options.js';

/**
 * The new-user call: `POST`, `Content-Type: application/json`, the compact JSON body. No
 * signature or secret exists for this hook; `X-DexieCloud-Token` only when asked for.
 */
export function buildDexieRequest(payload: JsonObject, options: DexieOptions): WireRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['x-dexiecloud-token'] = options.token;
  return { method: 'POST', headers, body: JSON.stringify(payload) };
}
