import { createHash } from 'node:crypto';
import { seededDraws } from '../../core/draws.js';
import { freeEmail, person } from '../../core/people.js';

/** Someone authenticating to a Dexie Cloud database for the first time (a type, so it is a JsonObject as it is). */
export type DexieActor = {
  email: string;
  /** Their name as an app would know it (not sent by Dexie Cloud; handy for `userData`). */
  name: string;
  /** The user id a custom authentication server assigns. */
  externalId: string;
}

/** A realistic new user from `seed` alone. */
export function createDexieActor(seed: number): DexieActor {
  const draws = seededDraws(seed, 1);
  const who = person(draws);
  return {
    email: freeEmail(draws, who),
    name: `${who.firstName} ${who.lastName}`,
    externalId: `usr_${draws.lowerAlnum(16)}`,
  };
}

/**
 * Dexie Cloud's opaque user id option hashes the email into a non-reversible id. The exact
 * function is not published; a SHA-256 hex digest stands in for it.
 */
export function opaqueUserId(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex');
}
