import { readFile, stat } from 'node:fs/promises';
import { describeValue, valueAt } from '../core/value-text.js';
import { z } from 'zod';
import { isJsonObject, splitPath } from '../core/json.js';
import { didYouMean, editDistance } from '../core/suggest.js';
import { providers } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';
import { deviationProblem } from './deviate.js';
import { ScenarioFileError } from './errors.js';
import { referencesIn } from './interpolate.js';
import { matcherKeys, matcherSchema, mockApiKeys, scenarioSchema, type ScenarioSpec } from './schema.js';
import { parseSource, reservedKeyIn, type SourceDocument, type SourceLocation } from './source.js';

/** A scenario file, validated, that can point back into its source. */
export interface LoadedScenario {
  file: string;
  spec: ScenarioSpec;
  provider: AnyProvider;
  locate(path: readonly PropertyKey[], key?: string): SourceLocation;
}

/** Keys each object in the format accepts, for "did you mean" on unknown keys. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'object') node = def.shape?.[String(segment)];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return [];
  }
  node = unwrap(node);
  const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } }).def;
  if (def?.type === 'object') return Object.keys(def.shape ?? {});
  if (def?.type === 'union') return (def.options ?? []).flatMap((option) => keysAt(option as z.ZodType, []));
  return [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && (current.def.type === 'optional' || current.def.type === 'default' || current.def.type === 'nullable')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}



/** Records one problem of a file. */
type Report = (location: SourceLocation, detail: string) => void;

/** Turns a zod issue into a positioned, readable error. */
function issueError(source: SourceDocument, issue: z.core.$ZodIssue, knownKeys?: readonly string[]): ScenarioFileError {
  const path = issue.path;
  const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const known = knownKeys ?? keysAt(scenarioSchema, path);
    return new ScenarioFileError(
      source.locate(path, key),
      `unknown key "${key}"${didYouMean(key, known)}; expected one of: ${known.join(', ')}`,
    );
  }
  const actual = valueAt(source.data, path);
  if (issue.code === 'invalid_type' && actual === undefined) {
    const key = String(path.at(-1));
    return new ScenarioFileError(source.locate(path.slice(0, -1)), `missing required key "${key}" (expected ${issue.expected})`);
  }
  if (issue.code === 'invalid_type') {
    return new ScenarioFileError(source.locate(path), `${where}expected ${issue.expected}, got ${describeValue(actual)}`);
  }
  if (issue.code === 'invalid_value') {
    return new ScenarioFileError(
      source.locate(path),
      `${where}expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${describeValue(actual)}${
        typeof actual === 'string' ? didYouMean(actual, issue.values.map(String)) : ''
      }`,
    );
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return new ScenarioFileError(source.locate(path), `${where}expected at least ${String(issue.minimum)} item(s)`);
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && (issue.origin === 'number' || issue.origin === 'int') && /^Too (small|big)/.test(issue.message)) {
    const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
    return new ScenarioFileError(source.locate(path), `${where}expected ${bound}, got ${describeValue(actual)}`);
  }
  // Custom messages already say what was expected; zod's own ("Invalid input") get the value added.
  const got = issue.message.startsWith('expected') ? `, got ${describeValue(actual)}` : ` (got ${describeValue(actual)})`;
  return new ScenarioFileError(source.locate(path), `${where}${issue.message}${got}`);
}

/**
 * A key that is almost a matcher keyword (`oneof`, `equal`, `exist`): the object would be
 * compared as a literal value and fail for a reason nobody wrote.
 */
function nearMatcherKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  return matcherKeys.find((name) => {
    const target = name.toLowerCase();
    if (key === name) return false;
    if (lower === target) return true;
    if (key.length < 4) return false;
    return target.startsWith(lower) || editDistance(key, name) <= 1;
  });
}

/** Matcher objects inside `expect.body/headers/outcome/state` must be well-formed. */
function checkMatchers(source: SourceDocument, spec: ScenarioSpec, report: Report): void {
  spec.steps.forEach((step, index) => {
    for (const section of ['body', 'headers', 'outcome', 'state'] as const) {
      for (const [path, expected] of Object.entries(step.expect?.[section] ?? {})) {
        const at = ['steps', index, 'expect', section, path];
        if (!isJsonObject(expected)) continue;
        if (!Object.keys(expected).some((key) => (matcherKeys as readonly string[]).includes(key))) {
          const typo = Object.keys(expected).find((key) => nearMatcherKey(key) !== undefined);
          if (typo !== undefined) {
            report(
              source.locate(at, typo),
              `unknown matcher "${typo}" (did you mean "${nearMatcherKey(typo)}"?); matchers: ${matcherKeys.join(', ')} (to compare with a literal object, write equals: {...})`,
            );
          }
          continue;
        }
        const result = matcherSchema.safeParse(expected);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const problem = issueError(source, { ...issue, path: [...at, ...issue.path] } as z.core.$ZodIssue, matcherKeys);
            report(problem.location, problem.detail);
          }
          continue;
        }
        if (result.data.matches !== undefined) {
          try {
            new RegExp(result.data.matches);
          } catch (error) {
            report(source.locate([...at, 'matches']), `invalid regular expression: ${(error as Error).message}`);
          }
        }
      }
    }
  });
}

/** Reports a payload path that `set:`/`unset:`/actors cannot apply (`user..name`, `a[`). */
function checkPath(path: string, where: () => SourceLocation, report: Report): void {
  try {
    splitPath(path);
  } catch (error) {
    // Located only when wrong: finding a key among thousands, for each of them, is quadratic.
    report(where(), (error as Error).message);
  }
}

/** `mockApi:` needs a provider that has one; keys beyond the shared ones are the provider's, checked by its own schema. */
function checkMockApi(source: SourceDocument, provider: AnyProvider, mockApi: Record<string, unknown>, report: Report): void {
  if (!provider.mockApi) {
    report(source.locate(['mockApi']), `${provider.name} has no mock API: remove mockApi: (hooksim plays the APIs of ${providers.filter((candidate) => candidate.mockApi).map((candidate) => candidate.name).join(', ')})`);
    return;
  }
  const fields = provider.mockApi.specFields ?? {};
  const known = [...mockApiKeys, ...Object.keys(fields)];
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mockApi)) {
    if ((mockApiKeys as readonly string[]).includes(key)) continue;
    if (!Object.hasOwn(fields, key)) report(source.locate(['mockApi'], key), `unknown key "${key}"${didYouMean(key, known)}; expected one of: ${known.join(', ')}`);
    else own[key] = value;
  }
  const result = z.object(fields).safeParse(own);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const problem = issueError(source, { ...issue, path: ['mockApi', ...issue.path] } as z.core.$ZodIssue);
      report(problem.location, problem.detail);
    }
  }
}

/** Providers, events, variants, actors and step references must exist. */
function checkReferences(source: SourceDocument, spec: ScenarioSpec, report: Report): AnyProvider | undefined {
  const provider = providers.find((candidate) => candidate.name === spec.provider);
  if (!provider) {
    const names = providers.map((candidate) => candidate.name);
    report(source.locate(['provider']), `unknown provider "${spec.provider}"${didYouMean(spec.provider, names)}; known: ${names.join(', ')}`);
    return undefined;
  }
  if (spec.mockApi) checkMockApi(source, provider, spec.mockApi, report);
  const actorNames = Object.keys(spec.actors ?? {});
  for (const [actor, fields] of Object.entries(spec.actors ?? {})) {
    for (const path of Object.keys(fields)) {
      if (!reservedKeyIn(path)) checkPath(path, () => source.locate(['actors', actor], path), report);
    }
  }
  const stepNames: string[] = [];
  spec.steps.forEach((step, index) => {
    const event = provider.events.find((candidate) => candidate.name === step.send);
    step.unset?.forEach((path, item) => {
      const reserved = reservedKeyIn(path);
      if (reserved) report(source.locate(['steps', index, 'unset', item]), `path "${path}" is not allowed: "${reserved}" cannot be used as a key`);
      else checkPath(path, () => source.locate(['steps', index, 'unset', item]), report);
    });
    // A malformed path is the file's mistake: said at load time, where it is written, not when the step runs.
    for (const path of Object.keys(step.set ?? {})) {
      if (!reservedKeyIn(path)) checkPath(path, () => source.locate(['steps', index, 'set'], path), report);
    }
    if (!event) {
      report(
        source.locate(['steps', index, 'send']),
        `unknown ${provider.name} event "${step.send}"${didYouMean(step.send, provider.events.map((e) => e.name))}; see \`hooksim list\``,
      );
    }
    if (event && step.variant && !event.variants.some((variant) => variant.name === step.variant)) {
      const names = event.variants.map((variant) => variant.name);
      report(
        source.locate(['steps', index, 'variant']),
        `unknown variant "${step.variant}" of ${event.name}${didYouMean(step.variant, names)}; variants: ${names.join(', ')}`,
      );
    }
    if (step.actor && !actorNames.includes(step.actor)) {
      report(
        source.locate(['steps', index, 'actor']),
        `unknown actor "${step.actor}"${didYouMean(step.actor, actorNames)}; declare it under actors:${actorNames.length ? ` (declared: ${actorNames.join(', ')})` : ''}`,
      );
    }
    if ((step.expect?.calls || step.expect?.state) && !spec.mockApi) {
      report(source.locate(['steps', index, 'expect'], step.expect.calls ? 'calls' : 'state'), 'expect.calls and expect.state need a mockApi: section in the scenario');
    }
    const deviation = step.deviate?.signature && deviationProblem(provider, step.deviate.signature);
    if (deviation) {
      report(source.locate(['steps', index, 'deviate', 'signature']), deviation);
    }
    for (const { reference, path } of referencesIn(step, ['steps', index])) {
      const [root, name] = reference.split('.');
      // Expectations are checked after the step's delivery, so they may read the step's own reply.
      const ownReply = path[2] === 'expect' && name === step.name;
      if (root === 'steps' && !stepNames.includes(name ?? '') && !ownReply) {
        report(
          source.locate(path),
          `\${${reference}} refers to step "${name}", which is not an earlier named step${didYouMean(name ?? '', stepNames)}`,
        );
      }
      if (root === 'actors' && !actorNames.includes(name ?? '')) {
        report(source.locate(path), `\${${reference}} refers to unknown actor "${name}"${didYouMean(name ?? '', actorNames)}`);
      }
      if (root === 'mockApi' && !spec.mockApi) {
        report(source.locate(path), `\${${reference}} needs a mockApi: section in the scenario`);
      }
      if (root !== 'steps' && root !== 'actors' && root !== 'mockApi') {
        report(source.locate(path), `\${${reference}}: references start with actors., steps. or mockApi.`);
      }
    }
    if (step.name) {
      if (stepNames.includes(step.name)) report(source.locate(['steps', index, 'name']), `duplicate step name "${step.name}"`);
      stepNames.push(step.name);
    }
  });
  return provider;
}

/** Validates scenario text. Throws {@link ScenarioFileError} with `file:line:column`, one line per problem. */
export function parseScenario(text: string, file: string): LoadedScenario {
  const source = parseSource(text, file);
  if (source.problems.length > 0) {
    throw ScenarioFileError.of(source.problems.map((problem) => ({ location: problem.location, detail: problem.message })))!;
  }
  if (text.trim() === '') throw new ScenarioFileError(source.locate([]), 'the file is empty: a scenario is a mapping with name, provider and steps');
  if (!isJsonObject(source.data)) {
    throw new ScenarioFileError(source.locate([]), `expected a scenario mapping with name, provider and steps, got ${describeValue(source.data)}`);
  }
  const problems: { location: SourceLocation; detail: string }[] = [];
  const report: Report = (location, detail) => {
    if (!problems.some((problem) => problem.detail === detail && problem.location.line === location.line && problem.location.column === location.column)) {
      problems.push({ location, detail });
    }
  };
  const result = scenarioSchema.safeParse(source.data);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({ issue, error: issueError(source, issue) }));
    // `stepz:` for `steps:` is one mistake, not two: the unknown key's suggestion says it all.
    const suggested = new Set(
      errors.flatMap(({ issue, error }) => (issue.code === 'unrecognized_keys' ? [`${issue.path.join('.')}|${/did you mean "([^"]+)"/.exec(error.detail)?.[1] ?? ''}`] : [])),
    );
    for (const { issue, error } of errors) {
      const missing = issue.code === 'invalid_type' && valueAt(source.data, issue.path) === undefined;
      if (missing && suggested.has(`${issue.path.slice(0, -1).join('.')}|${String(issue.path.at(-1))}`)) continue;
      report(error.location, error.detail);
    }
    throw ordered(problems, file);
  }
  checkMatchers(source, result.data, report);
  const provider = checkReferences(source, result.data, report);
  if (problems.length > 0 || !provider) throw ordered(problems, file);
  return { file, spec: result.data, provider, locate: source.locate };
}

function ordered(problems: { location: SourceLocation; detail: string }[], file: string): ScenarioFileError {
  const sorted = [...problems].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  return ScenarioFileError.of(sorted) ?? new ScenarioFileError({ file, line: 1, column: 1 }, 'not a valid scenario');
}

/** Scenario files larger than this are refused before they are read: a story is a few kilobytes. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads and validates a scenario file. */
export async function loadScenario(file: string, displayName = file): Promise<LoadedScenario> {
  let text: string;
  const start = { file: displayName, line: 1, column: 1 };
  try {
    // Checked before reading: a FIFO would block forever, a huge file would fill memory.
    const info = await stat(file);
    if (info.isDirectory()) throw new ScenarioFileError(start, 'is a folder, not a scenario file');
    if (!info.isFile()) throw new ScenarioFileError(start, 'not a regular file (a pipe or a device?): scenario files are plain files');
    if (info.size > MAX_SCENARIO_BYTES) {
      throw new ScenarioFileError(start, `file too large: ${megabytes(info.size)}; a scenario file may be at most ${megabytes(MAX_SCENARIO_BYTES)}`);
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioFileError) throw error;
    throw new ScenarioFileError(start, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseScenario(text, displayName);
}
