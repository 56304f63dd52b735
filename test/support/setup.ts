import { afterAll, vi } from 'vitest';
import { filterSdkNodeVersionWarning } from '../../src/cli/sdk-warning.js';

// Run before every test file (vitest.config.ts). Files share a worker process (isolate: false),
// so what one file changes in the process must not reach the next.

// The CLI drops the AWS SDK's notice that it will soon need Node 22 (src/cli/sdk-warning.ts);
// test files that load the SDK in process drop it too, so that `npm test` prints a warning only
// when there is something to fix. Once per worker: the filter wraps process.emitWarning.
const filtered = Symbol.for('ha-audit.test.sdkWarningFiltered');
const worker = globalThis as { [filtered]?: boolean };
if (!worker[filtered]) {
  filterSdkNodeVersionWarning(() => {});
  worker[filtered] = true;
}

// A net under each file's own clean-up: environment variables, fake timers and spies end with it.
afterAll(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
