/**
 * Broken on purpose: verifies the HMAC over `JSON.stringify(req.body)`, the parsed body
 * serialised again, instead of the bytes received. Against Logto this passes every delivery:
 * Logto's bytes are `JSON.stringify` output, and re-serialising them gives the same text. It
 * breaks as soon as the bytes differ while the JSON value is the same: pretty-printed, `\u`
 * escapes, `1.0`, or integer-like keys that `JSON.stringify` moves first (a proxy, another
 * sender, a Logto change). Only a probe that re-encodes can see it.
 * `hooksim check` reports `signature.reencoded`: "pretty-printed bytes refused (status 401)".
 */
import { createHmac } from 'node:crypto';
import express from 'express';
import type { BrokenHook } from './doors.js';

/** A Logto receiver that signs its own re-serialisation of the parsed body. */
export function createStringifyBodyHmacHook(options: { signingKey: string }): BrokenHook {
  const check = (body: unknown, signature: string | null | undefined) =>
    createHmac('sha256', options.signingKey).update(JSON.stringify(body)).digest('hex') === signature;
  const app = express();
  app.post('*splat', express.json({ type: () => true }), (req, res) => {
    if (!check(req.body, req.get('logto-signature-sha-256'))) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    res.status(200).json({ received: true });
  });
  const fetch = async (request: Request): Promise<Response> => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: 'invalid JSON' }, { status: 400 });
    }
    if (!check(body, request.headers.get('logto-signature-sha-256'))) return Response.json({ error: 'invalid signature' }, { status: 401 });
    return Response.json({ received: true });
  };
  return { app, fetch };
}
