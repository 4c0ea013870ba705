import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { describe, expect, test } from 'vitest';
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
