import { createHash } from 'node:crypto';
import { lowerAlnum, seededFaker, withSeededFakers } from '../../core/random.js';

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
  return withSeededFakers(() => drawDexieActor(seed));
}

function drawDexieActor(seed: number): DexieActor {
  const faker = seededFaker(seed, 1);
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  return {
    email: faker.internet.email({ firstName, lastName }).toLowerCase(),
    name: `${firstName} ${lastName}`,
    externalId: `usr_${lowerAlnum(faker, 16)}`,
  };
}

/**
 * Dexie Cloud's opaque user id option hashes the email into a non-reversible id. The exact
 * function is not published; a SHA-256 hex digest stands in for it.
 */
export function opaqueUserId(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex');
}
