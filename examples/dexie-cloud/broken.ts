/**
 * New-user hooks with mistakes people really make. Each breaks Dexie Cloud's contract in one
 * way; hooksim names the violation (see test/examples/dexie-cloud.test.ts and scenarios/dexie-cloud/broken).
 */
import express from 'express';

/** Answers 201 Created: natural when "creating" a user, but Dexie Cloud accepts only 200. Violation: `status`. */
export function createStatus201Hook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.status(201).json({ ok: true, action: 'eval' });
  });
  return app;
}

/** Answers `action: 'production'`: the action must be exactly reject, eval or prod. Violation: `body.action`. */
export function createActionProductionHook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.json({ ok: true, action: 'production' });
  });
  return app;
}

/** Sends the JSON text with `res.send(string)`, so Express labels it text/html. Violation: `headers.content-type`. */
export function createTextReplyHook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.type('text/plain').send(JSON.stringify({ ok: true, action: 'eval' }));
  });
  return app;
}

/** Answers `{ok: false}` meaning "reject": Dexie Cloud takes it as a failed hook. Violation: `body.ok`. */
export function createOkFalseHook(): express.Express {
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    res.json({ ok: false, action: 'reject' });
  });
  return app;
}
