import { z } from 'zod';

/**
 * The new-user hook's contract as documented at dexie.org/docs/cloud/web-hooks
 * (../shared/contracts/dexie-cloud.md §0).
 */

/** Request body: `{"userId", "email"}`; `email` may be absent under custom authentication (inferred). */
export const dexieNewUserRequest = z
  .object({
    userId: z.string().min(1),
    email: z.string().optional(),
  })
  .strict();

/** `userData`: becomes the user's `data`; `displayName` names the user, `email` supplies a missing email. */
export const dexieUserData = z
  .object({
    displayName: z.string().optional(),
    email: z.string().optional(),
  })
  .catchall(z.json());

/** Reply body: `{ ok, action, userData? }`. */
export const dexieNewUserReply = z.object({
  ok: z.boolean(),
  action: z.enum(['reject', 'eval', 'prod']),
  userData: dexieUserData.optional(),
});

export type DexieNewUserReply = z.output<typeof dexieNewUserReply>;

/** The structured 403 body Dexie Cloud returns from `/token` when a policy refuses the login. */
export const dexiePolicyError = z
  .object({
    code: z.enum(['USER_NOT_REGISTERED', 'USER_NOT_ACCEPTED', 'NO_SEATS_AVAILABLE', 'USER_DEACTIVATED', 'WEBHOOK_ERROR']),
    message: z.string(),
  })
  .strict();

export const dexieContracts = {
  'new-user-request': dexieNewUserRequest,
  'new-user-reply': dexieNewUserReply,
  'policy-error': dexiePolicyError,
} satisfies Record<string, z.ZodType>;
