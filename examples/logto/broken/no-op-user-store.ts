/**
 * Broken on purpose: answers 2xx and does nothing. The hook keeps users for the app's own API
 * (`GET /users/:id`), but reads the new user from `data.user`, which no Logto event has
 * (User.Created carries the user in `data` itself), so nothing is ever stored. Every delivery
 * gets 200 and Logto logs Success: only a look at what the hook did can tell. With the effects
 * file next to it, `hooksim check ... --effects examples/logto/broken/user-store.effects.yaml`
 * reports `effects.User.Created`: "status 200, but effect GET /users/<id>: expected status 200,
 * got 404".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';

/** The hook, its user API and what it stored. */
export interface NoOpUserStoreHook {
  /** `POST /hook` (the webhook) and `GET /users/:id` (the app's API). */
  app: express.Express;
  users: Map<string, { id: string; email: string | null; deliveries: number }>;
}

/** A Logto receiver that answers 200 without storing the user. */
export function createNoOpUserStoreHook(options: { signingKey: string }): NoOpUserStoreHook {
  const users: NoOpUserStoreHook['users'] = new Map();
  const app = express();
  app.post('/hook', express.raw({ type: () => true }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get('logto-signature-sha-256') ?? '';
    const expected = createHmac('sha256', options.signingKey).update(raw).digest();
    if (!/^[0-9a-f]{64}$/i.test(signature) || !timingSafeEqual(Buffer.from(signature, 'hex'), expected)) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    let payload: { event?: string; data?: { user?: { id?: string; primaryEmail?: string | null } } };
    try {
      payload = JSON.parse(raw.toString('utf8')) as typeof payload;
    } catch {
      res.status(400).json({ error: 'invalid JSON' });
      return;
    }
    if (typeof payload !== 'object' || payload === null || typeof payload.event !== 'string') {
      res.status(400).json({ error: 'not an event' });
      return;
    }
    // The mistake: `data.user` never exists, so this is always skipped.
    const user = payload.data?.user;
    if (payload.event === 'User.Created' && user?.id) {
      const known = users.get(user.id);
      users.set(user.id, { id: user.id, email: user.primaryEmail ?? null, deliveries: (known?.deliveries ?? 0) + 1 });
    }
    res.status(200).json({ received: true });
  });
  app.get('/users/:id', (req, res) => {
    const user = users.get(req.params.id);
    if (!user) res.status(404).json({ error: 'no such user' });
    else res.json(user);
  });
  return { app, users };
}
