import { UsageError } from '../../core/errors.js';
import { REMOVE, parseAssignment, parseLooseJson, splitPath, type Overrides } from '../../core/json.js';
import { didYouMean } from '../../core/suggest.js';
import type { AnyProvider } from '../../providers/types.js';
import { schemaKeys } from '../../core/options.js';

/** Collects a repeatable option into an array (commander's reducer). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Parses an integer option or throws a {@link UsageError} naming the flag. */
export function intOption(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`${flag} expects a whole number >= ${min}, got "${value}"`);
  return number;
}

/** `--set` and `--unset` flags into overrides, in the order given. */
export function overridesFrom(sets: string[] = [], unsets: string[] = []): Overrides {
  const overrides: Overrides = {};
  for (const assignment of sets) {
    const [path, value] = parseAssignment(assignment);
    overrides[path] = value;
  }
  for (const path of unsets) {
    splitPath(path);
    overrides[path] = REMOVE;
  }
  return overrides;
}

/** Keys of a provider's options schema. */
export function optionKeys(provider: AnyProvider): string[] {
  return schemaKeys(provider.optionsSchema);
}

/** `--option key=value` flags into a provider options object (values parsed as JSON when they parse). */
export function providerOptionsFrom(provider: AnyProvider, assignments: string[] = []): Record<string, unknown> {
  const keys = optionKeys(provider);
  const options: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid --option "${assignment}": expected key=value, e.g. version=1.43`);
    const key = assignment.slice(0, eq);
    if (!keys.includes(key)) {
      throw new UsageError(`unknown ${provider.name} option "${key}"${didYouMean(key, keys)}; options: ${keys.join(', ')}`);
    }
    options[key] = optionValue(provider, key, assignment.slice(eq + 1));
  }
  return options;
}

/**
 * Reads an option value the way the option's schema expects it: the text as given when the schema
 * takes a string (`version=1.43`, a hook id of digits), otherwise parsed as JSON when it parses
 * (`timeoutMs=5000`, `devFeatures=true`, `headers={"x":"y"}`).
 */
function optionValue(provider: AnyProvider, key: string, raw: string): unknown {
  const shape = (provider.optionsSchema as unknown as { shape?: Record<string, { safeParse(value: unknown): { success: boolean } }> }).shape;
  const field = shape?.[key];
  if (field && field.safeParse(raw).success) return raw;
  return parseLooseJson(raw);
}

/**
 * The option a provider gives a dedicated flag (`--retries`, `--header`): the one whose schema
 * declares `.meta({ flag })`. Generic commands declare the flags; providers say what they mean.
 */
export function optionForFlag(provider: AnyProvider, flag: string): string | undefined {
  const shape = (provider.optionsSchema as unknown as { shape?: Record<string, { meta?(): { flag?: string } | undefined }> }).shape ?? {};
  return Object.keys(shape).find((key) => shape[key]?.meta?.()?.flag === flag);
}

/** Sets the option a provider gives `flag` (see {@link optionForFlag}), refusing a flag the provider gives none. */
export function setByFlag(provider: AnyProvider, options: Record<string, unknown>, flag: string, value: unknown): void {
  if (value === undefined) return;
  const key = optionForFlag(provider, flag);
  if (key === undefined) throw new UsageError(`${flag} does not apply to ${provider.name}`);
  options[key] = value;
}

/** Sets a provider option from a dedicated flag, refusing flags the provider has no option for. */
export function setDedicated(provider: AnyProvider, options: Record<string, unknown>, key: string, value: unknown, flag: string): void {
  if (value === undefined) return;
  if (!optionKeys(provider).includes(key)) throw new UsageError(`${flag} does not apply to ${provider.name}`);
  options[key] = value;
}

/** `--header "name: value"` flags into a header record. */
export function headersFrom(values: string[] = []): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon <= 0) throw new UsageError(`invalid --header "${value}": expected "name: value"`);
    headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
  }
  return headers;
}
