/**
 * The emulator, the dashboard and their commands name no provider (issue 13): no branch on a
 * provider's name, no key that is one. Provider names and emulated API short names (`logto`,
 * `dexie`) may appear in prose (help texts, comments), never as a whole string literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinProviders } from '../../src/providers/registry.js';

const root = resolve(import.meta.dirname, '../..');

function files(folder: string, ext: RegExp): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path, ext) : ext.test(entry.name) && entry.name !== 'embedded.ts' ? [path] : [];
  });
}

const generic = [
  ...files('src/emulator', /\.ts$/),
  ...files('src/ui', /\.(ts|js|mjs)$/),
  ...['serve', 'ui', 'trigger', 'emulator-flags'].map((name) => `src/cli/commands/${name}.ts`),
];

/** Signing scheme names: generic (copy-as-curl switches on them), even where a provider is named after its scheme. */
const SCHEMES = ['hmac-sha256-hex', 'standard-webhooks', 'stripe', 'none', 'custom'];

/** Every name a provider answers to: its own, and its emulated API's short name. */
const names = builtinProviders.flatMap((provider) => [provider.name, ...(provider.emulator?.api ? [provider.emulator.api.name] : [])]).filter((name) => !SCHEMES.includes(name));

/** String literals exactly equal to one of the names (comments removed first). */
function namedLiterals(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(/(['"`])([\w-]+)\1/g)].map((match) => match[2]!).filter((literal) => names.includes(literal));
}

describe('the emulator and the dashboard name no provider', () => {
  test('the names checked include the emulated APIs\' short names', () => {
    expect(names).toEqual(expect.arrayContaining(['logto', 'dexie-cloud', 'dexie']));
  });

  test.each(generic)('%s', (file) => {
    expect(namedLiterals(file)).toEqual([]);
  });

  test('the check can fail: a branch on a provider name is found', () => {
    expect(namedLiterals('test/emulator/names-no-provider.test.ts')).toEqual(expect.arrayContaining(['logto', 'dexie-cloud', 'dexie']));
  });
});
