/**
 * `npm test` wall time, side by side: this checkout and, when BASELINE_DIR names another checkout
 * (with its own `npm ci` done), that one, run one after the other in the same session. Prints each
 * time, its test count and the ratio. Run: `npm run bench:test-time` (several minutes).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

function timeTests(dir: string): { seconds: number; summary: string; status: number | null } {
  const started = performance.now();
  const run = spawnSync('npm', ['test'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const summary = /(\d+) passed, (\d+) failed/.exec(run.stdout)?.[0] ?? /Tests\s+(.*)/.exec(run.stdout)?.[1] ?? 'no summary';
  return { seconds, summary, status: run.status };
}

const rows: [string, string][] = [];
if (process.env.BASELINE_DIR) rows.push(['baseline', resolve(process.env.BASELINE_DIR)]);
rows.push(['this checkout', resolve(import.meta.dirname, '..')]);
const results = rows.map(([name, dir]) => ({ name, ...timeTests(dir) }));
console.log('| checkout | npm test wall s | tests | exit |');
console.log('|---|---|---|---|');
for (const result of results) console.log(`| ${result.name} | ${result.seconds.toFixed(1)} | ${result.summary} | ${result.status} |`);
if (results.length === 2) console.log(`ratio this/baseline: ${(results[1]!.seconds / results[0]!.seconds).toFixed(2)}x`);
