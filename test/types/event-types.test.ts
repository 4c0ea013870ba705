import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinProviders } from '../../src/providers/registry.js';
import { eventTypesPath, renderEventTypes, typePrefix } from '../../scripts/event-types.js';

describe("the generated event types match the providers' data", () => {
  // Built-in ones only: another test file in this worker may have registered its own provider.
  for (const provider of builtinProviders) {
    test(`${provider.name}: ${eventTypesPath(provider.name)} is up to date (npm run gen:types)`, () => {
      const committed = readFileSync(resolve(import.meta.dirname, '../..', eventTypesPath(provider.name)), 'utf8');
      expect(committed).toBe(renderEventTypes(provider.name, provider.events));
    });
  }

  test('type names come from provider names', () => {
    expect(typePrefix('dexie-cloud')).toBe('DexieCloud');
    expect(typePrefix('logto')).toBe('Logto');
  });

  test('each event lists its variants, the default first', () => {
    const text = renderEventTypes('demo', [{ name: "it's", summary: '', variants: [{ name: 'a', summary: '' }, { name: 'b', summary: '' }] }]);
    expect(text).toContain("  'it\\'s': 'a' | 'b';");
    expect(text).toContain('export type DemoEventName = keyof DemoEventVariants;');
  });
});
