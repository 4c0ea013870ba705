// Every matcher keyword of a scenario's `expect.body/headers/outcome/state`, each with a value
// that passes and one that fails, and the text reports show for it.
import { describe, expect, it } from 'vitest';
import { isMatcher, matchValue, show } from '../../src/scenarios/matchers.js';

describe('isMatcher', () => {
  it('is a matcher when an object has a matcher keyword', () => {
    expect(isMatcher({ type: 'string' })).toBe(true);
    expect(isMatcher({ note: 1, min: 2 })).toBe(true);
  });

  it('is a literal when the object has no matcher keyword, or is not an object', () => {
    expect(isMatcher({ login: 'accepted' })).toBe(false);
    expect(isMatcher({})).toBe(false);
    expect(isMatcher(['type'])).toBe(false);
    expect(isMatcher('type')).toBe(false);
    expect(isMatcher(null)).toBe(false);
  });
});

describe('show', () => {
  it('says an absent value is absent', () => {
    expect(show(undefined)).toBe('nothing (absent)');
  });

  it('shows values as JSON', () => {
    expect(show('a')).toBe('"a"');
    expect(show({ a: [1, null] })).toBe('{"a":[1,null]}');
  });

  it('cuts values longer than 200 characters', () => {
    const exact = 'x'.repeat(198); // 200 characters with its quotes
    expect(show(exact)).toBe(`"${exact}"`);
    const long = 'y'.repeat(199);
    expect(show(long)).toBe(`"${long}`.slice(0, 200) + '…');
    expect(show(long)).toHaveLength(201);
  });
});

describe('literal values', () => {
  it('passes on a deeply equal value', () => {
    expect(matchValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual({ pass: true, expected: '{"a":[1,{"b":2}]}' });
  });

  it('fails on a different value, a subset, or a different type', () => {
    expect(matchValue({ a: 1, b: 2 }, { a: 1 })).toEqual({ pass: false, expected: '{"a":1}' });
    expect(matchValue('1', 1)).toEqual({ pass: false, expected: '1' });
    expect(matchValue(undefined, null).pass).toBe(false);
  });
});

describe('equals', () => {
  it('passes on a deeply equal value', () => {
    expect(matchValue({ x: [1] }, { equals: { x: [1] } })).toEqual({ pass: true, expected: '{"x":[1]}' });
  });
  it('fails on another value', () => {
    expect(matchValue({ x: [2] }, { equals: { x: [1] } })).toEqual({ pass: false, expected: '{"x":[1]}' });
  });
});

describe('oneOf', () => {
  it('passes when the value equals one option', () => {
    expect(matchValue('prod', { oneOf: ['eval', 'prod'] })).toEqual({ pass: true, expected: 'one of "eval", "prod"' });
    expect(matchValue({ a: 1 }, { oneOf: [{ a: 1 }] }).pass).toBe(true);
  });
  it('fails when it equals none', () => {
    expect(matchValue('reject', { oneOf: ['eval', 'prod'] })).toEqual({ pass: false, expected: 'one of "eval", "prod"' });
  });
});

describe('matches', () => {
  it('passes on a string matching the pattern', () => {
    expect(matchValue('user_42', { matches: '^user_\\d+$' })).toEqual({ pass: true, expected: 'a string matching /^user_\\d+$/' });
  });
  it('fails on a string that does not match', () => {
    expect(matchValue('admin', { matches: '^user_\\d+$' })).toEqual({ pass: false, expected: 'a string matching /^user_\\d+$/' });
  });
  it('fails on a non-string, even when its text would match', () => {
    expect(matchValue(42, { matches: '42' }).pass).toBe(false);
    expect(matchValue(undefined, { matches: '' }).pass).toBe(false);
  });
});

describe('exists', () => {
  it('exists: true passes on any present value (also null, false, 0) and fails when absent', () => {
    expect(matchValue(null, { exists: true })).toEqual({ pass: true, expected: 'present' });
    expect(matchValue(0, { exists: true }).pass).toBe(true);
    expect(matchValue(undefined, { exists: true })).toEqual({ pass: false, expected: 'present' });
  });
  it('exists: false passes when absent and fails on a present value', () => {
    expect(matchValue(undefined, { exists: false })).toEqual({ pass: true, expected: 'absent' });
    expect(matchValue(false, { exists: false })).toEqual({ pass: false, expected: 'absent' });
  });
});

describe('type', () => {
  const cases: [unknown, string][] = [
    ['text', 'string'],
    [1.5, 'number'],
    [3, 'integer'],
    [true, 'boolean'],
    [null, 'null'],
    [{ a: 1 }, 'object'],
    [[1], 'array'],
  ];
  it.each(cases)('%j is of type %s', (value, type) => {
    expect(matchValue(value, { type })).toEqual({ pass: true, expected: `a value of type ${type}` });
  });

  it('an integer is also a number, a fraction is not an integer', () => {
    expect(matchValue(3, { type: 'number' }).pass).toBe(true);
    expect(matchValue(1.5, { type: 'integer' })).toEqual({ pass: false, expected: 'a value of type integer' });
  });

  it('fails on another type', () => {
    expect(matchValue('3', { type: 'number' })).toEqual({ pass: false, expected: 'a value of type number' });
    expect(matchValue(null, { type: 'object' }).pass).toBe(false);
    expect(matchValue([1], { type: 'object' }).pass).toBe(false);
    expect(matchValue({}, { type: 'array' }).pass).toBe(false);
    expect(matchValue(undefined, { type: 'null' }).pass).toBe(false);
    expect(matchValue(true, { type: 'string' }).pass).toBe(false);
    expect(matchValue(3, { type: 'string' }).pass).toBe(false);
    expect(matchValue(3, { type: 'boolean' })).toEqual({ pass: false, expected: 'a value of type boolean' });
  });
});

describe('min and max', () => {
  it('min passes at and above the bound, fails below it and on non-numbers', () => {
    expect(matchValue(5, { min: 5 })).toEqual({ pass: true, expected: 'a number >= 5' });
    expect(matchValue(6, { min: 5 }).pass).toBe(true);
    expect(matchValue(4.9, { min: 5 })).toEqual({ pass: false, expected: 'a number >= 5' });
    expect(matchValue('9', { min: 5 }).pass).toBe(false);
  });
  it('max passes at and below the bound, fails above it and on non-numbers', () => {
    expect(matchValue(5, { max: 5 })).toEqual({ pass: true, expected: 'a number <= 5' });
    expect(matchValue(4, { max: 5 }).pass).toBe(true);
    expect(matchValue(5.1, { max: 5 })).toEqual({ pass: false, expected: 'a number <= 5' });
    expect(matchValue('1', { max: 5 }).pass).toBe(false);
  });
});

describe('contains', () => {
  it('a string contains a substring', () => {
    expect(matchValue('hello world', { contains: 'lo w' })).toEqual({ pass: true, expected: 'something containing "lo w"' });
    expect(matchValue('hello', { contains: 'world' })).toEqual({ pass: false, expected: 'something containing "world"' });
  });

  it('a list contains an equal element, or an object element with the given subset', () => {
    expect(matchValue(['a', 'b'], { contains: 'b' }).pass).toBe(true);
    expect(matchValue([[1, 2]], { contains: [1, 2] }).pass).toBe(true);
    expect(matchValue([{ id: 1, name: 'x' }], { contains: { id: 1 } }).pass).toBe(true);
    expect(matchValue(['ab'], { contains: 'a' }).pass).toBe(false);
    expect(matchValue([{ id: 2 }], { contains: { id: 1 } }).pass).toBe(false);
    expect(matchValue([[1, 2, 3]], { contains: [1, 2] }).pass).toBe(false);
    expect(matchValue([], { contains: 'a' }).pass).toBe(false);
  });

  it('an object contains a subset, deeply', () => {
    const user = { id: 'u1', data: { plan: 'pro', tags: ['a', 'b'] } };
    expect(matchValue(user, { contains: { data: { plan: 'pro' } } }).pass).toBe(true);
    expect(matchValue(user, { contains: { data: { tags: ['a', 'b'] } } }).pass).toBe(true);
    expect(matchValue(user, { contains: { data: { tags: 'a' } } }).pass).toBe(true);
    expect(matchValue(user, { contains: { data: { plan: 'free' } } }).pass).toBe(false);
    expect(matchValue(user, { contains: { missing: 1 } }).pass).toBe(false);
    expect(matchValue(user, { contains: { id: 'u1', data: { plan: 'free' } } }).pass).toBe(false);
    expect(matchValue(user, { contains: { id: 'u1', data: { plan: 'pro' } } }).pass).toBe(true);
  });

  it('other combinations do not contain', () => {
    expect(matchValue(123, { contains: 2 }).pass).toBe(false);
    expect(matchValue({ a: 1 }, { contains: 'a' }).pass).toBe(false);
    expect(matchValue('a', { contains: { a: 1 } }).pass).toBe(false);
    expect(matchValue(undefined, { contains: 'a' }).pass).toBe(false);
  });
});

describe('several keywords', () => {
  it('pass only when every keyword holds, and say all of them', () => {
    const spec = { type: 'integer', min: 1, max: 3 };
    expect(matchValue(2, spec)).toEqual({ pass: true, expected: 'a value of type integer and a number >= 1 and a number <= 3' });
    expect(matchValue(4, spec).pass).toBe(false);
    expect(matchValue(0, spec).pass).toBe(false);
    expect(matchValue(1.5, spec).pass).toBe(false);
  });
});
