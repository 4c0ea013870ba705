import { z } from 'zod';
import type { OptionSpec, ProviderFile } from './schema.js';

/** The options a compiled provider takes, with the signing key and timeout added when not declared. */
export function optionSpecsOf(file: ProviderFile): Record<string, OptionSpec> {
  const specs: Record<string, OptionSpec> = { ...file.options };
  const signing = file.request.signing;
  if (signing.scheme !== 'none' && !Object.hasOwn(specs, signing.keyOption)) {
    specs[signing.keyOption] = { type: 'string', default: '', secret: true, description: `The signing key (${signing.scheme}); empty: unsigned requests.` };
  }
  if (!Object.hasOwn(specs, 'timeoutMs')) specs.timeoutMs = { type: 'number', default: file.delivery.timeoutMs, description: 'Per-attempt timeout in ms.' };
  return specs;
}

function fieldSchema(spec: OptionSpec): z.ZodType {
  let schema: z.ZodType;
  if (spec.enum) schema = z.union(spec.enum.map((value) => z.literal(value)) as [z.ZodLiteral, z.ZodLiteral, ...z.ZodLiteral[]]);
  else if (spec.type === 'number') schema = z.number();
  else if (spec.type === 'boolean') schema = z.boolean();
  else schema = z.string();
  if (spec.enum && spec.enum.length === 1) schema = z.literal(spec.enum[0]!);
  if (spec.description) schema = schema.describe(spec.description);
  return spec.default !== undefined ? schema.default(spec.default as never) : schema.optional();
}

/** The options schema of a compiled provider: strict, defaults filled in. */
export function optionsSchemaOf(specs: Record<string, OptionSpec>): z.ZodObject {
  return z.strictObject(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, fieldSchema(spec)])));
}
