import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    // CLI tests spawn the built CLI: `npm test` builds first (pretest).
    testTimeout: 20_000,
    pool: 'forks',
    // A slow suite (a real browser, the real AWS CLI) goes in a file of its own: the closing
    // table of the slowest files shows what each costs.
    reporters: ['default', './test/support/file-durations.ts'],
  },
});
