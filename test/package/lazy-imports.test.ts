/**
 * What each entry point loads before any of its functions runs: the static import graph, read from
 * the sources (`import … from` and `export … from`; `await import()` is lazy and not followed).
 * Cold start and `import('hooksim')` stay cheap only while these sets stay small.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Bare packages reachable from `entry` through static imports, and the local files on the way. */
function staticGraph(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const pending = [resolve(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      if (match[2]) continue; // `import type` is erased.
      const specifier = match[3] ?? match[4]!;
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return { packages, files };
}

const heavy = ['msw', 'express', 'supertest', 'xmlbuilder2', 'yaml', 'tsx', 'fast-check', 'vitest'];

describe('entry points load only what they need', () => {
  test("import('hooksim') for send/prepareEvent loads no msw, express, supertest, XML or YAML code", () => {
    const { packages } = staticGraph('src/index.ts');
    for (const name of heavy) expect([...packages]).not.toContain(name);
    expect([...packages].sort()).toEqual(['@faker-js/faker', 'http-parser-js', 'zod']);
  });

  test('the CLI before a command runs loads commander and nothing else (--help, list)', () => {
    const { packages, files } = staticGraph('src/cli/main.ts');
    expect([...packages]).toEqual(['commander']);
    const loaded = [...files].map((file) => relative(root, file));
    expect(loaded.filter((file) => file.startsWith('src/providers/') || file.startsWith('src/scenarios/'))).toEqual([]);
  });

  test('hooksim/mock-apis reaches msw and express only through await import()', () => {
    const { packages } = staticGraph('src/mock-apis/index.ts');
    expect([...packages]).not.toContain('msw');
    expect([...packages]).not.toContain('express');
  });

  test('the graph reader sees a static import (so the checks above can fail)', () => {
    const { packages } = staticGraph('src/scenarios/source.ts');
    expect([...packages]).toContain('yaml');
  });
});
