/**
 * Broken on purpose: answers `201 Created`. Natural when the hook "creates" a user, but Dexie
 * Cloud reads only a 200 reply as a decision, so every login through this hook fails.
 * hooksim reports `status`: "expected status 200, got 201".
 */
import express from 'express';

/** A new-user hook that admits everyone as `eval`, with the wrong status code. */
export function createStatus201Hook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.status(201).json({ ok: true, action: 'eval' });
  });
  return app;
}
