/**
 * `npm test` wall time, side by side: this checkout and, when BASELINE_DIR names another checkout
 * (with its own `npm ci` done), that one, run one after the other in the same session. Prints for
 * each the wall time, the CPU time of the whole process tree, the test count, milliseconds of wall
 * time per test, and the ratios. With a baseline it also runs the baseline's own tests the way this
 * checkout runs its tests (its build and typecheck scripts, then vitest with one worker more than
 * the cores and one module graph per worker): the same tests, so that ratio is the runner's alone.
 * Run: `BASELINE_DIR=<checkout> npm run bench:test-time` (a few minutes).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

interface Timing {
  name: string;
  wall: number;
  cpu: number;
  tests: number;
  summary: string;
  status: number | null;
}

function timeTests(name: string, dir: string, command = 'npm test'): Timing {
  // bash's `time` reports the CPU of every process the test run started (workers, tsc, npm, browsers).
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='@@time %R %U %S'; time (${command})`], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  const [, wall, user, system] = /@@time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? [];
  const plain = /(\d+) passed, (\d+) failed/.exec(run.stdout);
  const vitest = /Tests\s+(?:\S+\s+)*?(\d+) passed/.exec(run.stdout.replace(/\x1b\[[0-9;]*m/g, ''));
  const passed = Number(plain?.[1] ?? vitest?.[1] ?? 0);
  const failed = Number(plain?.[2] ?? 0);
  return { name, wall: Number(wall), cpu: Number(user) + Number(system), tests: passed + failed, summary: `${passed} passed, ${failed} failed`, status: run.status };
}

const workers = availableParallelism() + 1;
const rows: [string, string, string?][] = [];
if (process.env.BASELINE_DIR) {
  const baseline = resolve(process.env.BASELINE_DIR);
  rows.push(['baseline', baseline]);
  rows.push(['baseline tests, this runner', baseline, `npm run build && npm run typecheck && npx vitest run --maxWorkers=${workers} --no-isolate`]);
}
rows.push(['this checkout', resolve(import.meta.dirname, '..')]);
const results = rows.map(([name, dir, command]) => timeTests(name, dir, command));
console.log('| checkout | npm test wall s | CPU s | tests | wall ms per test | exit |');
console.log('|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.summary} | ${((r.wall * 1000) / Math.max(r.tests, 1)).toFixed(1)} | ${r.status} |`);
if (results.length === 3) {
  const [before, sameTests, after] = results as [Timing, Timing, Timing];
  console.log(`same tests, this runner / baseline: wall ${(sameTests.wall / before.wall).toFixed(2)}x`);
  console.log(`this checkout / baseline: wall ${(after.wall / before.wall).toFixed(2)}x, CPU ${(after.cpu / before.cpu).toFixed(2)}x, wall per test ${((after.wall / after.tests) / (before.wall / before.tests)).toFixed(2)}x`);
}
