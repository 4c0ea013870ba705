// msw is an optional peer: nothing in hooksim's mock APIs imports it (or express) up front, and
// a missing install is one line naming the package, never a stack trace.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadMsw } from '../../src/mock-apis/msw.js';
import { importOptional } from '../../src/core/optional.js';

const missing = (name: string) => Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/hooksim/dist/mock-apis/msw.js`), { code: 'ERR_MODULE_NOT_FOUND' });

describe('importOptional', () => {
  test('a missing package becomes the one-line hint naming it', async () => {
    const error = await importOptional('msw', 'mock APIs over msw', () => Promise.reject(missing('msw'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('mock APIs over msw need the "msw" package: npm i -D msw');
  });

  test('a package that really is not installed, imported by Node here, gives the same hint', async () => {
    const name = 'hooksim-no-such-package';
    await expect(importOptional(name, 'this feature', () => import(name))).rejects.toThrow(`this feature need the "${name}" package: npm i -D ${name}`);
  });

  test('other failures pass through unchanged: another missing module, or a crash inside the package', async () => {
    const other = missing('@mswjs/interceptors');
    await expect(importOptional('msw', 'x', () => Promise.reject(other))).rejects.toBe(other);
    const crash = new SyntaxError('Unexpected token');
    await expect(importOptional('msw', 'x', () => Promise.reject(crash))).rejects.toBe(crash);
  });

  test('loadMsw: a failed load is not cached, so the next call loads msw', async () => {
    await expect(loadMsw(() => Promise.reject(missing('msw')))).rejects.toThrow('mock APIs over msw need the "msw" package: npm i -D msw');
    const [msw, mswNode] = await loadMsw();
    expect(typeof msw.http.all).toBe('function');
    expect(typeof mswNode.setupServer).toBe('function');
  });
});

/** Every .ts file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('no static import of an optional peer', () => {
  // Each provider's mock API lives in its folder (providers/<name>/mock-api/): all of providers/ is read.
  const files = [...sources('src/mock-apis'), ...sources('src/providers'), 'src/vitest/mock-matchers.ts'];
  // `import x from 'msw'`, `import { y } from "express"`, `export ... from 'msw/node'`; `import type` is erased.
  const staticPeerImport = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"](?:msw|express|supertest)(?:\/[^'"]*)?['"]/m;

  test('src/mock-apis, the providers (their mock APIs) and the mock matchers load msw, express and supertest only with await import()', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((file) => staticPeerImport.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  test('the check catches a static import (and lets a type-only one through)', () => {
    expect(staticPeerImport.test("import { http, HttpResponse } from 'msw';")).toBe(true);
    expect(staticPeerImport.test('import express from "express";')).toBe(true);
    expect(staticPeerImport.test("export { setupServer } from 'msw/node';")).toBe(true);
    expect(staticPeerImport.test("import type { HttpHandler } from 'msw';")).toBe(false);
  });
});
