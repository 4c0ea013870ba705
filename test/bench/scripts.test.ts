import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The README's figures come from the scripts in bench/: each must still run to its end and
 * print every row it promises. Run here with tiny counts (the figures themselves are not
 * checked: timing assertions have no place in tests); `npm run bench` and friends run them
 * at full size.
 */

const root = resolve(import.meta.dirname, '../..');

/** Runs a bench script as `npm run bench…` does (tsx, from the repository root); resolves with its exit code and output. */
function runBench(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** The first cells of a printed markdown table's rows. */
const rowNames = (table: string) =>
  table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('|---'))
    .map((line) => line.split('|')[1]!.trim());

describe('bench scripts', () => {
  test('bench/load.ts (npm run bench) prints every case, hooksim beside its reference, and the ceiling row', async () => {
    const run = await runBench('bench/load.ts', { BENCH_SECONDS: '0.3', BENCH_SEND: '60', BENCH_PREPARE: '400', BENCH_RSS_SMALL: '100', BENCH_RSS_LARGE: '300', BENCH_RSS_ROUNDS: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('**Machine:**');
    const rows = rowNames(run.stdout);
    expect(rows).toEqual([
      'Case',
      'prepareEvent logto PostRegister (CPU per event)',
      'prepareEvent dexie-cloud new-user (CPU per event)',
      ...[1, 10, 50].flatMap((concurrency) => [
        `URL transport + judge + redact (deliverPrepared), concurrency ${concurrency}`,
        `send() (build+sign+deliver+judge+redact), concurrency ${concurrency}`,
      ]),
      expect.stringMatching(/^hooksim load, 10 connections, 0\.3 s, ~\d+ B bodies \(signed, judged\)$/),
      expect.stringMatching(/^ceiling here for a client that builds and signs each event \(\d+ cores shared by client and hook\)$/),
      'peak RSS, hooksim load 300 vs 100 events (median of 1)',
    ]);
    // Every ratio cell is a number with an x: no NaN or Infinity from an empty run.
    const ratios = run.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Case') && !line.startsWith('|---')).map((line) => line.split('|')[4]!.trim());
    for (const ratio of ratios) expect(ratio).toMatch(/^\d+\.\d\dx/);
  }, 120_000);

  test('bench/cold-start.ts (npm run bench:startup) prints each command against node -e 0', async () => {
    const run = await runBench('bench/cold-start.ts', { ROUNDS: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(rowNames(run.stdout)).toEqual(['command', 'node -e 0', 'hooksim --help', 'hooksim list', "import('hooksim')", "import('hooksim') + prepareEvent"]);
  }, 60_000);
});
