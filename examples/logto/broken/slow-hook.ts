/**
 * Broken on purpose: does its work before answering, and the work is slow. Logto abandons a
 * delivery after 10 s and logs an Error; run hooksim with a short `timeoutMs` to see it without
 * waiting. hooksim reports `delivery` (a transport error of kind `timeout`): "no reply within
 * 100 ms ...". Answer 2xx first and queue the work instead.
 */
import express from 'express';

/** How a delivery to the slow hook ended. */
export type SlowHookSettlement = 'answered' | 'abandoned';

/** Options of {@link createSlowHook}. */
export interface SlowHookOptions {
  /** How long the hook "works" before answering 200, in ms. */
  delayMs: number;
  /** Called once per delivery: answered after the delay, or abandoned by the caller first. */
  onSettled?: (how: SlowHookSettlement) => void;
}

/** A Logto receiver that answers 200, but only after `delayMs`. */
export function createSlowHook(options: SlowHookOptions): express.Express {
  const app = express();
  app.post('*splat', (_req, res) => {
    const timer = setTimeout(() => {
      res.sendStatus(200);
      options.onSettled?.('answered');
    }, options.delayMs);
    // A delivery the caller gave up on must not leave a timer behind, or a test process that
    // served this hook would wait for it before exiting.
    res.on('close', () => {
      if (res.writableFinished) return;
      clearTimeout(timer);
      options.onSettled?.('abandoned');
    });
  });
  return app;
}
