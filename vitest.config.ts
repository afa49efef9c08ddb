import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/console/src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: keep files parallel but bounded so timing-sensitive concurrency tests stay honest.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
