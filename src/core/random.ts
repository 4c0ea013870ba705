import type { Faker, Randomizer } from '@faker-js/faker';
// The English entry alone: the package's main entry loads every locale (over a second on a cold start).
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { mersenne53 } from './mersenne.js';

const FakerClass = englishFaker.constructor as typeof Faker;
/** `[en, base]` merged once (what `new Faker({ locale: [en, base] })` merges on every construction). */
const ENGLISH = englishFaker.rawDefinitions;

/** The randomizer behind each Faker built here, for draws that skip faker's argument handling. */
const randomizers = new WeakMap<Faker, Randomizer>();

function newFaker(): Faker {
  const randomizer = mersenne53();
  const faker = new FakerClass({ locale: ENGLISH, randomizer });
  randomizers.set(faker, randomizer);
  return faker;
}

/*
 * Building a Faker costs ~0.2 ms (it binds every module's methods); seeding this one costs ~3 µs.
 * Builders that run synchronously to the end (one event, one actor) borrow instances inside
 * `withSeededFakers` and hand them back when it returns: no await can interleave, so no other
 * caller re-seeds an instance while it is lent. Outside such a scope `seededFaker` builds a new
 * instance, since the caller may keep it (scenario runs hold theirs across awaits).
 */
const spare: Faker[] = [];
const lent: Faker[] = [];
let depth = 0;

/**
 * Runs a synchronous builder in which {@link seededFaker} lends pooled instances instead of
 * building new ones. The instances go back to the pool when the outermost scope returns, so no
 * Faker obtained inside may outlive `build` (return plain data only).
 */
export function withSeededFakers<T>(build: () => T): T {
  depth++;
  try {
    return build();
  } finally {
    if (--depth === 0) {
      for (const faker of lent) spare.push(faker);
      lent.length = 0;
    }
  }
}

/**
 * A faker instance of its own, seeded: the same seed gives the same values, whatever else in
 * the process uses faker. `stream` separates independent draws (identity vs. event details), so
 * adding a field to one does not shift the values of the other. Inside {@link withSeededFakers}
 * the instance is pooled and valid until that scope ends.
 */
export function seededFaker(seed: number, stream = 0): Faker {
  let faker: Faker;
  if (depth > 0) {
    faker = spare.pop() ?? newFaker();
    lent.push(faker);
  } else {
    faker = newFaker();
  }
  faker.seed([seed, stream]);
  return faker;
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters from `alphabet`, drawn from `faker`. */
export function randomString(faker: Faker, length: number, alphabet: string): string {
  let out = '';
  const randomizer = randomizers.get(faker);
  if (randomizer) {
    // faker.number.int({ min: 0, max: n - 1 }) is floor(next() * n): the same draw, without
    // its option checks (ids are most of an event's draws).
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(randomizer.next() * alphabet.length)];
    return out;
  }
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
