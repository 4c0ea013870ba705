/**
 * A Logto webhook receiver done right:
 * - the signature is checked over the raw body bytes (never a re-serialised object) with a
 *   length-checked constant-time compare, and a bad or missing signature gets 401;
 * - the four events the app acts on are processed, every other event (including names a later
 *   Logto may add) is acknowledged with 2xx so Logto does not log it as an Error;
 * - a repeated delivery is answered 2xx without being processed twice. Logto sends no delivery
 *   id, so the key is hookId + event + createdAt (createdAt is computed once per event), plus the
 *   user concerned: createdAt has millisecond precision, and a bulk import can create two users
 *   in the same millisecond, which must not be mistaken for one delivery sent twice.
 *
 * The logic lives in {@link createLogtoReceiver}, which works on bytes and a header value; the
 * Express app, the `node:http` handler and the fetch handler returned by
 * {@link createLogtoSignedHook} are thin doors onto one receiver.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { BodyTooLargeError, readRawBody } from '../shared/read-body.js';

/** The header Logto puts the signature in. */
export const LOGTO_SIGNATURE_HEADER = 'logto-signature-sha-256';

/** Events this app acts on. */
export const HANDLED_EVENTS = ['PostRegister', 'PostSignIn', 'PostResetPassword', 'User.Created'] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

const HANDLED = new Set<string>(HANDLED_EVENTS);
const BODY_LIMIT = 1024 * 1024;

/** One delivery the hook acted on. */
export interface ProcessedEvent {
  event: HandledEvent;
  hookId: string;
  createdAt: string;
  /** The user concerned: `userId` on interaction events, `data.id` on User.Created. */
  userId?: string;
}

/** What the receiver answers: a status and a small JSON body. */
export interface ReceiverReply {
  status: number;
  body: Record<string, unknown>;
}

/** The framework-free receiver, with what it has seen so far. */
export interface LogtoReceiver {
  /** Handles one delivery: the exact body bytes and the signature header (if any). */
  receive(raw: Uint8Array, signature: string | undefined): ReceiverReply;
  /** Deliveries processed, in arrival order, each once. */
  readonly processed: ProcessedEvent[];
  /** Idempotency keys of deliveries answered without re-processing. */
  readonly duplicates: string[];
  /** Events acknowledged but not acted on (not in {@link HANDLED_EVENTS}). */
  readonly ignored: string[];
}

/** The receiver behind three doors; they share state, so use whichever your server speaks. */
export interface SignedHook extends LogtoReceiver {
  /** Express app, POST at any path. */
  app: express.Express;
  /** Plain `node:http` request listener. */
  nodeHandler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Fetch-style handler (Hono, Next.js route handlers, workers). */
  fetch: (request: Request) => Promise<Response>;
}

/**
 * True when `signature` is the hex HMAC-SHA256 (either case) of `raw` under
 * `signingKey`. The length is checked before `timingSafeEqual`, which throws on unequal lengths.
 */
export function verifyLogtoSignature(signingKey: string, raw: Uint8Array, signature: string | undefined): boolean {
  if (signature === undefined || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac('sha256', signingKey).update(raw).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Envelope {
  event: string;
  hookId: string;
  createdAt: string;
  userId?: unknown;
  data?: unknown;
}

function readEnvelope(raw: Uint8Array): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { event, hookId, createdAt } = parsed as Record<string, unknown>;
  if (typeof event !== 'string' || typeof hookId !== 'string' || typeof createdAt !== 'string') return undefined;
  return parsed as Envelope;
}

function userOf(envelope: Envelope): string | undefined {
  if (typeof envelope.userId === 'string') return envelope.userId;
  const data = envelope.data;
  if (typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string') return (data as { id: string }).id;
  return undefined;
}

/**
 * Creates the framework-free receiver. The idempotency memory is in-process and unbounded, fine
 * for an example; a real app keeps the keys in its database (with a TTL of a day or so).
 */
export function createLogtoReceiver(options: { signingKey: string }): LogtoReceiver {
  const processed: ProcessedEvent[] = [];
  const duplicates: string[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  return {
    processed,
    duplicates,
    ignored,
    receive(raw, signature) {
      // Verify before parsing: nothing unauthenticated reaches JSON.parse or the app.
      if (!verifyLogtoSignature(options.signingKey, raw, signature)) return { status: 401, body: { error: 'invalid signature' } };
      const envelope = readEnvelope(raw);
      // Signed but unreadable: only a sender with the key can get here, so say what is wrong.
      if (!envelope) return { status: 400, body: { error: 'expected a JSON object with event, hookId and createdAt' } };
      const userId = userOf(envelope);
      const key = `${envelope.hookId}|${envelope.event}|${envelope.createdAt}|${userId ?? ''}`;
      if (seen.has(key)) {
        duplicates.push(key);
        return { status: 200, body: { received: true, duplicate: true } };
      }
      seen.add(key);
      if (!HANDLED.has(envelope.event)) {
        ignored.push(envelope.event);
        return { status: 200, body: { received: true, ignored: true } };
      }
      processed.push({
        event: envelope.event as HandledEvent,
        hookId: envelope.hookId,
        createdAt: envelope.createdAt,
        ...(userId !== undefined ? { userId } : {}),
      });
      return { status: 200, body: { received: true } };
    },
  };
}

/** Creates the receiver and its Express, `node:http` and fetch doors. */
export function createLogtoSignedHook(options: { signingKey: string }): SignedHook {
  const receiver = createLogtoReceiver(options);
  const app = express();
  // The raw bytes, whatever the content type: the signature covers exactly these.
  app.post('*splat', express.raw({ type: () => true, limit: BODY_LIMIT }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const reply = receiver.receive(raw, req.get(LOGTO_SIGNATURE_HEADER));
    res.status(reply.status).json(reply.body);
  });

  const nodeHandler = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const header = req.headers[LOGTO_SIGNATURE_HEADER];
      const reply = receiver.receive(await readRawBody(req, BODY_LIMIT), Array.isArray(header) ? header[0] : header);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(error instanceof BodyTooLargeError ? 413 : 400).end();
    });
  };

  const fetch = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const raw = new Uint8Array(await request.arrayBuffer());
    if (raw.byteLength > BODY_LIMIT) return new Response(null, { status: 413 });
    const reply = receiver.receive(raw, request.headers.get(LOGTO_SIGNATURE_HEADER) ?? undefined);
    return Response.json(reply.body, { status: reply.status });
  };

  return {
    app,
    nodeHandler,
    fetch,
    receive: receiver.receive,
    processed: receiver.processed,
    duplicates: receiver.duplicates,
    ignored: receiver.ignored,
  };
}
