import { generateMersenne53Randomizer } from '@faker-js/faker';
import { describe, expect, test } from 'vitest';
import { mersenne53 } from '../../src/core/mersenne.js';
import { seededFaker, withSeededFakers } from '../../src/core/random.js';

/** Draws of faker's own default randomizer, for comparison. */
function fakerDraws(seed: number | number[], count: number): number[] {
  const reference = generateMersenne53Randomizer();
  reference.seed(seed);
  return Array.from({ length: count }, () => reference.next());
}

describe('the fast Mersenne Twister draws what faker draws', () => {
  // Seeds as hooksim passes them ([seed, stream]), plain numbers, huge and fractional values, a
  // key longer than the state (624 words), and enough draws to cross two state regenerations.
  const seeds: (number | number[])[] = [[1, 0], [0, 3], [4294967295, 2], [2 ** 40, 1], [7, 30], 0, 1, 5489, 2 ** 40, 1.5, -3, Array.from({ length: 700 }, (_, i) => i * 7919)];
  test.each(seeds.map((seed) => [JSON.stringify(seed).slice(0, 40), seed] as const))('seed %s: 1,400 draws equal', (_, seed) => {
    const fast = mersenne53(seed);
    expect(Array.from({ length: 1400 }, () => fast.next())).toEqual(fakerDraws(seed, 1400));
  });

  test('re-seeding mid-stream starts over, as faker does', () => {
    const fast = mersenne53([9, 9]);
    for (let i = 0; i < 50; i++) fast.next();
    fast.seed([3, 1]);
    expect(Array.from({ length: 10 }, () => fast.next())).toEqual(fakerDraws([3, 1], 10));
  });

  test('a different seed gives different draws (the comparison can fail)', () => {
    expect(Array.from({ length: 5 }, mersenne53([1, 0]).next)).not.toEqual(fakerDraws([1, 1], 5));
  });
});

describe('seededFaker', () => {
  test('the same seed and stream give the same values, inside and outside a pooled scope', () => {
    const outside = seededFaker(42, 1).person.fullName();
    const inside = withSeededFakers(() => seededFaker(42, 1).person.fullName());
    expect(inside).toBe(outside);
    expect(seededFaker(42, 2).person.fullName()).not.toBe(outside);
  });

  test('instances lent in one scope are distinct while it runs, and reused by the next scope', () => {
    let first: unknown[] = [];
    withSeededFakers(() => {
      const a = seededFaker(1, 1);
      const b = seededFaker(1, 2);
      expect(a).not.toBe(b);
      // Drawing from b does not move a: each is its own generator.
      const expected = seededFaker(1, 1).number.int();
      b.number.int();
      expect(a.number.int()).toBe(expected);
      first = [a, b];
    });
    const again = withSeededFakers(() => [seededFaker(5, 1), seededFaker(5, 2), seededFaker(5, 3)]);
    expect(again.filter((faker) => first.includes(faker))).toHaveLength(2);
  });

  test('outside a scope each call builds its own instance (callers may keep it across awaits)', () => {
    expect(seededFaker(1, 1)).not.toBe(seededFaker(1, 1));
  });
});
