/**
 * Broken on purpose: answers 400 to events it does not handle ("unknown event"). Logto logs
 * every such delivery as an Error, and the hook breaks the day it is subscribed to one more
 * event or someone presses "Send test payload" for another event in the Console.
 * `hooksim check` reports `events.Role.Created` (and every other unhandled event): "status 400";
 * with `--events PostRegister,User.Created` they become warnings.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { doors, type BrokenHook } from './doors.js';

const HANDLED = new Set(['PostRegister', 'PostSignIn', 'PostResetPassword', 'User.Created']);

/** A Logto receiver that refuses events outside the four it handles. */
export function createUnhandled400Hook(options: { signingKey: string }): BrokenHook {
  return doors((raw, headers) => {
    const signature = headers['logto-signature-sha-256'];
    if (signature === undefined || !/^[0-9a-f]{64}$/i.test(signature)) return { status: 401, body: { error: 'invalid signature' } };
    if (!timingSafeEqual(Buffer.from(signature, 'hex'), createHmac('sha256', options.signingKey).update(raw).digest())) return { status: 401, body: { error: 'invalid signature' } };
    let event: unknown;
    try {
      event = (JSON.parse(raw.toString('utf8')) as { event?: unknown }).event;
    } catch {
      return { status: 400, body: { error: 'invalid JSON' } };
    }
    // The mistake: "not mine" is answered as "bad request" instead of acknowledged.
    if (typeof event !== 'string' || !HANDLED.has(event)) return { status: 400, body: { error: `unknown event ${String(event)}` } };
    return { status: 200, body: { received: true } };
  });
}
