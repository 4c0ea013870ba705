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
  return applyEntries(target, [[path, value]]);
}

/**
 * Applies every override in order, to a copy: `target` and the values set are never modified.
 * Linear in the number of overrides: each object on a path is copied once, the first time an
 * override reaches it, and later overrides write into that copy (copying the payload for each
 * key made 20,000 `set:` keys take minutes).
 */
export function applyOverrides(target: JsonObject, overrides: Overrides | undefined): JsonObject {
  const entries = Object.entries(overrides ?? {});
  return entries.length === 0 ? target : applyEntries(target, entries);
}

function applyEntries(target: JsonObject, entries: [string, OverrideValue][]): JsonObject {
  const owned = new WeakSet<object>();
  const own = <T extends JsonObject | JsonValue[]>(node: T): T => {
    if (owned.has(node)) return node;
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as T;
    owned.add(copy);
    return copy;
  };
  const root = own(target);
  for (const [path, value] of entries) setInPlace(root, splitPath(path), value, path, own);
  return root;
}

function setInPlace(
  root: JsonObject,
  segments: string[],
  value: OverrideValue,
  path: string,
  own: <T extends JsonObject | JsonValue[]>(node: T) => T,
): void {
  let node: JsonObject | JsonValue[] = root;
  for (let i = 0; i < segments.length; i++) {
    const head = segments[i]!;
    const last = i === segments.length - 1;
    let child: JsonValue | undefined;
    if (Array.isArray(node)) {
      const index = Number(head);
      if (!Number.isInteger(index) || index < 0) throw new UsageError(`cannot set "${path}": "${head}" is not an index of an array`);
      if (last) {
        if (value === REMOVE) node.splice(index, 1);
        else node[index] = value;
        return;
      }
      child = node[index];
      const next = descend(child, segments[i + 1]!, path, own);
      node[index] = next;
      node = next;
    } else {
      if (last) {
        if (value === REMOVE) delete node[head];
        else node[head] = value;
        return;
      }
      child = Object.hasOwn(node, head) ? node[head] : undefined;
      const next = descend(child, segments[i + 1]!, path, own);
      node[head] = next;
      node = next;
    }
  }
}

/** The writable container for the next segment: a copy of `child`, or a new object where there is none. */
function descend(
  child: JsonValue | undefined,
  next: string,
  path: string,
  own: <T extends JsonObject | JsonValue[]>(node: T) => T,
): JsonObject | JsonValue[] {
  if (child === undefined || child === null) return own({});
  if (typeof child !== 'object') throw new UsageError(`cannot set "${path}": "${next}" is inside a ${typeof child}, not an object`);
  return own(child);
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
