import { z } from 'zod';
import { UsageError } from './core/errors.js';
import { didYouMean } from './core/suggest.js';
import { getProvider } from './providers/registry.js';
import { scenarioSchema } from './scenarios/schema.js';

/** Names of the wire contracts a provider exports (e.g. `new-user-reply`, `webhook-payload`). */
export function contractNames(providerName: string): string[] {
  return Object.keys(getProvider(providerName).contracts);
}

/**
 * JSON Schema (draft 2020-12) of one of a provider's wire contracts, generated from the zod
 * schema hooksim itself validates with.
 */
export function contractJsonSchema(providerName: string, contract: string): Record<string, unknown> {
  const provider = getProvider(providerName);
  const schema = provider.contracts[contract];
  if (!schema) {
    const names = Object.keys(provider.contracts);
    throw new UsageError(`unknown ${provider.name} contract "${contract}"${didYouMean(contract, names)}; contracts: ${names.join(', ')}`);
  }
  return z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
}

/** JSON Schema of the scenario file format, for editors (yaml-language-server) and validators. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
}
