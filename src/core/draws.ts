/*
 * Seeded draws for building provider events, one cheap generator per stream.
 *
 * Why not a seeded Faker: faker's Mersenne Twister keeps 624 words of state and seeding it walks
 * all of them (several microseconds), and an event seeds a few streams (identity, event details,
 * hook id). The generator here is sfc32 (Doty-Humphrey's "small fast counting" generator, 128
 * bits of state, passes PractRand): seeding is a hash of the seed and the stream plus a few
 * warm-up rounds, so a stream costs about as much as an object literal. Every step is 32-bit
 * integer arithmetic: the same seed gives the same draws on every platform and Node version.
 */

const TWO_POW_32 = 4294967296;
/** 2^-53: turns a 53-bit integer into a float in [0, 1). */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Warm-up rounds after seeding, so that nearby seeds have diverged before the first draw. */
const WARM_UP = 12;

/**
 * A seeded stream of random values. `stream` separates independent sequences drawn from one
 * seed (an actor's identity vs. an event's details), so adding a draw to one never shifts the
 * other. The same `(seed, stream)` always gives the same sequence.
 */
export class Draws {
  /**
   * sfc32's words a, b, c and the counter. In an Int32Array rather than fields: V8 boxes a field
   * holding a 32-bit value beyond the small-integer range, so every step would allocate.
   */
  private readonly state = new Int32Array(4);

  constructor(seed: number, stream = 0) {
    // Seeds are any number: the low and high 32 bits both count (seed 1 and 2^32 + 1 differ).
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) | 0;
    const state = this.state;
    state[0] = mix32(low ^ 0x9e3779b9);
    state[1] = mix32(high ^ mix32(stream + 0x7f4a7c15));
    state[2] = mix32(state[0] ^ state[1] ^ 0x6a09e667);
    state[3] = 1;
    for (let i = 0; i < WARM_UP; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer (one sfc32 step). */
  u32(): number {
    const state = this.state;
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const counter = state[3]!;
    const t = (((a + b) | 0) + counter) | 0;
    state[3] = counter + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  }

  /** A float in [0, 1) with 53 random bits. */
  float(): number {
    const high = this.u32() >>> 5;
    const low = this.u32() >>> 6;
    return (high * 67108864 + low) * TWO_POW_MINUS_53;
  }

  /** An integer in `[0, count)`; `count` a positive integer. */
  below(count: number): number {
    // Up to 2^32 outcomes one word is enough (u32 / 2^32 is exact and stays below 1 after
    // scaling); beyond, 53 bits (millisecond offsets of a year or more).
    return Math.floor((count <= TWO_POW_32 ? this.u32() / TWO_POW_32 : this.float()) * count);
  }

  /** An integer in `[min, max]`, both included. */
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  /** `count` distinct elements of `items` (positions distinct), in draw order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    for (let i = 0; i < count && i < pool.length; i++) {
      const j = i + this.below(pool.length - i);
      const chosen = pool[j]!;
      pool[j] = pool[i]!;
      out.push(chosen);
    }
    return out;
  }

  /** `length` characters of `alphabet`, each drawn uniformly. */
  chars(length: number, alphabet: string): string {
    // Char codes into a reused array, then one flat string: concatenating char by char makes a
    // chain of `length` string objects that JSON.stringify then has to flatten.
    const codes = charCodes(alphabet);
    const scratch = scratchOfLength(length);
    for (let i = 0; i < length; i++) scratch[i] = codes[this.below(codes.length)]!;
    return String.fromCharCode.apply(null, scratch);
  }

  /** Lowercase alphanumerics, as Logto's `generateStandardId`/`generateStandardShortId` produce. */
  lowerAlnum(length: number): string {
    return this.chars(length, LOWER_ALNUM);
  }

  /** Mixed-case alphanumerics (nanoid-like ids without `_`/`-`). */
  mixedAlnum(length: number): string {
    return this.chars(length, MIXED_ALNUM);
  }

  /** Decimal digits (phone number tails). */
  digits(length: number): string {
    return this.chars(length, DIGITS);
  }
}

/** The char codes of each alphabet in use. */
const codesByAlphabet = new Map<string, readonly number[]>();

function charCodes(alphabet: string): readonly number[] {
  let codes = codesByAlphabet.get(alphabet);
  if (!codes) {
    codes = Array.from(alphabet, (char) => char.charCodeAt(0));
    codesByAlphabet.set(alphabet, codes);
  }
  return codes;
}

/**
 * One scratch array per id length. Drawing is synchronous and `chars` does not re-enter, so one
 * array per length is enough.
 */
const scratchByLength: number[][] = [];

function scratchOfLength(length: number): number[] {
  return (scratchByLength[length] ??= new Array<number>(length).fill(0));
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';

/** The draws of `stream` for `seed`. */
export function seededDraws(seed: number, stream = 0): Draws {
  return new Draws(seed, stream);
}
