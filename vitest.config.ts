import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file gets its own module graph: msw and nock share @mswjs/interceptors and must not meet.
    isolate: true,
    testTimeout: 15_000,
  },
});
