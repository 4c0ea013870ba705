/**
 * The doors the broken receivers below share: each receiver is one core function of the exact
 * body bytes and the headers, served as an Express app and as a fetch handler. A core that
 * throws is answered 500, as Express's default error handler answers.
 */
import express from 'express';

/** What a receiver core answers. */
export interface CoreReply {
  status: number;
  body: Record<string, unknown>;
}

/** A receiver core: the raw body and the lowercase request headers in, a reply out (or a throw). */
export type ReceiverCore = (raw: Buffer, headers: Record<string, string | undefined>) => CoreReply;

/** A broken receiver behind its two doors. */
export interface BrokenHook {
  app: express.Express;
  fetch: (request: Request) => Promise<Response>;
}

/** Serves a core as an Express app (POST at any path) and a fetch handler. */
export function doors(core: ReceiverCore): BrokenHook {
  const app = express();
  app.post('*splat', express.raw({ type: () => true, limit: 1024 * 1024 }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
    const reply = core(raw, headers);
    res.status(reply.status).json(reply.body);
  });
  const fetch = async (request: Request): Promise<Response> => {
    const raw = Buffer.from(await request.arrayBuffer());
    try {
      const reply = core(raw, Object.fromEntries(request.headers));
      return Response.json(reply.body, { status: reply.status });
    } catch {
      return new Response('Internal Server Error', { status: 500 });
    }
  };
  return { app, fetch };
}
