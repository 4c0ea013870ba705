import { isJsonObject } from './json.js';

/** What a file holds at `path` (undefined when the path leads nowhere), for error messages. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) node = isJsonObject(node) || Array.isArray(node) ? (node as never)[segment as never] : undefined;
  return node;
}

/** A value as a file's reader would name it: `nothing`, `null`, `a list`, `a mapping`, `string "x"`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
