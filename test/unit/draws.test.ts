import { describe, expect, test } from 'vitest';
import { Draws, seededDraws } from '../../src/core/draws.js';
import { companyName, freeEmail, lastName, noun, person, username, verb } from '../../src/core/people.js';

const take = (draws: Draws, count: number) => Array.from({ length: count }, () => draws.u32());

describe('seeded draws', () => {
  test('the same seed and stream give the same sequence; another seed or stream another one', () => {
    expect(take(seededDraws(7, 1), 50)).toEqual(take(seededDraws(7, 1), 50));
    expect(take(seededDraws(8, 1), 50)).not.toEqual(take(seededDraws(7, 1), 50));
    expect(take(seededDraws(7, 2), 50)).not.toEqual(take(seededDraws(7, 1), 50));
    // The high word of a seed counts too.
    expect(take(seededDraws(2 ** 32 + 7, 1), 5)).not.toEqual(take(seededDraws(7, 1), 5));
  });

  test('the sequence of a seed is pinned: changing the generator changes every golden output', () => {
    // sfc32 after seeding (seed 1, stream 0): recorded once; update only with a deliberate regeneration.
    expect(take(seededDraws(1), 4)).toEqual(PINNED_SEED_1);
  });

  test('neighbouring seeds do not start alike (the warm-up mixes them)', () => {
    const firsts = new Set(Array.from({ length: 1000 }, (_, seed) => seededDraws(seed, 3).u32()));
    expect(firsts.size).toBe(1000);
  });

  test('int covers both bounds and nothing outside', () => {
    const draws = seededDraws(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = draws.int(-2, 2);
      expect(value).toBeGreaterThanOrEqual(-2);
      expect(value).toBeLessThanOrEqual(2);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });

  test('ranges wider than 32 bits stay in range and use more than 2^32 values', () => {
    const draws = seededDraws(4);
    const max = 400 * 86_400_000;
    const values = Array.from({ length: 2000 }, () => draws.int(0, max));
    expect(values.every((value) => Number.isInteger(value) && value >= 0 && value <= max)).toBe(true);
    expect(values.some((value) => value > 2 ** 32)).toBe(true);
  });

  test('float is in [0, 1) and spread over it', () => {
    const draws = seededDraws(5);
    const values = Array.from({ length: 5000 }, () => draws.float());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  test('ids use only their alphabet, at the asked length, and every character of it', () => {
    const draws = seededDraws(6);
    const ids = Array.from({ length: 300 }, () => draws.lowerAlnum(21));
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{21}$/);
    expect(new Set(ids.join('')).size).toBe(36);
    expect(draws.mixedAlnum(64)).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(draws.digits(7)).toMatch(/^\d{7}$/);
    // Two lengths in a row do not share a buffer's leftovers.
    expect(draws.lowerAlnum(3)).toHaveLength(3);
  });

  test('sample picks distinct elements', () => {
    const draws = seededDraws(7);
    for (let i = 0; i < 200; i++) {
      const [a, b] = draws.sample([1, 2, 3], 2);
      expect(a).not.toBe(b);
    }
    expect(draws.sample([1, 2], 5)).toHaveLength(2);
  });
});

describe('people from the English word lists', () => {
  const many = Array.from({ length: 3000 }, (_, seed) => {
    const draws = seededDraws(seed, 1);
    const who = person(draws);
    return { who, username: username(draws, who), email: freeEmail(draws, who), company: companyName(draws) };
  });

  test('usernames match ^[A-Z_a-z]\\w*$ for every seed, names with apostrophes and double last names included', () => {
    for (const { username: name } of many) expect(name).toMatch(/^[A-Z_a-z]\w*$/);
    // The lists hold O'Hara-like names and one last name in twenty is double: both were drawn.
    expect(many.some(({ who }) => who.lastName.includes('-'))).toBe(true);
    expect(many.some(({ who }) => `${who.firstName}${who.lastName}`.includes("'"))).toBe(true);
  });

  test('emails are lowercase addresses at a free mail provider, built from the name', () => {
    for (const { who, email } of many) {
      expect(email).toMatch(/^[a-z][a-z0-9-]*[._][a-z0-9-]+@(gmail|yahoo|hotmail)\.com$/);
      expect(email.startsWith(who.firstName.toLowerCase().replaceAll("'", ''))).toBe(true);
    }
  });

  test('different seeds give different people (few repeats over 3,000 seeds)', () => {
    expect(new Set(many.map(({ email }) => email)).size).toBeGreaterThan(2950);
    expect(new Set(many.map(({ who }) => `${who.firstName} ${who.lastName}`)).size).toBeGreaterThan(2900);
  });

  test('company names, last names and words are drawn from the lists', () => {
    const companies = many.map(({ company }) => company);
    expect(companies.some((name) => / - /.test(name))).toBe(true);
    expect(companies.some((name) => /, .+ and /.test(name))).toBe(true);
    expect(companies.some((name) => / (Group|Inc|LLC|and Sons)$/.test(name))).toBe(true);
    const draws = seededDraws(9);
    expect(lastName(draws)).toMatch(/^[A-Z][A-Za-z' -]+$/);
    expect(noun(draws)).toMatch(/^[A-Za-z -]+$/);
    expect(verb(draws)).toMatch(/^[a-z]+$/);
  });
});

const PINNED_SEED_1 = [3406678224, 4277035773, 1023541225, 2458127828];
