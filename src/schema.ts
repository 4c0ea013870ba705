import { z } from 'zod';
import { UsageError } from './core/errors.js';
import { didYouMean } from './core/suggest.js';
import { getProvider, providers } from './providers/registry.js';
import type { AnyProvider } from './providers/types.js';
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

/**
 * JSON Schema of the scenario file format, for editors (yaml-language-server) and validators. The
 * format's own schema is widened with the providers hooksim knows: `provider` is an enum, and
 * under each provider a step's `send` lists that provider's events (with their summaries) and
 * `variant` that event's variants, so an editor completes them.
 */
export function scenarioJsonSchema(list: readonly AnyProvider[] = providers): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  const properties = schema.properties as Record<string, JsonSchema>;
  properties.provider = { ...properties.provider, enum: list.map((provider) => provider.name) };
  schema.allOf = list.map((provider) => ({
    if: { properties: { provider: { const: provider.name } }, required: ['provider'] },
    then: {
      properties: {
        ...mockApiProperties(provider),
        steps: {
          items: {
            properties: { send: { anyOf: provider.events.map((event) => ({ const: event.name, description: event.summary })) } },
            allOf: provider.events.map((event) => ({
              if: { properties: { send: { const: event.name } }, required: ['send'] },
              then: { properties: { variant: { anyOf: event.variants.map((variant) => ({ const: variant.name, description: variant.summary })) } } },
            })),
          },
        },
      },
    },
  }));
  return schema;
}

type JsonSchema = Record<string, unknown>;

/** The `mockApi:` keys a provider adds to the shared ones, for the editor (none when it has no mock API). */
function mockApiProperties(provider: AnyProvider): { mockApi?: JsonSchema } {
  const fields = provider.mockApi?.specFields;
  if (!fields || Object.keys(fields).length === 0) return {};
  const own = z.toJSONSchema(z.object(fields), { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return { mockApi: { properties: own.properties } };
}
