import type { Randomizer } from '@faker-js/faker';

/*
 * MT19937 as faker's default randomizer runs it (`generateMersenne53Randomizer`), on typed arrays.
 * Faker's own implementation seeds in ~100 µs (plain arrays of doubles); this one does the same
 * arithmetic in ~3 µs, so a seeded Faker can be re-seeded per event. The draws are identical:
 * every stored word is only ever read through 32-bit operations, so storing ToInt32 of the same
 * double expression (an Int32Array does that) changes nothing. test/unit/mersenne checks it
 * against faker's randomizer draw for draw.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

function initGenrand(state: Int32Array, seed: number): void {
  state[0] = seed;
  for (let i = 1; i < N; i++) {
    const prev = state[i - 1]! ^ (state[i - 1]! >>> 30);
    state[i] = Math.imul(1812433253, prev) + i;
  }
}

/** `init_genrand(19650218)`, where every array seeding starts: computed once. */
const ARRAY_SEED_BASE = new Int32Array(N);
initGenrand(ARRAY_SEED_BASE, 19650218);

function initByArray(state: Int32Array, key: readonly number[]): void {
  state.set(ARRAY_SEED_BASE);
  const length = key.length;
  // The reference loop, with its wrap-arounds unrolled: i runs 1..623 then wraps to 1 (word 0
  // takes word 623), j cycles over the key. Storing into the Int32Array truncates to 32 bits,
  // which is what faker's Math.trunc plus its later 32-bit reads amount to.
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, length); k !== 0; k--) {
    const prev = state[i - 1]! ^ (state[i - 1]! >>> 30);
    state[i] = (state[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j;
    if (++i === N) {
      state[0] = state[N - 1]!;
      i = 1;
    }
    if (++j >= length) j = 0;
  }
  for (let k = N - 1; k !== 0; k--) {
    const prev = state[i - 1]! ^ (state[i - 1]! >>> 30);
    state[i] = (state[i]! ^ Math.imul(prev, 1566083941)) - i;
    if (++i === N) {
      state[0] = state[N - 1]!;
      i = 1;
    }
  }
  state[0] = UPPER;
}

/**
 * The generation step for words `from` up to (excluding) `to`. The classic twist runs k = 0..623
 * in order and word k reads only words k, k+1 (not yet rewritten) and k+397 (mod 624, rewritten
 * only when k >= 227, i.e. before it is read): running it in slices, in order, gives the same words.
 * So an event that draws 40 words pays for 40, not 624.
 */
function twistRange(state: Int32Array, from: number, to: number): void {
  let k = from;
  for (; k < to && k < N - M; k++) {
    const y = (state[k]! & UPPER) | (state[k + 1]! & LOWER);
    state[k] = state[k + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; k < to && k < N - 1; k++) {
    const y = (state[k]! & UPPER) | (state[k + 1]! & LOWER);
    state[k] = state[k + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  if (k < to) {
    // k === N - 1: its successor is word 0, read here before the rewrite as the classic loop
    // reads it (word 0 is already rewritten by then, in both).
    const y = (state[N - 1]! & UPPER) | (state[0]! & LOWER);
    state[N - 1] = state[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
}

/**
 * A faker {@link Randomizer} drawing exactly what faker's default (53-bit Mersenne Twister)
 * draws for the same seed, with cheap seeding. Words are generated as they are drawn. `next`
 * and `seed` are closures (faker calls `next` detached from its object).
 */
export function mersenne53(initialSeed: number | number[] = 1): Randomizer {
  const state = new Int32Array(N);
  /** Next word to temper. */
  let index = 0;
  /** Words below this index are already generated for the current round. */
  let generated = 0;

  const nextU32 = (): number => {
    if (index >= generated) {
      // Generate ahead in slices of 32 words (a seeded event draws a few dozen).
      const to = Math.min(N, generated + 32);
      twistRange(state, generated, to);
      generated = to;
    }
    let y = state[index]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    if (++index >= N) {
      index = 0;
      generated = 0;
    }
    return y >>> 0;
  };

  const seed = (value: number | number[]): void => {
    if (typeof value === 'number') initGenrand(state, value);
    else initByArray(state, value);
    index = 0;
    generated = 0;
  };

  seed(initialSeed);
  return {
    /** A float in [0, 1) with 53 bits, as faker's `nextF53`. */
    next: () => {
      const a = nextU32() >>> 5;
      const b = nextU32() >>> 6;
      return (a * 67108864 + b) * 11102230246251565e-32;
    },
    seed,
  };
}
