import type { JsonObject } from '../../core/json.js';
import type { EventDefinition } from '../types.js';
import { opaqueUserId, type DexieActor } from './identity.js';

/** The one hook Dexie Cloud calls: the first authentication of a user in a database. */
export const dexieEvents: readonly EventDefinition[] = [
  {
    name: 'new-user',
    summary: 'A user authenticated for the first time in this database',
    variants: [
      { name: 'otp', summary: 'Built-in email OTP: userId is the email (the docs\' default)' },
      { name: 'opaque-id', summary: 'OAuth with opaque user ids: userId is a hash, email separate' },
      { name: 'custom-auth', summary: 'Custom authentication: userId from your server, no email (inferred)' },
    ],
  },
];

/** `{"userId", "email"}` for the variant, in that key order. */
export function newUserPayload(actor: DexieActor, variant: string): JsonObject {
  switch (variant) {
    case 'opaque-id':
      return { userId: opaqueUserId(actor.email), email: actor.email };
    case 'custom-auth':
      // The email is not known at authentication; the hook may supply it as userData.email.
      return { userId: actor.externalId };
    default:
      return { userId: actor.email, email: actor.email };
  }
}
