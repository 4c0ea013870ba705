import type { ApiResponse } from './types.js';

/** Parses a request body as the provider would: JSON, form-encoded (OIDC), or text. */
export function parseRequestBody(contentType: string | undefined, text: string): unknown {
  if (text === '') return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The reply's body text and content type. */
export function serializeResponse(response: ApiResponse): { text: string; contentType?: string } {
  if (response.body === undefined) return { text: '' };
  if (typeof response.body === 'string') return { text: response.body, contentType: response.headers?.['content-type'] ?? 'text/plain; charset=utf-8' };
  return { text: JSON.stringify(response.body), contentType: 'application/json; charset=utf-8' };
}
