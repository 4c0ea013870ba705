import { Faker, base, en } from '@faker-js/faker';

/**
 * A faker instance of its own, seeded: the same seed gives the same values, whatever else in
 * the process uses faker. `stream` separates independent draws (identity vs. event details), so
 * adding a field to one does not shift the values of the other.
 */
export function seededFaker(seed: number, stream = 0): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed([seed, stream]);
  return faker;
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters from `alphabet`, drawn from `faker`. */
export function randomString(faker: Faker, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[faker.number.int({ min: 0, max: alphabet.length - 1 })];
  return out;
}

/** Lowercase alphanumerics, as Logto's `generateStandardId`/`generateStandardShortId` produce. */
export const lowerAlnum = (faker: Faker, length: number): string => randomString(faker, length, LOWER_ALNUM);
/** Mixed-case alphanumerics (nanoid-like ids without `_`/`-`). */
export const mixedAlnum = (faker: Faker, length: number): string => randomString(faker, length, MIXED_ALNUM);

/** A seed derived from a user-given string (scenario names, actor names). FNV-1a, 32 bit. */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
