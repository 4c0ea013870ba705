import type { JsonValue } from '../core/json.js';

/** How to write a JSON value differently from `JSON.stringify` while keeping the same value. */
export interface Encoding {
  /** Pretty-print with this many spaces. */
  indent?: number;
  /** Write every non-ASCII character and `/` as a `\uXXXX` escape. */
  escapeAll?: boolean;
  /** Write integers as `1.0`. */
  pointZero?: boolean;
}

function encodeString(text: string, escapeAll: boolean): string {
  const plain = JSON.stringify(text);
  if (!escapeAll) return plain;
  return plain.replace(/[^\x20-\x7e]|\//g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Serialises `value` with `encoding`; key order is the object's own (integer-like keys included:
 * pass entries through {@link encodeEntries} to put them elsewhere). `JSON.parse` of the output
 * equals `JSON.parse(JSON.stringify(value))`.
 */
export function encodeJson(value: JsonValue, encoding: Encoding, depth = 0): string {
  return encodeEntries(value, encoding, depth);
}

/** Like {@link encodeJson}, but objects may be given as entry arrays (`{ $entries: [[k, v]] }`) to fix key order. */
export function encodeEntries(value: unknown, encoding: Encoding, depth = 0): string {
  const pad = encoding.indent ? `\n${' '.repeat(encoding.indent * (depth + 1))}` : '';
  const close = encoding.indent ? `\n${' '.repeat(encoding.indent * depth)}` : '';
  const colon = encoding.indent ? ': ' : ':';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return encoding.pointZero && Number.isInteger(value) && Math.abs(value) < 1e21 ? `${value}.0` : JSON.stringify(value);
  if (typeof value === 'string') return encodeString(value, encoding.escapeAll ?? false);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => pad + encodeEntries(item, encoding, depth + 1)).join(',')}${close}]`;
  }
  const entries: [string, unknown][] = isOrdered(value) ? value.$entries : Object.entries(value as object);
  if (entries.length === 0) return '{}';
  return `{${entries.map(([key, item]) => `${pad}${encodeString(key, encoding.escapeAll ?? false)}${colon}${encodeEntries(item, encoding, depth + 1)}`).join(',')}${close}}`;
}

/** An object whose key order is given explicitly (JS objects put integer-like keys first). */
export interface OrderedObject {
  $entries: [string, unknown][];
}

function isOrdered(value: unknown): value is OrderedObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as OrderedObject).$entries);
}
