/**
 * The provider layer is "one folder and one line": what a built-in provider touches outside
 * `src/providers/<name>/`, read from the sources. Every relative import (`import … from`,
 * `export … from`, `import('…')`) in src/ is resolved; one that lands in a provider's folder
 * is a file that provider touches. Each provider's list is the registry line, and nothing else
 * but the package's public entries and the leftovers named below.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinProviders } from '../../src/providers/registry.js';

const root = resolve(import.meta.dirname, '../..');
const names = builtinProviders.map((provider) => provider.name);

/** Every .ts file under `folder`, relative to the repository. */
function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The repository files `file` imports (static, re-export or `import()`), type-only ones included. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/\bfrom\s+'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)|^\s*import\s+'(\.[^']+)'/gm)].map((match) => match[1] ?? match[2] ?? match[3]!);
  return specifiers.map((specifier) => relative(root, resolve(dirname(join(root, file)), specifier.replace(/\.js$/, '.ts'))));
}

/** The provider folder `file` lies in, if any. */
function providerFolderOf(file: string): string | undefined {
  const match = /^src\/providers\/([^/]+)\//.exec(file);
  return match && names.includes(match[1]!) ? match[1] : undefined;
}

/** For each built-in provider, the files outside its folder that import from it. */
function touchedFiles(): Map<string, string[]> {
  const touched = new Map<string, string[]>(names.map((name) => [name, []]));
  for (const file of sources('src')) {
    for (const target of new Set(importsOf(file).map(providerFolderOf))) {
      if (target !== undefined && target !== providerFolderOf(file)) touched.get(target)!.push(file);
    }
  }
  for (const list of touched.values()) list.sort();
  return touched;
}

/**
 * The package's public entries: `hooksim` and `hooksim/mock-apis` re-export what Logto and Dexie
 * Cloud have always exported under those names (`logto`, `createLogtoMockApi`, ...). A new provider
 * need not appear there: `getProvider('name')` and `send({ provider: 'name' })` find it by name.
 */
const PUBLIC_ENTRIES = ['src/index.ts', 'src/mock-apis/index.ts'];

describe('a built-in provider touches its folder and the registry line', () => {
  test('every built-in provider has its folder, named as the provider', () => {
    for (const name of names) expect(existsSync(join(root, 'src/providers', name, 'index.ts')), name).toBe(true);
  });

  test.each(names)('%s: outside its folder only the registry (and the public entries) import it', (name) => {
    const touched = touchedFiles().get(name)!.filter((file) => !PUBLIC_ENTRIES.includes(file));
    expect(touched).toEqual(['src/providers/registry.ts']);
  });

  test('typed.ts names no provider: each adds its ProviderTypes entry from its own folder', () => {
    const code = readFileSync(join(root, 'src/providers/typed.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const name of names) expect(code).not.toContain(name);
    for (const name of names) {
      const index = readFileSync(join(root, 'src/providers', name, 'index.ts'), 'utf8');
      expect(index, name).toMatch(new RegExp(`declare module '\\.\\./typed\\.js'[\\s\\S]*interface ProviderTypes[\\s\\S]*'?${name}'?\\s*:`));
    }
  });

  test('the reader sees the imports it checks (so the checks above can fail)', () => {
    expect(importsOf('src/providers/registry.ts')).toContain('src/providers/logto/index.ts');
    // A lazy import counts too: the CLI's provider commands are found through the catalog, not imported.
    expect(importsOf('src/providers/logto/mock-api/plugin.ts')).toContain('src/providers/logto/mock-api/index.ts');
    expect(importsOf('src/cli/main.ts').some((file) => providerFolderOf(file) !== undefined)).toBe(false);
  });
});
