/**
 * How many times faster than real time a scan of a fake AWS waits (token-bucket pacing, pauses
 * before re-sending a throttled call, the SDK's back-off): AWS's pace kept, without its seconds.
 * In process it is `CollectOptions.timeScale`; for the CLI, `HA_AUDIT_TEST_TIME_SCALE` (run-cli.ts).
 */
export const TEST_TIME_SCALE = 100;
