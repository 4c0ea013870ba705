import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

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

/** A parsed YAML/JSON document that can say where any value (or key) came from. */
export interface SourceDocument {
  file: string;
  /** The plain data. */
  data: unknown;
  /** The YAML syntax error, if the text did not parse. */
  syntaxError?: { message: string; location: SourceLocation };
  /** Where the value at `path` starts; with `key`, where that key of the object at `path` is written. */
  locate(path: readonly PropertyKey[], key?: string): SourceLocation;
}

/**
 * Parses YAML (and JSON, a subset of it) keeping source positions. Only data comes out: no
 * custom tags, no code; a scenario file is never evaluated.
 */
export function parseSource(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const locate = (path: readonly PropertyKey[], key?: string): SourceLocation => {
    // Walk as deep as the document goes; an unknown tail points at its nearest existing parent.
    let node: unknown = doc.contents;
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

  const first = doc.errors[0];
  return {
    file,
    data: first ? undefined : doc.toJS({ maxAliasCount: 100 }),
    ...(first
      ? { syntaxError: { message: first.message.split('\n')[0]!, location: at(first.pos[0]) } }
      : {}),
    locate,
  };
}

function childOf(node: unknown, segment: PropertyKey): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair?.value ?? undefined;
  }
  if (isSeq(node)) return node.items[Number(segment)];
  return undefined;
}
