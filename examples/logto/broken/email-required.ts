/**
 * Broken on purpose: treats the email as required. Logto users may sign up with only a phone
 * number or only a username (and `primaryEmail` is then `null`), so this hook answers 400 to
 * their PostRegister and User.Created. Logto logs an Error and the user is never provisioned.
 * hooksim's default users all have an email; `hooksim check` builds the other shapes and
 * reports `events.User.Created.phone-only` and `events.PostRegister.username-only`: "status 400",
 * and the fuzzer shrinks to `{"user":{"primaryEmail":null}}`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { doors, type BrokenHook } from './doors.js';

function verified(signingKey: string, raw: Buffer, signature: string | undefined): boolean {
  if (signature === undefined || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signature, 'hex'), createHmac('sha256', signingKey).update(raw).digest());
}

/** A Logto receiver that refuses users without an email. */
export function createEmailRequiredHook(options: { signingKey: string }): BrokenHook {
  return doors((raw, headers) => {
    if (!verified(options.signingKey, raw, headers['logto-signature-sha-256'])) return { status: 401, body: { error: 'invalid signature' } };
    let payload: { event?: unknown; user?: { primaryEmail?: unknown }; data?: { primaryEmail?: unknown } };
    try {
      payload = JSON.parse(raw.toString('utf8')) as typeof payload;
    } catch {
      return { status: 400, body: { error: 'invalid JSON' } };
    }
    if (typeof payload !== 'object' || payload === null || typeof payload.event !== 'string') return { status: 400, body: { error: 'not an event' } };
    if (payload.event === 'PostRegister' || payload.event === 'User.Created') {
      const user = payload.event === 'PostRegister' ? payload.user : payload.data;
      // The mistake: a user without an email is a valid Logto user.
      if (typeof user?.primaryEmail !== 'string') return { status: 400, body: { error: 'email is required' } };
    }
    return { status: 200, body: { received: true } };
  });
}
