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

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The consumer project's own test runs inside the packed-package test, from its temp install.
    // *.slow.test.ts install large tools on first use (Artillery: ~530 MB): `npm run test:slow` runs them.
    exclude: ['test/package/consumer/**', '**/node_modules/**', ...(process.env.HOOKSIM_SLOW_TESTS ? [] : ['test/**/*.slow.test.ts'])],
    // Each file gets its own module graph: msw and nock share @mswjs/interceptors and must not meet.
    isolate: true,
    testTimeout: 15_000,
    reporters: ['default', plainSummary],
  },
});
