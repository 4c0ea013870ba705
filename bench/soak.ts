/**
 * Soak: many events across many scenarios through `runScenarios` and the CLI's reporters, against
 * a trivial in-process hook. Checks that every event sent is accounted for (sent = passed +
 * failed + errored, in the summary and in each reporter) and prints peak RSS, sampled as the run
 * goes, so memory growth with the number of events shows.
 *
 *   npx tsx bench/soak.ts                     # 10,000 events, streaming (as `hooksim run` does) and kept
 *   SOAK_EVENTS=50000 npx tsx bench/soak.ts   # more
 *
 * Each mode runs in its own process, so each peak is its own. Exit code 1 when a count does not add up.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EVENTS = Number(process.env.SOAK_EVENTS ?? 10_000);
const SCENARIOS = Number(process.env.SOAK_SCENARIOS ?? 200);
const mode = process.argv[2];

if (mode === undefined) {
  // The parent: one child per mode, then the table.
  console.log(`hooksim soak: ${EVENTS} events planned across ${SCENARIOS} scenarios, in-process hook, Node ${process.version}`);
  let failed = false;
  for (const child of ['stream', 'keep']) {
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), child], { stdio: 'inherit', env: process.env });
    if (result.status !== 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

const { runScenarios } = await import('../src/scenarios/run-all.js');
const { createReporters } = await import('../src/reporters/index.js');
type Reporter = import('../src/reporters/types.js').Reporter;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// A trivial hook: accepts every new user. Every 10th scenario's hook answers 201 (a contract
// violation: failed steps); every 50th sends to a refused port (errored steps).
const accept = (_req: unknown, res: { statusCode: number; setHeader(n: string, v: string): void; end(b: string): void }) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"ok":true,"action":"eval"}');
};
const wrongStatus: typeof accept = (req, res) => {
  res.statusCode = 201;
  accept(req, res);
};

const dir = mkdtempSync(join(tmpdir(), 'hooksim-soak-'));
const perScenario = Math.max(1, Math.round(EVENTS / SCENARIOS));
for (let i = 0; i < SCENARIOS; i++) {
  const target = i % 50 === 49 ? 'http://127.0.0.1:1/' : i % 10 === 9 ? 'wrong' : 'accept';
  const steps = Array.from({ length: perScenario }, (_, n) => `  - name: login ${n + 1}\n    send: new-user\n`).join('');
  mkdirSync(join(dir, `group-${i % 10}`), { recursive: true });
  writeFileSync(join(dir, `group-${i % 10}`, `s${String(i).padStart(5, '0')}.yaml`), `name: soak ${i}\nprovider: dexie-cloud\ntarget: ${target}\nsteps:\n${steps}`);
}

// What each reporter says it saw, and RSS as the run goes.
let live = { sent: 0, passed: 0, failed: 0, errored: 0 };
let steps = 0;
let peak = 0;
const samples: { events: number; rss: number; heap: number }[] = [];
const counting: Reporter = {
  name: 'counting',
  onStepEnd(_scenario, step) {
    steps += 1;
    for (const delivery of step.deliveries) {
      live.sent += 1;
      if (delivery.error && step.status === 'errored') live.errored += 1;
      else if (step.status === 'passed') live.passed += 1;
      else live.failed += 1;
    }
    if (steps % 250 === 0) {
      // With --expose-gc, live heap after a collection: what the run really holds on to.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      peak = Math.max(peak, rss);
      samples.push({ events: live.sent, rss, heap: heapUsed });
    }
  },
  onRunEnd: () => '',
};
let prettyBytes = 0;
const names = (process.env.SOAK_REPORTERS ?? 'pretty,junit,github').split(',').filter(Boolean);
const reporters = [
  ...createReporters(names, { write: (text) => void (prettyBytes += text.length), isTty: false, colour: false }),
  counting,
];

const keep = mode === 'keep';
const started = performance.now();
const run = await runScenarios({
  cwd: dir,
  paths: ['.'],
  config: { targets: { accept, wrong: wrongStatus } as never },
  reporters,
  // `hooksim run` keeps results only for a reporter that needs them all (json); "keep" is the old behaviour.
  keepResults: keep,
  now: Date.parse('2026-03-01T09:00:00Z'),
});
const seconds = (performance.now() - started) / 1000;
const documents = Object.fromEntries(reporters.map((reporter) => [reporter.name, reporter.onRunEnd(run)]));
peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
rmSync(dir, { recursive: true, force: true });

const { events } = run.summary;
const checks: [string, boolean][] = [
  ['summary: sent = passed + failed + errored', events.sent === events.passed + events.failed + events.errored],
  ['streaming reporter saw the same counts', JSON.stringify(live) === JSON.stringify(events)],
  ['pretty summary line', !documents.pretty || documents.pretty.includes(`${events.sent} events sent: ${events.passed} passed, ${events.failed} failed, ${events.errored} errored`)],
  ['github notice', !documents.github || documents.github.includes(`; ${events.sent} events sent`)],
  ['junit: one testcase per step', !documents.junit || documents.junit.includes(`<testsuites name="hooksim" tests="${run.summary.steps.passed + run.summary.steps.failed + run.summary.steps.errored + run.summary.steps.skipped}"`)],
];
const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * fraction))];
const growth = samples.length > 4 ? at(0.95)!.rss - at(0.2)!.rss : 0;
const heapGrowth = samples.length > 4 ? at(0.95)!.heap - at(0.2)!.heap : 0;
console.log(
  `\n${keep ? 'keepResults: true (every delivery kept)' : 'streaming (hooksim run default)'}: ${events.sent} events sent (${events.passed} passed, ${events.failed} failed, ${events.errored} errored) in ${run.scenarios.length} scenarios, ${seconds.toFixed(1)} s (${Math.round(events.sent / seconds)} events/s)`,
);
console.log(`  peak RSS ${mb(peak)}; RSS at 20% of events ${mb(at(0.2)?.rss ?? 0)}, at 95% ${mb(at(0.95)?.rss ?? 0)} (growth ${mb(growth)}); live heap ${mb(at(0.2)?.heap ?? 0)} → ${mb(at(0.95)?.heap ?? 0)} (growth ${mb(heapGrowth)}); JUnit ${mb(documents.junit?.length ?? 0)}, pretty ${mb(prettyBytes)}`);
for (const [name, ok] of checks) console.log(`  ${ok ? '✔' : '✘'} ${name}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
