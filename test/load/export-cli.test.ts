import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cli } from '../cli/helpers.js';
import { KEY } from './helpers.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('hooksim load --export artillery DIR', () => {
  test('writes the script, the processor and a package.json; the rate becomes users per second; the key stays in the environment', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hooksim-export-'));
    const run = await cli(['load', 'logto', 'PostRegister', 'User.Created:experience', '--to', 'https://hooks.example.com/logto?x=1', '--signing-key', KEY, '--rate', '50/s', '--duration', '2m', '--export', 'artillery', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('HOOKSIM_SIGNING_KEY=... npx artillery run hooksim-load.yml');
    const script = await readFile(join(dir, 'hooksim-load.yml'), 'utf8');
    expect(script).toContain('  target: "https://hooks.example.com"\n  phases:\n    - duration: 120\n      arrivalRate: 25\n');
    expect(script.match(/url: "\/logto\?x=1"\n {10}beforeRequest: "hooksimSign"/g)).toHaveLength(2);
    const processor = await readFile(join(dir, 'hooksim-processor.mjs'), 'utf8');
    expect(processor).toContain('"signingKey": "HOOKSIM_SIGNING_KEY"');
    for (const text of [script, processor, await readFile(join(dir, 'package.json'), 'utf8')]) expect(text).not.toContain(KEY);
  });

  test.each([
    [['--export', 'k6', 'out'], 'hooksim: --export expects "artillery <dir>", e.g. --export artillery load-test/\n'],
    [['--export', 'artillery'], 'hooksim: --export expects "artillery <dir>", e.g. --export artillery load-test/\n'],
  ])('%j is a usage error, one line', async (flags, stderr) => {
    const run = await cli(['load', 'logto', 'PostRegister', '--to', 'http://127.0.0.1:9/hook', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(stderr);
  });
});

describe('hooksim load --to <config target>', () => {
  const root = join(import.meta.dirname, '../..');

  test('a target name from hooksim.config.ts runs in-process against that app', async () => {
    const run = await cli(['load', 'dexie-cloud', 'new-user', '--to', 'dexie-domain', '--events', '8', '--connections', '2'], {}, root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('hooksim load: dexie-cloud new-user -> in-process app');
    expect(run.stdout).toContain('verdicts    kept 8, broken 0, transport errors 0');
    expect(run.code).toBe(0);
  });

  test('an unknown name is a usage error naming the nearest target', async () => {
    const run = await cli(['load', 'dexie-cloud', 'new-user', '--to', 'dexie-domian', '--events', '8'], {}, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hooksim: --to "dexie-domian" is neither a URL nor a target of the config \(did you mean "dexie-domain"\?\); targets: .*dexie-domain/);
  });
});
