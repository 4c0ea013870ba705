/**
 * Broken on purpose: hands the header straight to `timingSafeEqual`, which throws a RangeError
 * when the two buffers differ in length. A genuine signature works; a short, long, non-hex or
 * empty header crashes the handler and Express answers 500, so every forged request becomes an
 * error alert (and a fail-open `catch` would accept it).
 * `hooksim check` reports `signature.malformed`: "wrong length (32 hex digits): crashed (status 500)".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { doors, type BrokenHook } from './doors.js';

/** A Logto receiver whose signature comparison throws on a header of the wrong length. */
export function createTimingSafeThrowsHook(options: { signingKey: string }): BrokenHook {
  return doors((raw, headers) => {
    const expected = createHmac('sha256', options.signingKey).update(raw).digest();
    const given = Buffer.from(headers['logto-signature-sha-256'] ?? '', 'hex');
    // The mistake: no length check first; timingSafeEqual throws on unequal lengths.
    if (!timingSafeEqual(given, expected)) return { status: 401, body: { error: 'invalid signature' } };
    return { status: 200, body: { received: true } };
  });
}
