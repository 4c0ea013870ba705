/**
 * `hooksim load --export artillery`: the exported script runs under the real Artillery against a
 * local hook, and every request it sends is accepted, correctly signed, and a distinct user's.
 *
 * Artillery is not a dependency (973 packages): this test installs artillery@2.0.21 (the last
 * release for Node 20) into ~/.cache/hooksim-artillery on first use (about 2 minutes, once), and
 * gives the processor hooksim as one esbuild bundle of src/ (as `npm install hooksim` would).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportArtillery } from '../../src/load/artillery.js';
import { KEY, ok, startHook } from './helpers.js';

const CACHE = join(homedir(), '.cache', 'hooksim-artillery');
const ARTILLERY = join(CACHE, 'node_modules', '.bin', 'artillery');
const root = resolve(import.meta.dirname, '../..');

/** Runs a command to its end; resolves with its exit code and output. */
function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output }));
  });
}

let dir: string;
let bundle: string;

beforeAll(async () => {
  if (!existsSync(ARTILLERY)) {
    // A dependency of Artillery downloads a browser unless told not to.
    const install = await run('npm', ['install', '--prefix', CACHE, 'artillery@2.0.21', '--no-audit', '--no-fund'], { cwd: tmpdir(), env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
    if (install.code !== 0 || !existsSync(ARTILLERY)) throw new Error(`installing artillery failed:\n${install.output.slice(-2000)}`);
  }
  dir = await mkdtemp(join(tmpdir(), 'hooksim-artillery-'));
  bundle = join(dir, 'hooksim-bundle.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
    // CommonJS dependencies inside an ESM bundle need a require.
    banner: { js: "import { createRequire as hooksimRequire } from 'node:module'; const require = hooksimRequire(import.meta.url);" },
  });
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hooksim load --export artillery', () => {
  test('Artillery runs the exported script: 10 new users, 20 signed, distinct, accepted requests; the key is not in the files', async () => {
    const hook = await startHook((_index, _req, res) => ok(res));
    try {
      const out = join(dir, 'export');
      await exportArtillery({
        dir: out,
        provider: 'logto',
        events: ['PostRegister', 'User.Created:experience'],
        url: hook.url,
        count: 20,
        durationMs: 2000,
        secretOptions: { signingKey: 'HOOKSIM_SIGNING_KEY' },
        fallbackImport: pathToFileURL(bundle).href,
      });
      const files = await Promise.all(['hooksim-load.yml', 'hooksim-processor.mjs', 'package.json'].map((name) => readFile(join(out, name), 'utf8')));
      expect(files.some((text) => text.includes(KEY))).toBe(false);

      const artillery = await run(ARTILLERY, ['run', '--output', join(out, 'report.json'), 'hooksim-load.yml'], {
        cwd: out,
        env: { HOOKSIM_SIGNING_KEY: KEY, ARTILLERY_DISABLE_TELEMETRY: 'true' },
      });
      expect(artillery.code, artillery.output.slice(-3000)).toBe(0);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { aggregate: { counters: Record<string, number> } };
      expect(report.aggregate.counters).toMatchObject({ 'vusers.created': 10, 'vusers.completed': 10, 'http.requests': 20, 'http.codes.200': 20 });
      expect(report.aggregate.counters['vusers.failed'] ?? 0).toBe(0);

      // The hook's side: every request correctly signed over its exact bytes, none alike, and
      // each new user's PostRegister and User.Created in one sign-up session.
      expect(hook.log.bodies).toHaveLength(20);
      expect(hook.log.unsigned).toBe(0);
      expect(hook.log.badSignatures).toBe(0);
      expect(new Set(hook.log.bodies).size).toBe(20);
      const events = hook.log.bodies.map((body) => JSON.parse(body) as { event: string; sessionId: string });
      expect(events.filter((event) => event.event === 'PostRegister')).toHaveLength(10);
      expect(new Set(events.map((event) => event.sessionId)).size).toBe(10);
    } finally {
      await hook.close();
    }
  }, 180_000);
});
