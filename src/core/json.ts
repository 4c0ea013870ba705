import { UsageError } from './errors.js';

/** Any value JSON can carry. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. Key order is significant to hooksim: it is the order on the wire. */
export type JsonObject = { [key: string]: JsonValue };

/** Marker value for an override that removes a key (`--unset`). */
export const REMOVE: unique symbol = Symbol('hooksim.remove');
/** What an override may set: a JSON value, or {@link REMOVE}. */
export type OverrideValue = JsonValue | typeof REMOVE;
/** Dotted path → value. Applied in insertion order. */
export type Overrides = Record<string, OverrideValue>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits `a.b.0.c` into segments. `[n]` is accepted as well as `.n`, and `["key.with.dots"]`
 * (or single quotes) names a key containing dots, such as an email.
 */
export function splitPath(path: string): string[] {
  const segments: string[] = [];
  const pattern = /\[(?:"([^"]*)"|'([^']*)'|(\d+))\]|([^.[\]]+)|(\.)/gy;
  let expectSegment = true;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(path)) !== null) {
    consumed = pattern.lastIndex;
    if (match[5] !== undefined) {
      if (expectSegment) break;
      expectSegment = true;
      continue;
    }
    segments.push(match[1] ?? match[2] ?? match[3] ?? match[4]!);
    expectSegment = false;
  }
  if (path === '' || consumed !== path.length || expectSegment || segments.some((segment) => segment === '')) {
    throw new UsageError(`invalid path "${path}": use dotted keys such as user.primaryEmail, or users["a@b.test"].type for keys with dots`);
  }
  // Assigning these would change an object's prototype instead of adding a key: the override
  // would vanish silently. No provider payload has such keys.
  const reserved = segments.find((segment) => segment === '__proto__' || segment === 'constructor' || segment === 'prototype');
  if (reserved) throw new UsageError(`invalid path "${path}": "${reserved}" cannot be used as a key`);
  return segments;
}

/**
 * Returns a copy of `target` with `value` at `path`. An existing key keeps its position (the
 * wire order stays the provider's); a new key is appended, as JavaScript would append it.
 * Missing intermediate objects are created.
 */
export function setPath(target: JsonObject, path: string, value: OverrideValue): JsonObject {
  const segments = splitPath(path);
  return setIn(target, segments, value, path) as JsonObject;
}

function setIn(node: JsonValue | undefined, segments: string[], value: OverrideValue, path: string): JsonValue | undefined {
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(node)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0) {
      throw new UsageError(`cannot set "${path}": "${head}" is not an index of an array`);
    }
    const copy = [...node];
    if (rest.length === 0) {
      if (value === REMOVE) copy.splice(index, 1);
      else copy[index] = value;
    } else {
      copy[index] = setIn(copy[index], rest, value, path) as JsonValue;
    }
    return copy;
  }
  if (node !== undefined && node !== null && !isJsonObject(node)) {
    throw new UsageError(`cannot set "${path}": "${head}" is inside a ${typeof node}, not an object`);
  }
  const copy: JsonObject = { ...(node ?? {}) };
  if (rest.length === 0) {
    if (value === REMOVE) delete copy[head];
    else copy[head] = value;
  } else {
    const child = setIn(copy[head], rest, value, path);
    if (child !== undefined) copy[head] = child;
  }
  return copy;
}

/** Applies every override in order. */
export function applyOverrides(target: JsonObject, overrides: Overrides | undefined): JsonObject {
  let result = target;
  for (const [path, value] of Object.entries(overrides ?? {})) result = setPath(result, path, value);
  return result;
}

/** Reads the value at a dotted path, or undefined. */
export function getPath(target: unknown, path: string): unknown {
  let node: unknown = target;
  for (const segment of splitPath(path)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isJsonObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Parses one `path=value` assignment as the CLI takes it: the value is JSON when it parses as
 * JSON (`42`, `true`, `null`, `{"a":1}`), otherwise the literal string.
 */
export function parseAssignment(text: string): [string, JsonValue] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`invalid --set "${text}": expected path=value, e.g. user.primaryEmail=a@b.test`);
  const path = text.slice(0, eq).trim();
  splitPath(path);
  return [path, parseLooseJson(text.slice(eq + 1))];
}

/** JSON when it parses, else the string itself. */
export function parseLooseJson(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}
