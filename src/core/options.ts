import type { z } from 'zod';
import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';

/** The keys of an object schema (none for any other schema): what a misspelt option is compared with. */
export function schemaKeys(schema: z.ZodType<unknown, unknown>): string[] {
  const shape = (schema as { shape?: object }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Parses with a zod schema and turns failures into a one-line {@link UsageError}:
 * `<what>: <path>: <problem>`, suggesting the nearest key for unknown keys (by default the
 * schema's own keys).
 */
export function parseOrUsageError<T>(schema: z.ZodType<T, unknown>, input: unknown, what: string, knownKeys?: readonly string[]): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    throw new UsageError(`${what}: unknown option "${key}"${didYouMean(key, knownKeys ?? schemaKeys(schema as z.ZodType<unknown, unknown>))}`);
  }
  throw new UsageError(`${what}: ${path ? `${path}: ` : ''}${issue.message}`);
}
