import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['services/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['services/kit/src/testing/global-setup.ts'],
    // Each file starts real servers and its own database: give them time, and
    // keep parallelism at the machine's size.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
