/**
 * Broken on purpose: answers `action: 'production'`. The action must be exactly `reject`,
 * `eval` or `prod`; a spelled-out word is not understood, so the login fails.
 * hooksim reports `body.action`: 'expected one of "reject", "eval", "prod", got "production"'.
 */
import express from 'express';

/** A new-user hook that means "prod" but spells it out. */
export function createActionProductionHook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.json({ ok: true, action: 'production' });
  });
  return app;
}
