/**
 * The README's GitHub Actions workflow (examples/ci/github-actions.yml, included verbatim) runs
 * here: each `npx hooksim` line of its steps, with the JUnit file sent to a temporary folder and
 * `--grep` added to keep the run short. It must exit 0, print GitHub annotations and write the
 * JUnit file the report step reads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runReadmeCommand } from './cli-run.js';

interface Workflow {
  jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
}

const workflow = parse(readFileSync(resolve(repoRoot, 'examples/ci/github-actions.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const hooksimLines = steps.flatMap((step) => (step.run ?? '').split('\n')).filter((line) => line.trim().startsWith('npx hooksim'));

test('the workflow installs with npm ci and runs hooksim with the github and junit reporters', () => {
  expect(steps.map((step) => step.run).filter(Boolean)).toContain('npm ci');
  expect(hooksimLines).toHaveLength(1);
  expect(hooksimLines[0]).toMatch(/--reporter github/);
  expect(hooksimLines[0]).toMatch(/--out junit=(\S+)/);
  // The report step reads the file the run writes.
  const out = /--out junit=(\S+)/.exec(hooksimLines[0]!)![1];
  expect(steps.find((step) => step.uses?.startsWith('mikepenz/action-junit-report'))?.with?.report_paths).toBe(out);
});

test('its hooksim line runs: exit 0, annotations on stdout, a complete JUnit file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hooksim-ci-'));
  try {
    const line = hooksimLines[0]!.replace(/--out junit=\S+/, `--out junit=${join(dir, 'hooksim.xml')}`);
    const run = await runReadmeCommand(`${line} --grep signature-tamper`);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/^::notice::hooksim: 1 passed, 0 failed, 0 errored, 0 skipped; 5 events sent$/m);
    const junit = readFileSync(join(dir, 'hooksim.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="hooksim" tests="5" failures="0" errors="0"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
