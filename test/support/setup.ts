import { filterSdkNodeVersionWarning } from '../../src/cli/sdk-warning.js';

// Run before every test file (vitest.config.ts). The CLI drops the AWS SDK's notice that it will
// soon need Node 22 (src/cli/sdk-warning.ts); test files that load the SDK in process drop it too,
// so that `npm test` prints a warning only when there is something to fix.
filterSdkNodeVersionWarning(() => {});
