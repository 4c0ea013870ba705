import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The tests `npm run mutate` runs against each mutant: the unit tests of the code in Stryker's
 * scope, which run in milliseconds. The integration suites (CLI, examples over HTTP, bundled
 * scenarios) reach the same code but take seconds per run; run for each of hundreds of mutants
 * they would put a run on a shared 2-core machine far past 20 minutes. The score is therefore
 * what these unit tests alone catch: a lower bound for the whole suite.
 */
// The base's projects (which would bring every file back) and its dist/ build are left out: the
// unit tests import src/ only. A spread, not mergeConfig: mergeConfig would add these globs to the
// base `include`.
const { projects: _projects, globalSetup: _globalSetup, ...unitTest } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...unitTest,
    include: [
      'test/unit/**/*.test.ts',
      'test/vitest/**/*.test.ts',
      'test/scenarios/{matchers,expectations,api-expectations,result}.test.ts',
      'test/reporters/**/*.test.ts',
      'test/transports/wire-units.test.ts',
    ],
  },
});
