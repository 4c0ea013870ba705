/**
 * Broken on purpose: fails every delivery with 500, as a hook does while its database is down.
 * Logto 1.42 tries once; with the documented retries (`retries: '5xx-retry-3'`) it tries four
 * times, 300, 600 and 1200 ms apart. hooksim reports `status`: "expected a 2xx status, got 500:
 * Logto logs the delivery as an Error after 4 attempts".
 */
import express from 'express';

/** The hook and how many deliveries reached it. */
export interface Error500Hook {
  app: express.Express;
  /** Deliveries received so far (each attempt counts). */
  calls: () => number;
}

/** A Logto receiver that answers 500 to everything. */
export function createError500Hook(): Error500Hook {
  let calls = 0;
  const app = express();
  app.post('*splat', (_req, res) => {
    calls += 1;
    res.status(500).json({ error: 'database unavailable' });
  });
  return { app, calls: () => calls };
}
