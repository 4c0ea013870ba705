/**
 * Broken on purpose: checks the signature over a re-serialised object instead of the bytes
 * Logto signed.
 *
 * The hook parses with `express.json()`, copies the fields it cares about into its own
 * "validated" object (what a schema validator's output looks like), and signs
 * `JSON.stringify` of that. Logto signed its own serialisation, where `hookId` comes last and
 * keys such as `interactionEvent`, `sessionId` and `application` are present, so the bytes
 * differ and every genuine delivery gets 401. Logto logs each one as an Error; hooksim reports
 * `status`: "expected a 2xx status, got 401".
 *
 * Why not the plain `JSON.stringify(req.body)`? Logto (Node) serialises with `JSON.stringify`
 * too, and `JSON.stringify(JSON.parse(s)) === s` holds for anything `JSON.stringify` produced:
 * key order survives, numbers and escapes (`é`, U+2028, lone surrogates) come out the same. So
 * that version passes against Logto and against hooksim's faithful bytes, and only breaks once
 * something between the two re-encodes the body or the hook reshapes the object, as here.
 * Either way the fix is the same: verify the raw bytes (see ../signed-hook.ts).
 */
import { createHmac } from 'node:crypto';
import express from 'express';

/** A Logto receiver that verifies the signature over its own re-serialisation of the payload. */
export function createReserializedSignatureHook(options: { signingKey: string }): express.Express {
  const app = express();
  app.post('*splat', express.json(), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
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
