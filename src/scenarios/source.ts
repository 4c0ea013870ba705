import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A place in a scenario file, 1-based, as editors show it. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** `file:line:column`. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** One thing wrong with a file, where it is. */
export interface SourceProblem {
  message: string;
  location: SourceLocation;
}

/** A parsed YAML/JSON document that can say where any value (or key) came from. */
export interface SourceDocument {
  file: string;
  /** The plain data (undefined when the text could not be read as data). */
  data: unknown;
  /** The first problem that kept the text from being data, if any. */
  syntaxError?: SourceProblem;
  /** Every such problem (syntax, duplicate keys, reserved keys, nesting, aliases), in file order. */
  problems: SourceProblem[];
  /** Where the value at `path` starts; with `key`, where that key of the object at `path` is written. */
  locate(path: readonly PropertyKey[], key?: string): SourceLocation;
}

/** Deeper than this, a scenario is not a story any more; and recursive code downstream stays safe. */
export const MAX_DEPTH = 64;

/** Alias expansions a file may make; a handful of nested aliases can otherwise expand to billions of nodes. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Keys that would change an object's prototype (or shadow its constructor) instead of adding a
 * key: dropped silently by a plain object, or failing only when the step runs. Refused where
 * they are written, also as a segment of a dotted path key (`user.__proto__.x`).
 */
const RESERVED_KEY = /(?:^|[.["'])(__proto__|constructor|prototype)(?:$|[.\]"'])/;

/** The reserved word a key (or dotted path) uses, if any. */
export function reservedKeyIn(key: string): string | undefined {
  return RESERVED_KEY.exec(key)?.[1];
}

const isStackOverflow = (error: unknown) => error instanceof RangeError || /Maximum call stack/.test(String((error as Error)?.message));

/**
 * Parses YAML (and JSON, a subset of it) keeping source positions. Only data comes out: no
 * custom tags, no code; a scenario file is never evaluated. Hostile text (alias bombs, deep
 * nesting, `__proto__` keys, duplicate keys) becomes positioned problems, never an exception.
 */
export function parseSource(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problems: SourceProblem[] = [];
  let doc: Document | undefined;
  try {
    // Duplicate keys are found in `inspect`: the parser's own check compares every pair of keys
    // (20,000 `set:` keys took 15 s).
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    for (const error of doc.errors) {
      const message = /Maximum call stack/.test(error.message)
        ? `nested too deeply: a scenario file may nest at most ${MAX_DEPTH} levels`
        : `invalid YAML: ${error.message.split('\n')[0]!}`;
      // One broken bracket can make thousands of errors: each message is said once, where it first occurs.
      if (!problems.some((problem) => problem.message === message)) problems.push({ message, location: at(error.pos[0]) });
    }
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    problems.push({ message: `nested too deeply: a scenario file may nest at most ${MAX_DEPTH} levels`, location: at(0) });
  }

  const locate = (path: readonly PropertyKey[], key?: string): SourceLocation => {
    // Walk as deep as the document goes; an unknown tail points at its nearest existing parent.
    let node: unknown = doc?.contents;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (child === undefined) break;
      node = child;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return at(keyNode.range[0]);
    }
    const range = (node as Node | null | undefined)?.range;
    return at(range ? range[0] : 0);
  };

  if (doc && problems.length === 0) problems.push(...inspect(doc.contents, at));
  let data: unknown;
  if (doc && problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (error instanceof ReferenceError && /alias/i.test(error.message)) {
        problems.push({
          message: `too many YAML alias expansions (an alias bomb?): a scenario file may expand aliases at most ${MAX_ALIAS_COUNT} times`,
          location: firstAlias(doc.contents, at),
        });
      } else if (isStackOverflow(error)) {
        problems.push({ message: `nested too deeply: a scenario file may nest at most ${MAX_DEPTH} levels`, location: at(0) });
      } else {
        throw error;
      }
    }
  }
  problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  return { file, data, ...(problems.length ? { syntaxError: problems[0]! } : {}), problems, locate };
}

/** Duplicate and reserved keys and nesting depth, walked without recursion (the input may be arbitrarily deep). */
function inspect(root: unknown, at: (offset: number) => SourceLocation): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  let tooDeep = false;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DEPTH) {
      if (!tooDeep) problems.push({ message: `nested too deeply: a scenario file may nest at most ${MAX_DEPTH} levels`, location: at((node as Node).range?.[0] ?? 0) });
      tooDeep = true;
      continue;
    }
    const seen = new Set<string>();
    for (const item of node.items) {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          if (seen.has(name)) problems.push({ message: `invalid YAML: Map keys must be unique ("${name}" is given twice)`, location: at(pair.key.range?.[0] ?? 0) });
          seen.add(name);
          const reserved = reservedKeyIn(String(pair.key.value));
          if (reserved) {
            problems.push({
              message: `key "${String(pair.key.value)}" is not allowed: "${reserved}" would change what an object is instead of adding a key`,
              location: at(pair.key.range?.[0] ?? 0),
            });
          }
        } else if (isMap(pair.key) || isSeq(pair.key)) {
          problems.push({ message: 'a key must be plain text, not a mapping or a list', location: at(pair.key.range?.[0] ?? 0) });
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return problems;
}

function firstAlias(root: unknown, at: (offset: number) => SourceLocation): SourceLocation {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.shift();
    if (isAlias(node)) return at(node.range?.[0] ?? 0);
    if (isMap(node)) for (const pair of node.items) stack.push(pair.value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return at(0);
}

function childOf(node: unknown, segment: PropertyKey): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair?.value ?? undefined;
  }
  if (isSeq(node)) return node.items[Number(segment)];
  return undefined;
}
