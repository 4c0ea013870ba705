/**
 * Broken: inserts on `user.created` with a unique constraint and answers 409 when the user exists.
 * A retried delivery (the same webhook-id after a timeout the hook never saw) then fails, and keeps
 * failing on every retry. The duplicate-delivery scenario sees 409 on the second copy.
 */
import { Webhook } from 'standardwebhooks';
import { nodeDoor, type StoredUser, type UserSyncHook } from '../user-sync.js';

export function createConflictOnRetryHook(options: { signingKey: string }): UserSyncHook {
  const webhook = new Webhook(options.signingKey);
  const users = new Map<string, StoredUser>();
  const receive: UserSyncHook['receive'] = (raw, headers) => {
    let event: { type: string; data: { id: string } };
    try {
      event = webhook.verify(raw.toString('utf8'), headers) as typeof event;
    } catch {
      return { status: 401, body: { error: 'invalid signature' } };
    }
    if (event.type === 'user.created') {
      // The mistake: no webhook-id dedupe, and an existing row is treated as an error.
      if (users.has(event.data.id)) return { status: 409, body: { error: 'user exists' } };
      users.set(event.data.id, { id: event.data.id });
    }
    if (event.type === 'user.deleted') users.delete(event.data.id);
    return { status: 200, body: { ok: true } };
  };
  return { users, receive, nodeHandler: nodeDoor(receive) };
}
