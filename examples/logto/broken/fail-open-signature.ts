/**
 * Broken on purpose: verifies the signature only when there is one. "Legacy hooks have no
 * signing key, so don't break them": a request without `logto-signature-sha-256` is accepted
 * without any check, so anyone who finds the URL can forge events.
 * `hooksim check` reports `signature.missing`: "missing: accepted (status 200)".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { doors, type BrokenHook } from './doors.js';

/** A Logto receiver that fails open when the signature header is absent. */
export function createFailOpenSignatureHook(options: { signingKey: string }): BrokenHook {
  return doors((raw, headers) => {
    const signature = headers['logto-signature-sha-256'];
    if (signature !== undefined) {
      const expected = createHmac('sha256', options.signingKey).update(raw).digest('hex');
      const ok = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      if (!ok) return { status: 401, body: { error: 'invalid signature' } };
    }
    // The mistake: no header, no check.
    return { status: 200, body: { received: true } };
  });
}
