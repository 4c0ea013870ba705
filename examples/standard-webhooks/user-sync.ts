/**
 * A Clerk-style user sync over Standard Webhooks, done right:
 * - verification by the `standardwebhooks` library over the raw body bytes (it checks the
 *   signature, any `v1,` entry, and that webhook-timestamp is within 5 minutes); 401 otherwise;
 * - `webhook-id` dedupe: a retried or replayed message is answered 200 and not applied again;
 * - `user.created` for a user that already exists is not an error (the sender may retry after a
 *   timeout the hook never saw): 200, nothing changes;
 * - `user.deleted` carries only `{ id, deleted, object }`: nothing else is read from it;
 * - unknown event types are acknowledged with 200 (new types must not fail deliveries).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { readRawBody } from '../shared/read-body.js';

/** A user as this app stores it. */
export interface StoredUser {
  id: string;
  email?: string;
  firstName?: string;
}

/** The app's users, and the hook's doors. */
export interface UserSyncHook {
  users: Map<string, StoredUser>;
  /** Handles one delivery: exact bytes and the request headers (lowercase names). */
  receive(raw: Buffer, headers: Record<string, string>): { status: number; body: Record<string, unknown> };
  nodeHandler: (req: IncomingMessage, res: ServerResponse) => void;
}

interface UserEvent {
  type: string;
  data: { id: string; first_name?: string | null; email_addresses?: { email_address: string }[] };
}

/** Serves a receiver over `node:http` (POST, any path). */
export function nodeDoor(receive: UserSyncHook['receive']): UserSyncHook['nodeHandler'] {
  return (req, res) => {
    readRawBody(req).then(
      (raw) => {
        const reply = receive(raw, req.headers as Record<string, string>);
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      },
      () => res.writeHead(400).end(),
    );
  };
}

export function createUserSyncHook(options: { signingKey: string }): UserSyncHook {
  const webhook = new Webhook(options.signingKey);
  const users = new Map<string, StoredUser>();
  const seen = new Set<string>();
  const receive: UserSyncHook['receive'] = (raw, headers) => {
    let event: UserEvent;
    try {
      event = webhook.verify(raw.toString('utf8'), headers) as UserEvent;
    } catch {
      return { status: 401, body: { error: 'invalid signature' } };
    }
    const id = headers['webhook-id']!;
    if (seen.has(id)) return { status: 200, body: { duplicate: true } };
    seen.add(id);
    const user = event.data;
    if (event.type === 'user.created' || event.type === 'user.updated') {
      users.set(user.id, { id: user.id, email: user.email_addresses?.[0]?.email_address, firstName: user.first_name ?? undefined });
    } else if (event.type === 'user.deleted') {
      users.delete(user.id);
    }
    return { status: 200, body: { ok: true } };
  };
  return { users, receive, nodeHandler: nodeDoor(receive) };
}
