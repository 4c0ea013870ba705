// Mutation testing (StrykerJS 9.6; 10.x needs Node 22). `npm run mutate` runs it.
// The scope is the code that decides verdicts: if one of these lines can change without a test
// failing, a broken hook could be reported as passing.
import { readFileSync } from 'node:fs';

/**
 * `file:from-to`, the lines from the one containing `start` to the next one containing `end`
 * (inclusive): only part of these files decides verdicts, and line numbers move as others edit.
 */
function part(file, start, end = start) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const from = lines.findIndex((line) => line.includes(start));
  const to = from < 0 ? -1 : lines.findIndex((line, index) => index >= from && line.includes(end));
  if (from < 0 || to < 0) {
    // Said loudly, but the run goes on: the rest of the scope is still worth checking.
    console.error(`stryker.config.mjs: cannot find "${from < 0 ? start : end}" in ${file}; that part is left out of the mutate scope: update it`);
    return `!${file}`;
  }
  return `${file}:${from + 1}-${to + 1}`;
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit tests of this scope only (see that file for why): seconds per mutant, not minutes.
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  // src only: examples import 'hooksim' (dist/), which may be stale between builds.
  tsconfigFile: 'tsconfig.mutate.json',
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // The machine has 2 cores, shared.
  concurrency: 2,
  // Static mutants (module-level constants) run every test for each mutant: about 10% of the
  // mutants but 70% of the time. They are left out (reported as ignored).
  ignoreStatic: true,
  // Mutants whose code and tests did not change keep their last result: a re-run is quick.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  mutate: [
    // Providers: how a reply is judged, signed and retried.
    'src/providers/*/outcome.ts',
    'src/providers/logto/delivery.ts',
    'src/providers/logto/signing.ts',
    'src/delivery/**/*.ts',
    // Transport limits: the reply-size cap (bytes counted, prefix kept) and the total-time cap.
    'src/transports/read-capped.ts',
    part('src/transports/wire/body-sink.ts', 'export class PrefixCounter', 'truncated: this.bytes > this.cap'),
    part('src/transports/types.ts', 'export function totalCapMs', 'Math.max('),
    // Scenario expectations, matchers, results and exit codes.
    'src/scenarios/expectations.ts',
    'src/scenarios/matchers.ts',
    'src/scenarios/api-expectations.ts',
    'src/scenarios/result.ts',
    // --bail: whether a finished scenario stops the run.
    part('src/scenarios/run-all.ts', 'if (options.bail'),
    // Reporters' counts.
    part('src/reporters/text.ts', 'function counts(', 'Duration'),
    part('src/reporters/junit.ts', 'function addSuite(', 'skipped: String(tally.skipped)'),
    part('src/reporters/junit.ts', 'total[key] += tally[key]'),
    part('src/reporters/junit.ts', 'tests: String(total.tests)', 'skipped: String(total.skipped)'),
    part('src/reporters/github.ts', 'const { scenarios, events, configErrors } = run.summary', '${scenarios.skipped} skipped'),
    // `hooksim check`: how replies to probes are graded.
    'src/check/grade.ts',
    part('src/check/exchange.ts', 'export function replyText', 'Math.floor(sent.response.status / 100)'),
    // hooksim/vitest matchers.
    'src/vitest/matchers.ts',
  ],
};
