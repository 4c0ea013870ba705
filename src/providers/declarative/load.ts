import { readFile, stat } from 'node:fs/promises';
import { describeValue, valueAt } from '../../core/value-text.js';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { isJsonObject, type JsonValue } from '../../core/json.js';
import { didYouMean } from '../../core/suggest.js';
import { ScenarioFileError } from '../../scenarios/errors.js';
import { parseSource, type SourceDocument, type SourceLocation } from '../../scenarios/source.js';
import type { Provider } from '../types.js';
import { checkPathTemplate } from './path.js';
import { compileProvider, type DeclarativeOptions, type DeclarativeOutcome } from './compile.js';
import { providerFileSchema, type ProviderFile } from './schema.js';
import { checkTemplate } from './template.js';

/** Provider files larger than this are refused before they are read. */
export const MAX_PROVIDER_FILE_BYTES = 1024 * 1024;

/**
 * A provider compiled from a file, with where it came from: `file` as given (for messages),
 * `source` the absolute path when it was read from disk (loading the same file again replaces it).
 */
export type DeclarativeProvider = Provider<DeclarativeOptions, DeclarativeOutcome> & { file: string; source?: string };

interface Problem {
  location: SourceLocation;
  detail: string;
}

/** Keys the format accepts at `path`, for "did you mean". */
function keysAt(path: readonly PropertyKey[]): string[] {
  let node: unknown = providerFileSchema;
  for (const segment of [...path, undefined]) {
    for (;;) {
      const def = (node as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined)?.def;
      if (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')) node = def.innerType;
      else if (def && def.type === 'pipe') node = def.in;
      else break;
    }
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown; options?: unknown[] } } | undefined)?.def;
    if (segment === undefined) {
      if (def?.type === 'object') return Object.keys(def.shape ?? {});
      if (def?.type === 'union') return [...new Set((def.options ?? []).flatMap((option) => Object.keys((option as { def?: { shape?: object } }).def?.shape ?? {})))];
      return [];
    }
    if (def?.type === 'object') node = def.shape?.[String(segment)];
    else if (def?.type === 'array') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else return [];
  }
  return [];
}



function issueProblem(source: SourceDocument, issue: z.core.$ZodIssue): Problem {
  const path = issue.path;
  const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
  const actual = valueAt(source.data, path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const known = keysAt(path);
    return { location: source.locate(path, key), detail: `unknown key "${key}"${didYouMean(key, known)}; expected one of: ${known.join(', ')}` };
  }
  if (issue.code === 'invalid_type' && actual === undefined) {
    return { location: source.locate(path.slice(0, -1)), detail: `missing required key "${String(path.at(-1))}" (expected ${issue.expected})` };
  }
  if (issue.code === 'invalid_type') return { location: source.locate(path), detail: `${where}expected ${issue.expected}, got ${describeValue(actual)}` };
  if (issue.code === 'invalid_value' && actual === undefined && path.length > 0) {
    return { location: source.locate(path.slice(0, -1)), detail: `missing required key "${String(path.at(-1))}" (expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')})` };
  }
  if (issue.code === 'invalid_value') {
    const hint = typeof actual === 'string' ? didYouMean(actual, issue.values.map(String)) : '';
    return { location: source.locate(path), detail: `${where}expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${describeValue(actual)}${hint}` };
  }
  if (issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator') {
    return { location: source.locate(path), detail: `${where}expected one of hmac-sha256-hex, standard-webhooks, stripe, none, got ${describeValue(actual)}${typeof actual === 'string' ? didYouMean(actual, ['hmac-sha256-hex', 'standard-webhooks', 'stripe', 'none']) : ''}` };
  }
  const got = issue.message.startsWith('expected') ? `, got ${describeValue(actual)}` : ` (got ${describeValue(actual)})`;
  return { location: source.locate(path), detail: `${where}${issue.message}${got}` };
}

/** Checks what the schema cannot: template names and references, duplicates, the signing key option, the reply schema. */
function checkMeaning(source: SourceDocument, file: ProviderFile): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], detail: string, key?: string) => problems.push({ location: source.locate(path, key), detail });
  const template = (value: JsonValue, at: PropertyKey[], actorKeys?: readonly string[]) => {
    for (const problem of checkTemplate(value, at, actorKeys)) report(problem.path, problem.message, problem.key);
  };
  const actorKeys = Object.keys(file.actor);
  template(file.actor, ['actor']);
  const seen = new Set<string>();
  file.events.forEach((event, index) => {
    if (seen.has(event.name)) report(['events', index, 'name'], `event "${event.name}" is declared twice`);
    seen.add(event.name);
    for (const [path, value] of Object.entries(event.actor ?? {})) template(value, ['events', index, 'actor', path], actorKeys);
    template(event.payload, ['events', index, 'payload'], actorKeys);
    const variants = new Set<string>();
    event.variants?.forEach((variant, at) => {
      if (variants.has(variant.name)) report(['events', index, 'variants', at, 'name'], `variant "${variant.name}" of ${event.name} is declared twice`);
      variants.add(variant.name);
      for (const [path, value] of Object.entries(variant.actor ?? {})) template(value, ['events', index, 'variants', at, 'actor', path], actorKeys);
    });
  });
  for (const [name, value] of Object.entries(file.request.headers)) template(value, ['request', 'headers', name]);
  for (const problem of checkPathTemplate(file.request.path)) report(['request', 'path'], problem);
  const signing = file.request.signing;
  if (signing.scheme !== 'none') {
    const declared = file.options[signing.keyOption];
    if (declared && declared.type !== 'string') report(['request', 'signing', 'keyOption'], `the key option "${signing.keyOption}" must be a string option, not ${declared.type}`);
  }
  for (const [name, spec] of Object.entries(file.options)) {
    if (spec.default !== undefined && typeof spec.default !== spec.type) report(['options', name, 'default'], `expected a ${spec.type} default, got ${describeValue(spec.default)}`);
    spec.enum?.forEach((value, index) => {
      if (typeof value !== spec.type) report(['options', name, 'enum', index], `expected ${spec.type} values in enum, got ${describeValue(value)}`);
    });
    if (spec.enum && spec.default !== undefined && !spec.enum.includes(spec.default as never)) report(['options', name, 'default'], `the default ${describeValue(spec.default)} is not one of enum: ${spec.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  }
  if (file.repeats) {
    const outcomes = (file.reply.actions ?? []).map((action) => action.outcome);
    if (!outcomes.includes(file.repeats.outcome)) report(['repeats', 'outcome'], `"${file.repeats.outcome}" is not an outcome of reply.actions${didYouMean(file.repeats.outcome, outcomes)}; outcomes: ${outcomes.join(', ') || 'none (declare reply.actions)'}`);
    const variants = file.events.flatMap((event) => (event.variants ?? []).map((variant) => variant.name));
    file.repeats.variants.forEach((name, index) => {
      if (!variants.includes(name)) report(['repeats', 'variants', index], `no event has a variant "${name}"${didYouMean(name, variants)}`);
    });
  }
  if (file.reply.body?.jsonSchema) {
    try {
      z.fromJSONSchema(file.reply.body.jsonSchema as never);
    } catch (error) {
      report(['reply', 'body', 'jsonSchema'], `not a JSON Schema hooksim can check: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** A key JavaScript puts before all others in an object, whatever the order written. */
const INTEGER_KEY = /^(?:0|[1-9]\d{0,8})$/;

/**
 * Integer-like keys (`"2024"`) written after other keys: a JavaScript object puts them first, so
 * the payload could not keep the order written. Found in the YAML itself (the parsed data has
 * already moved them) and said where they are, instead of sent in another order.
 */
function misplacedIntegerKeys(text: string, events: number): { path: PropertyKey[]; key: string }[] {
  const found: { path: PropertyKey[]; key: string }[] = [];
  const doc = parseDocument(text, { uniqueKeys: false });
  const visit = (node: unknown, at: PropertyKey[]): void => {
    if (isSeq(node)) return node.items.forEach((item, index) => visit(item, [...at, index]));
    if (!isMap(node)) return;
    let other = false;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (INTEGER_KEY.test(key)) {
        if (other) found.push({ path: at, key });
      } else other = true;
      visit(pair.value, [...at, key]);
    }
  };
  for (let index = 0; index < events; index++) visit(doc.getIn(['events', index, 'payload'], true), ['events', index, 'payload']);
  return found;
}

function fail(problems: Problem[], file: string): never {
  const sorted = [...problems].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  throw ScenarioFileError.of(sorted) ?? new ScenarioFileError({ file, line: 1, column: 1 }, 'not a valid provider file');
}

/**
 * Validates provider text (YAML or JSON) and compiles it. Throws a {@link ScenarioFileError} (a
 * UsageError) with one `file:line:column: problem` line per problem.
 */
export function parseProviderFile(text: string, file: string): DeclarativeProvider {
  const source = parseSource(text, file);
  if (source.problems.length > 0) fail(source.problems.map((problem) => ({ location: problem.location, detail: problem.message })), file);
  if (!isJsonObject(source.data)) fail([{ location: source.locate([]), detail: `expected a provider mapping (hooksim: provider/v1, name, title, events), got ${describeValue(source.data)}` }], file);
  const result = providerFileSchema.safeParse(source.data);
  if (!result.success) {
    const found = result.error.issues.map((issue) => ({ issue, problem: issueProblem(source, issue) }));
    // `titel:` for `title:` is one mistake, not two: the unknown key's suggestion says it all.
    const suggested = new Set(found.flatMap(({ issue, problem }) => (issue.code === 'unrecognized_keys' ? [`${issue.path.join('.')}|${/did you mean "([^"]+)"/.exec(problem.detail)?.[1] ?? ''}`] : [])));
    const kept = found.filter(({ issue, problem }) => !(problem.detail.startsWith('missing required key') && suggested.has(`${issue.path.slice(0, -1).join('.')}|${String(issue.path.at(-1))}`)));
    fail(kept.map(({ problem }) => problem), file);
  }
  const problems = checkMeaning(source, result.data);
  for (const { path, key } of misplacedIntegerKeys(text, result.data.events.length)) {
    problems.push({ location: source.locate(path, key), detail: `key "${key}" cannot be sent where it is written: JavaScript puts integer-like keys before the others; write it first in its mapping` });
  }
  if (problems.length > 0) fail(problems, file);
  return Object.assign(compileProvider(result.data), { file });
}

/**
 * Reads a provider file (YAML or JSON) and compiles it into a provider for `send({ provider })`,
 * `runScenarios`, `checkHook` and the CLI (`--provider-file`).
 *
 * @example
 * const acme = await loadProviderFile('providers/acme.yaml');
 * const result = await send({ provider: acme, event: 'invoice.paid', target: app });
 */
export async function loadProviderFile(path: string, displayName = path): Promise<DeclarativeProvider> {
  const start = { file: displayName, line: 1, column: 1 };
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ScenarioFileError(start, 'not a regular file: a provider file is a YAML or JSON file');
    if (info.size > MAX_PROVIDER_FILE_BYTES) throw new ScenarioFileError(start, `file too large: a provider file may be at most ${MAX_PROVIDER_FILE_BYTES / 1024 / 1024} MB`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioFileError) throw error;
    throw new ScenarioFileError(start, `cannot read provider file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return Object.assign(parseProviderFile(text, displayName), { source: resolve(path) });
}
