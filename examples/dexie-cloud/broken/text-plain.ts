/**
 * Broken on purpose: the body is the right JSON text, but it goes out as `text/plain` (a hook
 * that builds the string itself and sends it with a text helper). Dexie Cloud wants an
 * `application/json` reply. hooksim reports `headers.content-type`:
 * 'expected application/json, got "text/plain; charset=utf-8"'.
 */
import express from 'express';

/** A new-user hook whose reply has the right body and the wrong content type. */
export function createTextPlainHook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.type('text/plain').send(JSON.stringify({ ok: true, action: 'eval' }));
  });
  return app;
}
