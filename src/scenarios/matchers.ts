import { isDeepStrictEqual } from 'node:util';
import { isJsonObject, type JsonValue } from '../core/json.js';
import { matcherKeys, type MatcherSpec } from './schema.js';

/** The result of matching one value. `expected` describes the expectation for reports. */
export interface MatchResult {
  pass: boolean;
  expected: string;
}

/** True when `spec` is a matcher object (`{ matches: ... }`) rather than a literal to compare. */
export function isMatcher(spec: unknown): spec is MatcherSpec {
  return isJsonObject(spec) && Object.keys(spec).some((key) => (matcherKeys as readonly string[]).includes(key));
}

/** A value as reports show it. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing (absent)';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** `actual` contains `part`: substring, array element (deep), or object subset (deep). */
function contains(actual: unknown, part: JsonValue): boolean {
  if (typeof actual === 'string' && typeof part === 'string') return actual.includes(part);
  if (Array.isArray(actual)) return actual.some((item) => isDeepStrictEqual(item, part) || (isJsonObject(part) && contains(item, part)));
  if (isJsonObject(actual) && isJsonObject(part)) {
    return Object.entries(part).every(([key, value]) => isDeepStrictEqual(actual[key], value) || contains(actual[key], value));
  }
  return false;
}

/** Checks one matcher keyword. */
function check(key: keyof MatcherSpec, spec: MatcherSpec, actual: unknown): MatchResult {
  switch (key) {
    case 'equals':
      return { pass: isDeepStrictEqual(actual, spec.equals), expected: show(spec.equals) };
    case 'oneOf':
      return { pass: spec.oneOf!.some((option) => isDeepStrictEqual(actual, option)), expected: `one of ${spec.oneOf!.map(show).join(', ')}` };
    case 'matches':
      return { pass: typeof actual === 'string' && new RegExp(spec.matches!).test(actual), expected: `a string matching /${spec.matches}/` };
    case 'exists':
      return { pass: spec.exists ? actual !== undefined : actual === undefined, expected: spec.exists ? 'present' : 'absent' };
    case 'type': {
      const actualType = typeOf(actual);
      const pass = actualType === spec.type || (spec.type === 'number' && actualType === 'integer');
      return { pass, expected: `a value of type ${spec.type}` };
    }
    case 'min':
      return { pass: typeof actual === 'number' && actual >= spec.min!, expected: `a number >= ${spec.min}` };
    case 'max':
      return { pass: typeof actual === 'number' && actual <= spec.max!, expected: `a number <= ${spec.max}` };
    case 'contains':
      return { pass: contains(actual, spec.contains!), expected: `something containing ${show(spec.contains)}` };
  }
}

/**
 * Matches `actual` against a literal (deep equality) or a matcher object whose keywords must all
 * hold (`{ type: number, min: 1 }`).
 */
export function matchValue(actual: unknown, spec: JsonValue): MatchResult {
  if (!isMatcher(spec)) return { pass: isDeepStrictEqual(actual, spec), expected: show(spec) };
  const results = (Object.keys(spec) as (keyof MatcherSpec)[]).map((key) => check(key, spec, actual));
  return { pass: results.every((result) => result.pass), expected: results.map((result) => result.expected).join(' and ') };
}
