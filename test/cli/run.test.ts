import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jsonReportSchema } from '../../src/reporters/json.js';
import { cli } from './helpers.js';

/** A folder with a config whose targets are URL-less in-process hooks, and scenario files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hooksim-run-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const config = `export default {
  targets: {
    good: (req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ ok: true, action: 'eval' })); },
    created: (req, res) => { res.statusCode = 201; res.setHeader('content-type', 'application/json'); res.end('{"ok":true,"action":"eval"}'); },
  },
};\n`;

const passing = 'name: passes\nprovider: dexie-cloud\ntarget: good\nsteps:\n  - name: first login\n    send: new-user\n    expect:\n      outcome:\n        login: accepted\n';
const failing = 'name: fails\nprovider: dexie-cloud\ntarget: created\nsteps:\n  - name: first login\n    send: new-user\n    expect:\n      status: 200\n';
const malformed = 'name: broken file\nprovider: dexie-cloud\ntarget: good\nsteps:\n  - send: new-user\n    expect:\n      statuz: 200\n';

describe('hooksim run', () => {
  test('exit 0 when every scenario passes, with a pretty summary', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing });
    const { code, stdout, stderr } = await cli(['run'], {}, dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ first login');
    expect(stdout).toMatch(/Events\s+1 event sent: 1 passed, 0 failed, 0 errored/);
  });

  test('exit 1 when a scenario fails; the failed expectation shows expected, actual and file:line:column', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing, 'scenarios/b.yaml': failing });
    const { code, stdout } = await cli(['run'], {}, dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✘ status: expected status 200, got status 201 (scenarios/b.yaml:8:7)');
    expect(stdout).toContain('✘ contract: expected the contract kept, got broken: status: expected status 200, got 201');
  });

  test('exit 2 for a malformed file, which is reported with its position while the others still run', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing, 'scenarios/c.yaml': malformed });
    const { code, stdout } = await cli(['run'], {}, dir);
    expect(code).toBe(2);
    expect(stdout).toContain('scenarios/c.yaml:7:7: unknown key "statuz" (did you mean "status"?)');
    expect(stdout).toContain('✔ first login');
  });

  test('JUnit XML to a file parses, with a suite per scenario and a case per step', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing, 'scenarios/b.yaml': failing, 'scenarios/c.yaml': malformed });
    const { code } = await cli(['run', '--reporter', 'pretty', '--reporter', 'junit', '--out', 'out/report.xml'], {}, dir);
    expect(code).toBe(2);
    const xml = readFileSync(join(dir, 'out/report.xml'), 'utf8');
    const doc = create(xml).end({ format: 'object' }) as any;
    const suites = [doc.testsuites.testsuite].flat();
    expect(doc.testsuites['@name']).toBe('hooksim');
    expect(doc.testsuites['@tests']).toBe('3');
    expect(doc.testsuites['@failures']).toBe('1');
    expect(doc.testsuites['@errors']).toBe('1');
    expect(suites.map((suite: any) => suite['@name'])).toEqual(['passes', 'fails', 'c.yaml']);
    const failed = suites[1].testcase;
    expect(failed['@name']).toBe('first login');
    expect(failed.failure['@message']).toContain('status: expected status 200, got status 201');
    expect(suites[2].testcase.error['@message']).toContain('scenarios/c.yaml:7:7');
  });

  test('JSON to stdout validates against the documented schema; progress goes to stderr', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing, 'scenarios/b.yaml': failing });
    const { code, stdout, stderr } = await cli(['run', '--reporter', 'json'], {}, dir);
    expect(code).toBe(1);
    const report = jsonReportSchema.parse(JSON.parse(stdout));
    expect(report.summary.events).toEqual({ sent: 2, passed: 1, failed: 1, errored: 0 });
    expect(report.scenarios.map((s) => s.status)).toEqual(['passed', 'failed']);
    expect(stderr).toMatch(/\[2\/2\] ✘ fails failed/);
  });

  test('GitHub annotations carry file, line and column', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/b.yaml': failing });
    const { stdout } = await cli(['run', '--reporter', 'github'], {}, dir);
    expect(stdout).toContain('::error file=scenarios/b.yaml,line=8,col=7,title=fails › first login::status: expected status 200, got status 201');
    expect(stdout).toMatch(/::notice::hooksim: 0 passed, 1 failed/);
  });

  test('--grep selects scenarios; --target overrides the file; --bail skips the rest', async () => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing, 'scenarios/b.yaml': failing });
    const grep = await cli(['run', '--grep', 'pass', '--reporter', 'json'], {}, dir);
    expect(JSON.parse(grep.stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(['passes']);
    const override = await cli(['run', '--target', 'good', '--reporter', 'json'], {}, dir);
    expect(override.code).toBe(0);
    const bail = await cli(['run', 'scenarios/b.yaml', 'scenarios/a.yaml', '--bail', '--reporter', 'json'], {}, dir);
    expect(JSON.parse(bail.stdout).scenarios.map((s: { status: string }) => s.status)).toEqual(['failed', 'skipped']);
    expect(JSON.parse(bail.stdout).summary.events.sent).toBe(1);
  });

  test.each([
    [['run', '--reporter', 'junt'], /unknown reporter "junt" \(did you mean "junit"\?\)/],
    [['run', 'nowhere'], /no such file or folder: nowhere/],
    [['run', '--config', 'missing.config.ts'], /config file not found: missing\.config\.ts/],
    [['run', '--grep', 'nothing-matches'], /no scenario matches --grep "nothing-matches"/],
    [['run', '--out', 'x.xml'], /--out x\.xml: no reporter to write it/],
  ])('usage error %j: exit 2, one line', async (argv, message) => {
    const dir = workspace({ 'hooksim.config.mjs': config, 'scenarios/a.yaml': passing });
    const { code, stderr } = await cli(argv as string[], {}, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a TypeScript config with defineConfig loads; an unknown config key is a usage error with a hint', async () => {
    const define = join(process.cwd(), 'src/config/define.ts');
    const dir = workspace({
      'hooksim.config.ts': `import { defineConfig } from ${JSON.stringify(define)};\nexport default defineConfig({ targets: { good: 'http://127.0.0.1:9/' }, reporters: ['json'] });\n`,
      'scenarios/a.yaml': passing,
    });
    const { stdout } = await cli(['run'], {}, dir);
    expect(JSON.parse(stdout).scenarios[0].target).toBe('http://127.0.0.1:9/');
    const bad = workspace({ 'hooksim.config.json': '{"target": {}}', 'scenarios/a.yaml': passing });
    const result = await cli(['run'], {}, bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option "target" \(did you mean "targets"\?\)/);
  });
});

/** A hook on 127.0.0.1: answers the first request of each scenario file's run; then, on /hang, never. */
let hook: Server;
let hookUrl: string;
let received = 0;
beforeAll(async () => {
  hook = createServer((req: IncomingMessage, res: ServerResponse) => {
    received += 1;
    req.resume();
    if (req.url === '/hang' && received > 1) return; // headers never come
    if (req.url === '/huge') {
      res.setHeader('content-type', 'text/plain');
      res.end('y'.repeat(1024 * 1024));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true,"action":"eval"}');
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
});
afterAll(async () => {
  hook.closeAllConnections();
  await new Promise((resolve) => hook.close(resolve));
});

const urlStory = (name: string, path: string, steps = 1) =>
  `name: ${name}\nprovider: dexie-cloud\ntarget: ${hookUrl}${path}\nsteps:\n${Array.from({ length: steps }, (_, i) => `  - name: step ${i + 1}\n    send: new-user\n`).join('')}`;

describe('--out: checked before the run, written whole', () => {
  test('an --out path that cannot be written stops the run before anything is sent', async () => {
    const dir = workspace({ 'a.yaml': urlStory('a', '/ok'), taken: 'a file, not a folder' });
    const before = received;
    const { code, stderr } = await cli(['run', 'a.yaml', '--reporter', 'junit', '--out', 'taken/report.xml'], {}, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^hooksim: --out taken\/report\.xml: cannot (write there|create the folder taken) \(ENOTDIR|EEXIST\)\n$/);
    expect(received).toBe(before);
  });

  test('a writable --out path: the run goes on and sends', async () => {
    const dir = workspace({ 'a.yaml': urlStory('a', '/ok') });
    const before = received;
    const { code } = await cli(['run', 'a.yaml', '--reporter', 'junit', '--out', 'deep/er/report.xml'], {}, dir);
    expect(code).toBe(0);
    expect(received).toBe(before + 1);
    expect(readFileSync(join(dir, 'deep/er/report.xml'), 'utf8')).toContain('<testsuites name="hooksim" tests="1"');
  });

  test('the report replaces the old file by rename: a reader of the old file never sees half of the new one, no temp file is left', async () => {
    const dir = workspace({ 'a.yaml': urlStory('a', '/ok'), 'report.xml': 'OLD REPORT' });
    const reader = openSync(join(dir, 'report.xml'), 'r');
    try {
      const { code } = await cli(['run', 'a.yaml', '--reporter', 'junit', '--out', 'report.xml'], {}, dir);
      expect(code).toBe(0);
      // Written in place, the open file would now hold the new XML (or part of it).
      const buffer = Buffer.alloc(64);
      const read = readSync(reader, buffer, 0, 64, 0);
      expect(buffer.subarray(0, read).toString()).toBe('OLD REPORT');
    } finally {
      closeSync(reader);
    }
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites[\s\S]*<\/testsuites>$/);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'report.xml']);
  });

  test('an alias bomb in one file: the others run and the JUnit report is written, with the bomb as that file\'s error', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', urlStory('bomb', '/ok')].join('\n');
    const dir = workspace({ 'scenarios/a.yaml': urlStory('a', '/ok'), 'scenarios/bomb.yaml': bomb, 'scenarios/c.yaml': urlStory('c', '/ok') });
    const { code, stdout } = await cli(['run', '--reporter', 'pretty', '--reporter', 'junit', '--out', 'report.xml'], {}, dir);
    expect(code).toBe(2);
    expect(stdout).toContain('scenarios/bomb.yaml:2:8: too many YAML alias expansions (an alias bomb?)');
    expect(stdout).not.toContain('unexpected error');
    const doc = create(readFileSync(join(dir, 'report.xml'), 'utf8')).end({ format: 'object' }) as any;
    const suites = [doc.testsuites.testsuite].flat();
    expect(suites.map((suite: any) => suite['@name'])).toEqual(['a', 'bomb.yaml', 'c']);
    expect(doc.testsuites['@errors']).toBe('1');
  });

  test('hooksim run . in a project root runs the scenarios (one-line JSON too) and leaves package.json, tsconfig, schema and report files alone', async () => {
    const dir = workspace({
      'package.json': '{"name":"app","scripts":{"test":"vitest"}}',
      'tsconfig.json': '{"compilerOptions":{}}',
      'scenarios/scenario.schema.json': '{"$schema":"https://json-schema.org/draft/2020-12/schema","properties":{"provider":{},"steps":{}}}',
      'scenarios/a.yaml': urlStory('a', '/ok'),
      'scenarios/b.json': JSON.stringify({ name: 'b', provider: 'dexie-cloud', target: `${hookUrl}/ok`, steps: [{ send: 'new-user' }] }),
      'scenarios/report.json': '{"schemaVersion":1,"scenarios":[]}',
      'dist/copy.yaml': urlStory('built copy', '/ok'),
    });
    const { code, stdout } = await cli(['run', '.', '--reporter', 'json'], {}, dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).scenarios.map((s: { file: string }) => s.file)).toEqual(['scenarios/a.yaml', 'scenarios/b.json']);
  });
});

describe('terminal output of huge replies', () => {
  test('send shows the start of a 1 MB reply and its size, not the whole of it', async () => {
    const { stdout } = await cli(['send', 'dexie-cloud', 'new-user', '--to', `${hookUrl}/huge`]);
    expect(stdout.length).toBeLessThan(20_000);
    expect(stdout).toContain('… (1.0 MB in all; the first 4000 characters are shown)');
  });
});

/** The shipped CLI (built by vitest's global setup) in a real process: signals and pipes need one. */
function spawnCli(args: string[]) {
  const child = spawn(process.execPath, [join(process.cwd(), 'bin/hooksim.js'), ...args], {
    cwd: process.cwd(),
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('a real process', () => {
  test('Ctrl-C during a run prints the partial report, writes the report file whole and exits 130', async () => {
    const dir = workspace({ 'a.yaml': urlStory('stalls', '/hang', 3) });
    received = 0;
    const out = join(dir, 'report.xml');
    const run = spawnCli(['run', join(dir, 'a.yaml'), '--reporter', 'pretty', '--reporter', 'junit', '--out', out]);
    // Interrupt once the first step is reported: the second is then waiting on a hook that never answers.
    await new Promise<void>((resolve) => {
      run.child.stdout.on('data', () => {
        if (run.output().stdout.includes('step 1')) resolve();
      });
    });
    run.child.kill('SIGINT');
    const code = await run.exited;
    const { stdout, stderr } = run.output();
    expect(code).toBe(130);
    expect(stderr).toBe('');
    expect(stdout).toContain('✔ step 1');
    expect(stdout).toContain('interrupted (Ctrl-C) during step 2 of 3');
    expect(stdout).toMatch(/Events\s+1 event sent: 1 passed, 0 failed, 0 errored/);
    expect(stdout).toContain('INTERRUPTED (exit code 130)');
    const doc = create(readFileSync(out, 'utf8')).end({ format: 'object' }) as any;
    expect(doc.testsuites['@tests']).toBe('2');
    expect(doc.testsuites['@errors']).toBe('1');
  }, 30_000);

  test('a closed stdout (| head -c 0) ends quietly: no EPIPE stack trace, exit 0', async () => {
    const run = spawnCli(['show', 'logto', 'User.Created', '--raw']);
    // The reader goes away before the CLI writes a byte.
    run.child.stdout.destroy();
    const code = await run.exited;
    expect(run.output().stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});

describe('a reporter that fails', () => {
  test('a terminal that cannot be written switches the pretty reporter off; JUnit is still written whole; exit 1 although the scenario passed', async () => {
    const { runCli } = await import('../../src/cli/main.js');
    const dir = workspace({ 'a.yaml': urlStory('a', '/ok', 2) });
    let stderr = '';
    const code = await runCli(['run', 'a.yaml', '--reporter', 'pretty', '--reporter', 'junit', '--out', 'report.xml'], {
      stdout: () => {
        throw new Error('EIO: i/o error, write');
      },
      stderr: (text) => {
        stderr += text;
      },
      env: {},
      isTty: false,
      cwd: dir,
    });
    expect(stderr).toBe('hooksim: reporter pretty failed in onScenarioStart: EIO: i/o error, write; its output is left out\n');
    expect(code).toBe(1);
    const doc = create(readFileSync(join(dir, 'report.xml'), 'utf8')).end({ format: 'object' }) as any;
    expect(doc.testsuites['@tests']).toBe('2');
    expect(doc.testsuites['@failures']).toBe('0');
  });
});
