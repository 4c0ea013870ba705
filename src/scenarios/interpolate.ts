import type { Faker } from '@faker-js/faker';
import { UsageError } from '../core/errors.js';
import { getPath, isJsonObject, type JsonValue } from '../core/json.js';
import { drawFake, type FakeSpec } from './fake.js';
import { fakeSchema, envSchema } from './schema.js';

const REFERENCE = /\$\{([^}]+)\}/g;

/** Every `${...}` in a value, with where it is written. */
export function referencesIn(value: unknown, path: PropertyKey[]): { reference: string; path: PropertyKey[] }[] {
  if (typeof value === 'string') return [...value.matchAll(REFERENCE)].map((match) => ({ reference: match[1]!.trim(), path }));
  if (Array.isArray(value)) return value.flatMap((item, index) => referencesIn(item, [...path, index]));
  if (isJsonObject(value)) return Object.entries(value).flatMap(([key, child]) => referencesIn(child, [...path, key]));
  return [];
}

/** What `${...}` can reach: the actors as they are now and the results of earlier steps. */
export interface ReferenceContext {
  actors: Record<string, unknown>;
  steps: Record<string, unknown>;
  /** The mock provider API, when the scenario plays one: `${mockApi.url}`. */
  mockApi?: { url: string };
}

/** How a value in a scenario is made concrete. */
export interface ResolveTools {
  context: ReferenceContext;
  faker: Faker;
  env: Record<string, string | undefined>;
}

function lookup(reference: string, context: ReferenceContext): unknown {
  const value = getPath(context, reference);
  if (value === undefined) throw new UsageError(`\${${reference}} has no value at this point of the scenario`);
  return value;
}

/**
 * Makes a scenario value concrete: `${path}` alone keeps the referenced value's type; inside a
 * longer string it is interpolated as text; `{fake: ...}` draws a seeded fake; `{env: NAME}`
 * reads the environment. Plain data only: nothing is evaluated as code.
 */
export function resolveValue(value: unknown, tools: ResolveTools): JsonValue {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) return lookup(whole[1]!.trim(), tools.context) as JsonValue;
    return value.replace(REFERENCE, (_, reference: string) => {
      const found = lookup(reference.trim(), tools.context);
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, tools));
  if (isJsonObject(value)) {
    const fake = fakeSchema.safeParse(value);
    if (fake.success) return drawFake(fake.data as FakeSpec, tools.faker);
    const env = envSchema.safeParse(value);
    if (env.success) {
      const found = tools.env[env.data.env] ?? env.data.default;
      if (found === undefined) throw new UsageError(`environment variable ${env.data.env} is not set (and no default is given)`);
      return found;
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolveValue(child, tools)]));
  }
  return value as JsonValue;
}

/**
 * Every `{ env: NAME }` without a default whose variable is not set, with where it is written.
 * Checked before a scenario sends anything: a missing secret is a configuration error wherever
 * it is used, not a step that errors half-way.
 */
export function missingEnvIn(value: unknown, env: Record<string, string | undefined>, path: PropertyKey[] = []): { name: string; path: PropertyKey[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => missingEnvIn(item, env, [...path, index]));
  if (!isJsonObject(value)) return [];
  const parsed = envSchema.safeParse(value);
  if (parsed.success) return parsed.data.default === undefined && env[parsed.data.env] === undefined ? [{ name: parsed.data.env, path }] : [];
  return Object.entries(value).flatMap(([key, child]) => missingEnvIn(child, env, [...path, key]));
}
