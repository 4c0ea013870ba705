/**
 * Broken on purpose: decodes the header from hex before comparing. `Buffer.from(text, 'hex')`
 * stops at the first non-hex character and drops a dangling digit, so the valid digest followed
 * by "zz" (or by one more digit) decodes to the valid 32 bytes and is accepted. The length check
 * is on the decoded bytes, which is why `timingSafeEqual` never throws here.
 * `hooksim check` reports `signature.trailing-junk`: 'digest + "zz": accepted (status 200)'.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { doors, type BrokenHook } from './doors.js';

/** A Logto receiver that compares hex-decoded bytes without checking the header's text. */
export function createHexDecodingCompareHook(options: { signingKey: string }): BrokenHook {
  return doors((raw, headers) => {
    const expected = createHmac('sha256', options.signingKey).update(raw).digest();
    // The mistake: decoding is lenient, so the header's text is never really compared.
    const given = Buffer.from(headers['logto-signature-sha-256'] ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401, body: { error: 'invalid signature' } };
    return { status: 200, body: { received: true } };
  });
}
