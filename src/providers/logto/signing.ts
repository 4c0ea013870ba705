import { createHmac } from 'node:crypto';

/** The header Logto puts the signature in. */
export const SIGNATURE_HEADER = 'logto-signature-sha-256';

/**
 * Logto's `sign()`: lowercase hex HMAC-SHA256 of the exact body text, keyed with the hook's
 * signing key as UTF-8 (packages/core/src/utils/sign.ts).
 */
export function signLogtoBody(signingKey: string, body: string): string {
  return createHmac('sha256', signingKey).update(body, 'utf8').digest('hex');
}
