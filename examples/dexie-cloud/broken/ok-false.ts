/**
 * Broken on purpose: answers `{ ok: false, action: 'reject' }` to turn a user away. `ok` says
 * whether the hook itself worked, not whether the user is welcome; Dexie Cloud does not document
 * `ok: false`, and hooksim (like the inferred server) takes it as a failed hook: the user gets a
 * WEBHOOK_ERROR instead of a clean refusal. Answer `{ ok: true, action: 'reject' }` instead.
 * hooksim reports `body.ok`: "ok is false: ... answer action "reject" to refuse a user".
 */
import express from 'express';

/** A new-user hook that refuses everyone the wrong way. */
export function createOkFalseHook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.json({ ok: false, action: 'reject' });
  });
  return app;
}
