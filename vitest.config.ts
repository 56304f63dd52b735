import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    // CLI tests spawn the built CLI: `npm test` builds first (pretest). The timeout only catches
    // a hang: a test that runs two or three CLI scans needs more than 20 s on a loaded 2-core machine.
    testTimeout: 60_000,
    pool: 'forks',
    // Every core (vitest leaves one idle by default): much of the time is spent waiting for child
    // processes and sockets, not in the worker.
    maxWorkers: availableParallelism(),
    // A worker runs file after file in one process, the SDK and the rules imported once rather than
    // per file (two thirds of the CPU time otherwise). Each file restores what it changes in the
    // process; test/support/setup.ts does it too, after each file.
    isolate: false,
    // A slow suite (a real browser, the real AWS CLI) goes in a file of its own: the closing
    // table of the slowest files shows what each costs.
    reporters: ['default', './test/support/file-durations.ts'],
  },
});
