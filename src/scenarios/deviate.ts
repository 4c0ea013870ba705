import type { WireRequest } from '../core/types.js';
import type { AnyProvider } from '../providers/types.js';
import type { StepSpec } from './schema.js';

/** A key no real configuration uses, for `wrong-key` probes. */
const PROBE_KEY = 'hooksim-wrong-signing-key-0000000';

/**
 * Applies a step's signature deviation to a faithful request. The provider's own signing
 * function is used, so only the deliberate difference changes.
 */
export function deviateSignature(provider: AnyProvider, providerOptions: unknown, request: WireRequest, how: NonNullable<StepSpec['deviate']>['signature']): WireRequest {
  const signature = provider.signature;
  if (!how || !signature) return request;
  const headers = { ...request.headers };
  const key = signature.key(providerOptions);
  switch (how) {
    case 'missing':
      delete headers[signature.header];
      return { ...request, headers };
    case 'wrong-key':
      headers[signature.header] = signature.sign(PROBE_KEY, request.body);
      return { ...request, headers };
    case 'tampered': {
      const current = headers[signature.header] ?? signature.sign(key || PROBE_KEY, request.body);
      // Flip the last hex digit: same length and alphabet, wrong value.
      const last = current.at(-1) === '0' ? '1' : '0';
      headers[signature.header] = current.slice(0, -1) + last;
      return { ...request, headers };
    }
    case 'body-altered': {
      if (!headers[signature.header]) headers[signature.header] = signature.sign(key || PROBE_KEY, request.body);
      // Same length, one character changed after signing: what a proxy or an attacker might do.
      const index = request.body.lastIndexOf('"createdAt":"') + 13;
      const at = index > 12 ? index + 3 : 1;
      const swapped = request.body[at] === '1' ? '2' : '1';
      return { ...request, headers, body: request.body.slice(0, at) + swapped + request.body.slice(at + 1) };
    }
  }
}
