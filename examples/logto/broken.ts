/**
 * Logto receivers with mistakes people really make (see test/examples/logto.test.ts and the
 * scenarios under scenarios/logto).
 */
import { createHmac } from 'node:crypto';
import express from 'express';

/**
 * Validates the payload into its own shape, then checks the signature over the re-serialised
 * object. The keys come out in the validator's order (and unknown keys are dropped), so the
 * bytes differ from what Logto signed and every genuine delivery is refused with 401.
 */
export function createReserializedSignatureHook(options: { signingKey: string }): express.Express {
  const app = express();
  app.post('*splat', express.json(), (req, res) => {
    const body = req.body as Record<string, unknown>;
    const validated = { hookId: body.hookId, event: body.event, createdAt: body.createdAt, userId: body.userId, user: body.user };
    const signature = createHmac('sha256', options.signingKey).update(JSON.stringify(validated)).digest('hex');
    if (signature !== req.get('logto-signature-sha-256')) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    res.sendStatus(200);
  });
  return app;
}

/** Does its work before answering: slow enough to meet a tight timeout. */
export function createSlowHook(options: { delayMs: number }): express.Express {
  const app = express();
  app.post('*splat', (_req, res) => {
    const timer = setTimeout(() => res.sendStatus(200), options.delayMs);
    // A delivery abandoned by the caller must not keep the process alive.
    res.on('close', () => clearTimeout(timer));
  });
  return app;
}

/** Fails every delivery with 500 (a crashed dependency): shows Logto's retry modes. */
export function createError500Hook(): { app: express.Express; calls: () => number } {
  let calls = 0;
  const app = express();
  app.post('*splat', (_req, res) => {
    calls += 1;
    res.status(500).json({ error: 'database unavailable' });
  });
  return { app, calls: () => calls };
}
