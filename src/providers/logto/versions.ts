/**
 * Logto version profiles. The user fields a payload carries are Logto's `userInfoSelectFields`
 * (packages/schemas/src/types/user.ts), in that order; 1.43 inserts `cimdClientId` before
 * `isSuspended` (../shared/contracts/logto.md §2.3).
 */
export const logtoVersions = ['1.42', '1.43'] as const;
export type LogtoVersion = (typeof logtoVersions)[number];

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
  return version === '1.43' ? fields143 : fields142;
}
