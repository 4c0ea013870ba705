/**
 * A Logto webhook receiver done right: the signature is checked over the raw body bytes with a
 * constant-time compare, unknown events are acknowledged (forward compatibility), and a repeated
 * delivery is answered 2xx without being processed twice (Logto sends no delivery id, so the
 * key is hookId + event + createdAt).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';

/** What the hook did with each delivery, for tests and the demo. */
export interface ProcessedEvent {
  event: string;
  userId?: string;
  duplicate: boolean;
}

export interface SignedHook {
  app: express.Express;
  processed: ProcessedEvent[];
}

const HANDLED = new Set(['PostRegister', 'PostSignIn', 'PostResetPassword', 'User.Created']);

/** True when `signature` is the hex HMAC-SHA256 of `raw` under `signingKey`. */
export function verifyLogtoSignature(signingKey: string, raw: Buffer, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac('sha256', signingKey).update(raw).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The hook as an Express app (POST at any path). */
export function createLogtoSignedHook(options: { signingKey: string }): SignedHook {
  const processed: ProcessedEvent[] = [];
  const seen = new Set<string>();
  const app = express();
  // The raw bytes, not a parsed-and-reserialised body: the signature covers exactly these.
  app.post('*splat', express.raw({ type: '*/*', limit: '1mb' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyLogtoSignature(options.signingKey, raw, req.get('logto-signature-sha-256'))) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const payload = JSON.parse(raw.toString('utf8')) as { event: string; hookId: string; createdAt: string; userId?: string; data?: { id?: string } };
    const key = `${payload.hookId}:${payload.event}:${payload.createdAt}`;
    const duplicate = seen.has(key);
    seen.add(key);
    if (HANDLED.has(payload.event)) processed.push({ event: payload.event, userId: payload.userId ?? payload.data?.id, duplicate });
    res.status(200).json({ received: true, duplicate });
  });
  return { app, processed };
}
