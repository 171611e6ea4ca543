import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CJS (main) and ESM (module). Node, and the libraries vitest
    // leaves to Node, load the CJS file; without this alias our sources would
    // get the ESM copy and `instanceof GraphQLScalarType` checks would fail.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: ['services/kit'] }) }],
  },
  test: {
    include: ['services/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'admin/tests/**/*.test.ts'],
    globalSetup: ['services/kit/src/testing/global-setup.ts'],
    // Each file starts real servers and its own database: give them time, and
    // keep parallelism at the machine's size.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
