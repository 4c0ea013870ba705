import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { isJsonObject } from '../core/json.js';
import { didYouMean } from '../core/suggest.js';
import { providers } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';
import { ScenarioFileError } from './errors.js';
import { referencesIn } from './interpolate.js';
import { matcherKeys, matcherSchema, scenarioSchema, type ScenarioSpec } from './schema.js';
import { parseSource, type SourceDocument, type SourceLocation } from './source.js';

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

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) node = isJsonObject(node) || Array.isArray(node) ? (node as never)[segment as never] : undefined;
  return node;
}

/** Turns the first zod issue into a positioned, readable error. */
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
    return new ScenarioFileError(source.locate(path), `${where}expected ${issue.expected}, got ${describe(actual)}`);
  }
  if (issue.code === 'invalid_value') {
    return new ScenarioFileError(
      source.locate(path),
      `${where}expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${describe(actual)}${
        typeof actual === 'string' ? didYouMean(actual, issue.values.map(String)) : ''
      }`,
    );
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return new ScenarioFileError(source.locate(path), `${where}expected at least ${String(issue.minimum)} item(s)`);
  }
  // Custom messages already say what was expected; zod's own ("Invalid input") get the value added.
  const got = issue.message.startsWith('expected') ? `, got ${describe(actual)}` : ` (got ${describe(actual)})`;
  return new ScenarioFileError(source.locate(path), `${where}${issue.message}${got}`);
}

/** Matcher objects inside `expect.body/headers/outcome` must be well-formed. */
function checkMatchers(source: SourceDocument, spec: ScenarioSpec): void {
  spec.steps.forEach((step, index) => {
    for (const section of ['body', 'headers', 'outcome'] as const) {
      for (const [path, expected] of Object.entries(step.expect?.[section] ?? {})) {
        const at = ['steps', index, 'expect', section, path];
        if (!isJsonObject(expected) || !Object.keys(expected).some((key) => (matcherKeys as readonly string[]).includes(key))) continue;
        const result = matcherSchema.safeParse(expected);
        if (!result.success) {
          const issue = result.error.issues[0]!;
          throw issueError(source, { ...issue, path: [...at, ...issue.path] } as z.core.$ZodIssue, matcherKeys);
        }
        if (result.data.matches !== undefined) {
          try {
            new RegExp(result.data.matches);
          } catch (error) {
            throw new ScenarioFileError(source.locate([...at, 'matches']), `invalid regular expression: ${(error as Error).message}`);
          }
        }
      }
    }
  });
}

/** Providers, events, variants, actors and step references must exist. */
function checkReferences(source: SourceDocument, spec: ScenarioSpec): AnyProvider {
  const provider = providers.find((candidate) => candidate.name === spec.provider);
  if (!provider) {
    const names = providers.map((candidate) => candidate.name);
    throw new ScenarioFileError(source.locate(['provider']), `unknown provider "${spec.provider}"${didYouMean(spec.provider, names)}; known: ${names.join(', ')}`);
  }
  const actorNames = Object.keys(spec.actors ?? {});
  const stepNames: string[] = [];
  spec.steps.forEach((step, index) => {
    const event = provider.events.find((candidate) => candidate.name === step.send);
    if (!event) {
      throw new ScenarioFileError(
        source.locate(['steps', index, 'send']),
        `unknown ${provider.name} event "${step.send}"${didYouMean(step.send, provider.events.map((e) => e.name))}; see \`hooksim list\``,
      );
    }
    if (step.variant && !event.variants.some((variant) => variant.name === step.variant)) {
      const names = event.variants.map((variant) => variant.name);
      throw new ScenarioFileError(
        source.locate(['steps', index, 'variant']),
        `unknown variant "${step.variant}" of ${event.name}${didYouMean(step.variant, names)}; variants: ${names.join(', ')}`,
      );
    }
    if (step.actor && !actorNames.includes(step.actor)) {
      throw new ScenarioFileError(
        source.locate(['steps', index, 'actor']),
        `unknown actor "${step.actor}"${didYouMean(step.actor, actorNames)}; declare it under actors:${actorNames.length ? ` (declared: ${actorNames.join(', ')})` : ''}`,
      );
    }
    if ((step.expect?.calls || step.expect?.state) && !spec.mockApi) {
      throw new ScenarioFileError(source.locate(['steps', index, 'expect'], step.expect.calls ? 'calls' : 'state'), 'expect.calls and expect.state need a mockApi: section in the scenario');
    }
    if (step.deviate?.signature && provider.signature === undefined) {
      throw new ScenarioFileError(source.locate(['steps', index, 'deviate', 'signature']), `${provider.name} does not sign its requests: there is no signature to deviate from`);
    }
    for (const { reference, path } of referencesIn(step, ['steps', index])) {
      const [root, name] = reference.split('.');
      // Expectations are checked after the step's delivery, so they may read the step's own reply.
      const ownReply = path[2] === 'expect' && name === step.name;
      if (root === 'steps' && !stepNames.includes(name ?? '') && !ownReply) {
        throw new ScenarioFileError(
          source.locate(path),
          `\${${reference}} refers to step "${name}", which is not an earlier named step${didYouMean(name ?? '', stepNames)}`,
        );
      }
      if (root === 'actors' && !actorNames.includes(name ?? '')) {
        throw new ScenarioFileError(source.locate(path), `\${${reference}} refers to unknown actor "${name}"${didYouMean(name ?? '', actorNames)}`);
      }
      if (root === 'mockApi' && !spec.mockApi) {
        throw new ScenarioFileError(source.locate(path), `\${${reference}} needs a mockApi: section in the scenario`);
      }
      if (root !== 'steps' && root !== 'actors' && root !== 'mockApi') {
        throw new ScenarioFileError(source.locate(path), `\${${reference}}: references start with actors., steps. or mockApi.`);
      }
    }
    if (step.name) {
      if (stepNames.includes(step.name)) throw new ScenarioFileError(source.locate(['steps', index, 'name']), `duplicate step name "${step.name}"`);
      stepNames.push(step.name);
    }
  });
  return provider;
}

/** Validates scenario text. Throws {@link ScenarioFileError} with `file:line:column`. */
export function parseScenario(text: string, file: string): LoadedScenario {
  const source = parseSource(text, file);
  if (source.syntaxError) throw new ScenarioFileError(source.syntaxError.location, `invalid YAML: ${source.syntaxError.message}`);
  if (!isJsonObject(source.data)) {
    throw new ScenarioFileError(source.locate([]), `expected a scenario mapping with name, provider and steps, got ${describe(source.data)}`);
  }
  const result = scenarioSchema.safeParse(source.data);
  if (!result.success) throw issueError(source, result.error.issues[0]!);
  checkMatchers(source, result.data);
  const provider = checkReferences(source, result.data);
  return { file, spec: result.data, provider, locate: source.locate };
}

/** Reads and validates a scenario file. */
export async function loadScenario(file: string, displayName = file): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioFileError({ file: displayName, line: 1, column: 1 }, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseScenario(text, displayName);
}
