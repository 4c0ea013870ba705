// Provider files registered by one CLI run are gone when it ends, so in-process runs (tests calling
// runCli) do not see each other's providers, and a file with the same name elsewhere loads next time.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getProvider, providers, registerProvider } from '../../src/providers/registry.js';
import { withProviderScope } from '../../src/providers/scope.js';
import { loadProviderFile } from '../../src/providers/declarative/load.js';
import { cli } from './helpers.js';

const ACME = resolve(import.meta.dirname, '../../examples/own-provider/providers/acme.provider.yaml');
const elsewhere = mkdtempSync(join(tmpdir(), 'hooksim-provider-scope-'));
const ACME_COPY = join(elsewhere, 'acme.provider.yaml');
copyFileSync(ACME, ACME_COPY);
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('provider files last for one CLI run', () => {
  it('a run lists the provider from its file; after the run the name is unknown again', async () => {
    const before = providers.length;
    const listed = await cli(['list', '--provider-file', ACME, 'acme']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('acme');
    expect(providers.length).toBe(before);
    expect(() => getProvider('acme')).toThrow('unknown provider "acme"');
  });

  it('a second run may load another file that uses the same name', async () => {
    expect((await cli(['list', '--provider-file', ACME, 'acme'])).code).toBe(0);
    const second = await cli(['list', '--provider-file', ACME_COPY, 'acme']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
  });

  it('a scope takes back a replacement too, restoring the provider it replaced', async () => {
    await withProviderScope(async () => {
      const first = await loadProviderFile(ACME);
      registerProvider(first);
      await withProviderScope(async () => {
        // The same file loaded again: the newer object wins inside the inner scope...
        const again = await loadProviderFile(ACME);
        registerProvider(again);
        expect(getProvider('acme')).toBe(again);
      });
      // ...and the one registered before it is back after it.
      expect(getProvider('acme')).toBe(first);
    });
    expect(() => getProvider('acme')).toThrow('unknown provider "acme"');
  });
});
