/**
 * Broken on purpose: assumes every new user has an email. Under custom authentication Dexie
 * Cloud sends `{"userId"}` alone (the email is not known at that point), and
 * `email.split('@')` throws: Express answers 500 and the user cannot log in (`WEBHOOK_ERROR`).
 * `hooksim check dexie-cloud` reports `reply.contract.custom-auth`: "status: expected status
 * 200, got 500", and `reply.fuzz` shrinks to `{"userId":"usr_…"}`.
 */
import express from 'express';

/** A new-user hook that crashes when the email is absent. */
export function createCrashNoEmailHook(options: { prodDomain: string }): express.Express {
  const app = express();
  app.post('*splat', express.json(), (req, res) => {
    const { email } = req.body as { email?: string };
    // The mistake: `email` is optional in the request.
    const domain = email!.split('@')[1]!.toLowerCase();
    res.json({ ok: true, action: domain === options.prodDomain ? 'prod' : 'eval', userData: { displayName: email!.split('@')[0] } });
  });
  // The app's error middleware: a crash becomes a bare 500, as in production.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}
