import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with a plain `N passed, N failed` line, the form CI log readers look for. */
const plainSummary: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  },
};

/**
 * Files that install request interceptors (msw's setupServer, nock) or fake timers: each gets its own
 * module graph, since msw and nock share @mswjs/interceptors and must not meet. The fault matrix
 * too: it bounds the peak RSS of the process running it, which must not include other files.
 */
const isolatedFiles = [
  'test/mock-apis/msw-coexistence.test.ts',
  'test/mock-apis/msw-serving.test.ts',
  'test/mock-apis/nock-coexistence.test.ts',
  'test/mock-apis/optional-peers.test.ts',
  'test/transports/in-process-msw.test.ts',
  'test/transports/in-process-nock.test.ts',
  'test/scenarios/api-expectations.test.ts',
  'test/faults/matrix.test.ts',
];

const slowExcluded = process.env.HOOKSIM_SLOW_TESTS ? [] : ['test/**/*.slow.test.ts'];

export default defineConfig({
  test: {
    // The consumer project's own test runs inside the packed-package test, from its temp install.
    // *.slow.test.ts install large tools on first use (Artillery: ~530 MB): `npm run test:slow` runs them.
    exclude: ['test/package/consumer/**', '**/node_modules/**', ...slowExcluded],
    // Many files wait on child processes, sockets and a browser: one worker more than the cores
    // keeps the CPUs busy (vitest's default is one fewer).
    maxWorkers: availableParallelism() + 1,
    globalSetup: ['test/setup/build-dist.ts'],
    testTimeout: 15_000,
    reporters: ['default', plainSummary],
    projects: [
      { extends: true, test: { name: 'isolated', include: isolatedFiles, isolate: true } },
      // The rest share one module graph per worker: importing src, faker and zod once per worker
      // instead of once per file halves the run. These files leave no global state behind.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...isolatedFiles, 'test/package/consumer/**', '**/node_modules/**', ...slowExcluded], isolate: false } },
    ],
  },
});
