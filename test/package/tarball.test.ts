/**
 * hooksim as an app team gets it: the packed tarball, installed with production dependencies only
 * into a fresh project, then imported, run from the CLI, and used from the team's own vitest test.
 * vitest's global setup builds dist/ first; this file packs that build.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'consumer');
let consumer: string;
let server: Server;
let hookUrl: string;

/** Runs a command in the consumer project; never throws, so a failure shows its output. */
async function inConsumer(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: consumer, env: { ...process.env, NO_COLOR: '1', npm_config_loglevel: 'error' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * The `hooksim` command npm linked into node_modules/.bin, run directly: `npx` finds the same file
 * (tested once, for --version) but costs half a second of CPU per call to start npm.
 */
const hooksim = (...args: string[]) => inConsumer(process.execPath, ['node_modules/.bin/hooksim', ...args]);
const npxHooksim = (...args: string[]) => inConsumer('npx', ['--no-install', 'hooksim', ...args]);

/** Every package folder under node_modules (scoped ones counted one by one). */
async function installedPackages(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of await readdir(join(dir, entry.name))) names.push(`${entry.name}/${scoped}`);
    } else names.push(entry.name);
  }
  return names;
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  consumer = await mkdtemp(join(tmpdir(), 'hooksim-consumer-'));
  // --ignore-scripts: pack the build npm test just made instead of rebuilding it.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', consumer], { cwd: root });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
  const install = await inConsumer('npm', ['install', '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--prefer-offline', `./${filename}`]);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  for (const file of ['hook.yaml', 'probe.mjs', 'msw-missing.mjs']) await cp(join(fixtures, file), join(consumer, file));
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, action: 'prod', userData: {} }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dexie`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

describe('the packed package, production dependencies only', () => {
  test('installs no optional peer and no dev tool', async () => {
    const packages = await installedPackages(join(consumer, 'node_modules'));
    for (const absent of ['msw', 'express', 'supertest', 'tsx', 'vitest', 'nock', 'typescript']) expect(packages).not.toContain(absent);
    expect(packages).toContain('hooksim');
    // The ceiling: at most half of the 103 packages a production install took before.
    expect(packages.length).toBeLessThanOrEqual(51);
  });

  test('ships no source maps and no link into ../shared', async () => {
    const dist = join(consumer, 'node_modules/hooksim/dist');
    const files = await readdir(dist, { recursive: true });
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(join(consumer, 'node_modules/hooksim/README.md'), 'utf8');
    expect(readme).not.toMatch(/\]\(\.\.\/shared\//);
  });

  test('every public entry imports, and prepareEvent signs', async () => {
    const probe = await inConsumer('node', ['probe.mjs']);
    expect(probe.stderr).toBe('');
    const report = JSON.parse(probe.stdout) as { loaded: Record<string, number>; event: string; signed: boolean };
    expect(Object.keys(report.loaded)).toEqual(['hooksim', 'hooksim/scenarios', 'hooksim/reporters', 'hooksim/mock-apis', 'hooksim/check']);
    expect(report).toMatchObject({ event: 'User.Created', signed: true });
  });

  test('a feature of an optional peer that is not installed says which package to install, in one line', async () => {
    const probe = await inConsumer('node', ['msw-missing.mjs']);
    expect(probe.stdout).toBe('error: mock APIs over msw need the "msw" package: npm i -D msw\n');
    expect(probe.stderr).toBe('');
  });

  test('npx hooksim --version, and the linked hooksim list and show work', async () => {
    const version = await npxHooksim('--version');
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const list = await hooksim('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('PostRegister');
    const show = await hooksim('show', 'logto', 'User.Created', '--signing-key', 'k', '--raw');
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ event: 'User.Created' });
  });

  test('hooksim send reaches a local hook: exit 0 when it keeps the contract', async () => {
    const sent = await hooksim('send', 'dexie-cloud', 'new-user', '--to', hookUrl);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const refused = await hooksim('send', 'dexie-cloud', 'new-user', '--to', 'http://127.0.0.1:9/nothing-here', '--timeout', '500');
    expect(refused.code).toBe(1);
  });

  test('hooksim load counts every event with its histogram, and --export artillery writes its script and processor', async () => {
    const loaded = await hooksim('load', 'dexie-cloud', 'new-user', '--to', hookUrl, '--events', '300', '--connections', '4', '--json', '--fail-on', 'errors>0');
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    const report = JSON.parse(loaded.stdout) as { tally: { sent: number; kept: number }; latency: { p99: number } };
    expect(report.tally).toMatchObject({ sent: 300, kept: 300 });
    expect(report.latency.p99).toBeGreaterThan(0);
    const exported = await hooksim('load', 'dexie-cloud', 'new-user', '--to', hookUrl, '--export', 'artillery', 'artillery-out');
    expect(exported.code, exported.stderr).toBe(0);
    expect((await readdir(join(consumer, 'artillery-out'))).sort()).toEqual(['hooksim-load.yml', 'hooksim-processor.mjs', 'package.json']);
    // The runners' `npm install` gets the hooksim that wrote the processor.
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(await readFile(join(consumer, 'artillery-out', 'package.json'), 'utf8'))).toMatchObject({ dependencies: { hooksim: `^${version}` } });
  });

  test('hooksim run runs a scenario file against a URL', async () => {
    const result = await hooksim('run', 'hook.yaml', '--target', hookUrl, '--reporter', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { scenarios: { passed: 1 } } });
  });

  test('a TypeScript config without tsx installed is one line naming tsx and the alternatives (exit 2)', async () => {
    const folder = join(consumer, 'ts-config');
    await mkdir(folder);
    await writeFile(join(folder, 'hooksim.config.ts'), "export default { targets: { hook: 'http://127.0.0.1:9/' } };\n");
    const result = await inConsumer('sh', ['-c', 'cd ts-config && node ../node_modules/.bin/hooksim run ../hook.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('hooksim: TypeScript config files need the "tsx" package: npm i -D tsx (or write the config as hooksim.config.mjs or .json)\n');
  });

  test('a JavaScript config needs no compiler: its targets are used', async () => {
    const folder = join(consumer, 'js-config');
    await mkdir(folder);
    await writeFile(join(folder, 'hooksim.config.mjs'), `export default { defaultTarget: 'hook', targets: { hook: '${hookUrl}' } };\n`);
    const result = await inConsumer('sh', ['-c', 'cd js-config && node ../node_modules/.bin/hooksim run ../hook.yaml --reporter json']);
    expect(result.stderr).not.toContain('hooksim:');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { scenarios: { passed: 1 } } });
  });

  test("the team's own vitest test passes with send() and the matchers", async () => {
    // The team's devDependency; hooksim declares vitest as an optional peer and does not install it.
    const version = (await import('vitest/package.json', { with: { type: 'json' } })).default.version;
    const added = await inConsumer('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-save', `vitest@${version}`]);
    expect(added.stderr).not.toMatch(/ERR!/);
    await cp(join(fixtures, 'hook.test.ts'), join(consumer, 'hook.test.ts'));
    const tests = await inConsumer(process.execPath, ['node_modules/.bin/vitest', 'run', '--reporter', 'dot']);
    expect(tests.stdout + tests.stderr).toMatch(/Tests\s+3 passed/);
    expect(tests.code).toBe(0);
  }, 180_000);
});
