/**
 * A device-enrollment webhook receiver done right:
 * - the Standard Webhooks signature is checked over the raw body bytes: `webhook-id`,
 *   `webhook-timestamp` (at most 5 minutes from now) and any `v1,` entry of `webhook-signature`,
 *   compared in constant time; anything else gets 401;
 * - a message id seen before (a retry, or a replay) is answered 2xx without being processed again;
 * - provisioning is per device: the first enrollment of a (user, deviceIdentifier) provisions it,
 *   an enrollment of another device provisions that one, a re-enrollment of the same device
 *   provisions nothing and answers `{"action":"skip"}`.
 * `GET /devices/<userId>/<deviceIdentifier>` tells how many times a device was provisioned (what
 * `hooksim check --effects` looks at to prove "exactly once").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readRawBody } from '../shared/read-body.js';

/** How far `webhook-timestamp` may be from the hook's clock, as the spec recommends. */
export const TOLERANCE_S = 5 * 60;

/** What the receiver answers. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** The enrollment hook's state and its doors. */
export interface EnrollmentHook {
  /** Handles one delivery: the exact bytes and the request headers (lowercase names). */
  receive(raw: Uint8Array, headers: Record<string, string | undefined>): Reply;
  /** Provisioning count per `userId:deviceIdentifier`. */
  readonly provisioned: Map<string, number>;
  /** Plain `node:http` request listener. */
  nodeHandler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** The key's bytes: `whsec_` stripped, the rest base64-decoded. */
function keyBytes(signingKey: string): Buffer {
  return Buffer.from(signingKey.startsWith('whsec_') ? signingKey.slice(6) : signingKey, 'base64');
}

/** True when the three Standard Webhooks headers authenticate `raw` at time `nowS`. */
export function verifyStandardWebhook(signingKey: string, raw: Uint8Array, headers: Record<string, string | undefined>, nowS: number): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowS - Number(timestamp)) > TOLERANCE_S) return false;
  const expected = createHmac('sha256', keyBytes(signingKey)).update(`${id}.${timestamp}.`).update(raw).digest();
  return signatures.split(' ').some((entry) => {
    if (!entry.startsWith('v1,')) return false;
    const given = Buffer.from(entry.slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface Enrollment {
  type: string;
  data: { user: { id: string }; deviceIdentifier: string };
}

function isEnrollment(value: unknown): value is Enrollment {
  const data = (value as { data?: { user?: { id?: unknown }; deviceIdentifier?: unknown } } | null)?.data;
  return typeof data?.user?.id === 'string' && typeof data.deviceIdentifier === 'string';
}

/** Serves a receiver over `node:http`: POST any path delivers, GET /devices/:user/:device reads the count. */
export function nodeDoor(hook: Pick<EnrollmentHook, 'receive' | 'provisioned'>): EnrollmentHook['nodeHandler'] {
  return (req, res) => {
    const send = (reply: Reply) => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    const device = /^\/devices\/([^/]+)\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && device) {
      send({ status: 200, body: { provisions: hook.provisioned.get(`${decodeURIComponent(device[1]!)}:${decodeURIComponent(device[2]!)}`) ?? 0 } });
      return;
    }
    readRawBody(req).then(
      (raw) => send(hook.receive(raw, req.headers as Record<string, string | undefined>)),
      (error: unknown) => send(error instanceof BodyTooLargeError ? { status: 413, body: { error: 'too large' } } : { status: 400, body: { error: 'unreadable body' } }),
    );
  };
}

/** The enrollment hook done right. `now` (epoch ms) is injectable for tests. */
export function createEnrollmentHook(options: { signingKey: string; now?: () => number }): EnrollmentHook {
  const now = options.now ?? Date.now;
  const provisioned = new Map<string, number>();
  const seenMessages = new Set<string>();
  const receive = (raw: Uint8Array, headers: Record<string, string | undefined>): Reply => {
    if (!verifyStandardWebhook(options.signingKey, raw, headers, Math.floor(now() / 1000))) return { status: 401, body: { error: 'invalid signature' } };
    const messageId = headers['webhook-id']!;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      return { status: 400, body: { error: 'not JSON' } };
    }
    if (!isEnrollment(payload)) return { status: 400, body: { error: 'not an enrollment' } };
    // The same message again (a retry or a replay): already handled, say so, do nothing.
    if (seenMessages.has(messageId)) return { status: 200, body: { action: 'skip', reason: 'message already handled' } };
    seenMessages.add(messageId);
    const device = `${payload.data.user.id}:${payload.data.deviceIdentifier}`;
    if (provisioned.has(device)) return { status: 200, body: { action: 'skip', reason: 'device already provisioned' } };
    provisioned.set(device, 1);
    return { status: 200, body: { action: 'provision' } };
  };
  const hook = { receive, provisioned };
  return { ...hook, nodeHandler: nodeDoor(hook) };
}
