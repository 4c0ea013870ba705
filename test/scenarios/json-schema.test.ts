import { describe, expect, test } from 'vitest';
import { providers } from '../../src/providers/registry.js';
import { scenarioJsonSchema } from '../../src/schema.js';

type Schema = Record<string, any>;

/**
 * Just enough of JSON Schema to run the provider-dependent part of the scenario schema the way an
 * editor does: const, enum, anyOf, allOf, if/then, properties, items, required.
 */
function accepts(schema: Schema, value: any): boolean {
  if ('const' in schema && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (schema.anyOf && !schema.anyOf.some((option: Schema) => accepts(option, value))) return false;
  if (schema.allOf && !schema.allOf.every((part: Schema) => accepts(part, value))) return false;
  if (schema.if && accepts(schema.if, value) && schema.then && !accepts(schema.then, value)) return false;
  if (schema.required && (typeof value !== 'object' || value === null || schema.required.some((key: string) => !(key in value)))) return false;
  if (schema.properties && typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(schema.properties as Record<string, Schema>)) if (key in value && !accepts(child, value[key])) return false;
  }
  if (schema.items && Array.isArray(value) && !value.every((item) => accepts(schema.items, item))) return false;
  return true;
}

const schema = scenarioJsonSchema();
const providerPart = { properties: { provider: (schema.properties as Schema).provider }, allOf: schema.allOf };
const scenario = (provider: string, steps: object[]) => ({ name: 'x', provider, steps });

describe('the scenario JSON Schema knows the providers, their events and variants', () => {
  test('provider is an enum of the registered providers', () => {
    expect((schema.properties as Schema).provider.enum).toEqual(providers.map((provider) => provider.name));
    expect(accepts(providerPart, scenario('logto', [{ send: 'PostRegister' }]))).toBe(true);
    expect(accepts(providerPart, scenario('okta', [{ send: 'PostRegister' }]))).toBe(false);
  });

  test("a step's send must be one of its provider's events", () => {
    expect(accepts(providerPart, scenario('logto', [{ send: 'User.Created' }]))).toBe(true);
    expect(accepts(providerPart, scenario('logto', [{ send: 'PostRegistr' }]))).toBe(false);
    expect(accepts(providerPart, scenario('dexie-cloud', [{ send: 'PostRegister' }]))).toBe(false);
    expect(accepts(providerPart, scenario('dexie-cloud', [{ send: 'new-user' }]))).toBe(true);
  });

  test("a step's variant must be one of that event's variants", () => {
    expect(accepts(providerPart, scenario('logto', [{ send: 'User.Created', variant: 'management-api' }]))).toBe(true);
    expect(accepts(providerPart, scenario('logto', [{ send: 'User.Created', variant: 'otp' }]))).toBe(false);
    expect(accepts(providerPart, scenario('dexie-cloud', [{ send: 'new-user', variant: 'otp' }]))).toBe(true);
  });

  test('events and variants carry their summaries for the editor', () => {
    const logtoBranch = (schema.allOf as Schema[]).find((branch) => branch.if.properties.provider.const === 'logto')!;
    const sends = logtoBranch.then.properties.steps.items.properties.send.anyOf as { const: string; description: string }[];
    expect(sends.find((option) => option.const === 'PostRegister')?.description).toMatch(/regist/i);
  });

  test('every key of the format has a description', () => {
    const missing: string[] = [];
    const walk = (node: Schema, path: string) => {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Schema>)) {
        if (!child.description) missing.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
        for (const option of (child.anyOf ?? []) as Schema[]) walk(option, `${path}${key}.`);
        if (child.items) walk(child.items, `${path}${key}[].`);
        if (child.additionalProperties && typeof child.additionalProperties === 'object') walk(child.additionalProperties, `${path}${key}.*.`);
      }
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });
});
