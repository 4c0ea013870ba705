/**
 * Logto version profiles, and what each rests on:
 * - `1.42`: the server code of logto-io/logto tag v1.42.0 and npm `@logto/schemas` 1.42.0.
 * - `1.43`: npm `@logto/schemas` 1.43.0 only (its types and table guards). logto-io/logto has no
 *   v1.43.0 tag to check the server code against, so 1.43 server behaviour is not modelled
 *   beyond what the 1.43.0 package shows (the `cimdClientId` user column, TrustedDevice events).
 * - `master`: 1.43 plus what logto-io/logto master (1fbc55441fd2) sends that 1.42 does not:
 *   a top-level `cimdClientId` in interaction payloads of CIMD clients (option `cimdClientId`).
 *
 * The user fields a payload carries are Logto's `userInfoSelectFields`
 * (packages/schemas/src/types/user.ts), in that order; 1.43 inserts `cimdClientId` before
 * `isSuspended` (../shared/contracts/logto.md §2.3).
 */
export const logtoVersions = ['1.42', '1.43', 'master'] as const;
export type LogtoVersion = (typeof logtoVersions)[number];

/** True for profiles that carry 1.43's additions (`1.43` and `master`). */
export function hasLogto143Fields(version: LogtoVersion): boolean {
  return version !== '1.42';
}

const fields142 = [
  'id',
  'username',
  'primaryEmail',
  'primaryPhone',
  'name',
  'avatar',
  'customData',
  'identities',
  'lastSignInAt',
  'createdAt',
  'updatedAt',
  'profile',
  'applicationId',
  'isSuspended',
] as const;

const fields143 = [...fields142.slice(0, 13), 'cimdClientId', 'isSuspended'] as const;

export type UserInfoField = (typeof fields143)[number];

/** `userInfoSelectFields` of a Logto version, in wire order. */
export function userInfoSelectFields(version: LogtoVersion): readonly UserInfoField[] {
  return hasLogto143Fields(version) ? fields143 : fields142;
}
