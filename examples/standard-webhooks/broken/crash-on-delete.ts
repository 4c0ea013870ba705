/**
 * Broken: reads the email of every event's user, but `user.deleted` carries only
 * `{ id, deleted, object }`: the hook throws and answers 500 to every deletion, and the sender
 * retries it for hours. The user-lifecycle scenario's `user.deleted` step fails with status 500.
 */
import { Webhook } from 'standardwebhooks';
import { nodeDoor, type StoredUser, type UserSyncHook } from '../user-sync.js';

export function createCrashOnDeleteHook(options: { signingKey: string }): UserSyncHook {
  const webhook = new Webhook(options.signingKey);
  const users = new Map<string, StoredUser>();
  const receive: UserSyncHook['receive'] = (raw, headers) => {
    let event: { type: string; data: { id: string; email_addresses: { email_address: string }[] } };
    try {
      event = webhook.verify(raw.toString('utf8'), headers) as typeof event;
    } catch {
      return { status: 401, body: { error: 'invalid signature' } };
    }
    try {
      // The mistake: every event is assumed to carry a full user.
      const email = event.data.email_addresses[0]!.email_address;
      if (event.type === 'user.deleted') users.delete(event.data.id);
      else users.set(event.data.id, { id: event.data.id, email });
      return { status: 200, body: { ok: true } };
    } catch (error) {
      return { status: 500, body: { error: (error as Error).message } };
    }
  };
  return { users, receive, nodeHandler: nodeDoor(receive) };
}
