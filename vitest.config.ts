import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built CLI: `npm test` builds first (pretest).
    testTimeout: 20_000,
    pool: 'forks',
  },
});
