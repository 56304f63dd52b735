import { HaAuditError } from '../model/errors.js';

/** Read by the end-to-end tests only, deliberately left out of the user documentation. */
export const TEST_TIME_SCALE_VARIABLE = 'HA_AUDIT_TEST_TIME_SCALE';

/**
 * The end-to-end tests scan a fake AWS through the CLI: this variable runs the collector's waits
 * (pacing, back-off) that many times faster. It applies only with an endpoint URL (the flag or
 * `AWS_ENDPOINT_URL`), never to a scan of AWS itself, whose real rates the pacing protects.
 */
export function testTimeScale(env: NodeJS.ProcessEnv, endpointUrl: string | undefined): { timeScale?: number } {
  const value = env[TEST_TIME_SCALE_VARIABLE];
  if (value === undefined || value === '' || !(endpointUrl || env.AWS_ENDPOINT_URL)) return {};
  const timeScale = Number(value);
  if (!(timeScale >= 1) || !Number.isFinite(timeScale)) {
    throw new HaAuditError('usage', `${TEST_TIME_SCALE_VARIABLE} must be a number of at least 1, got ${JSON.stringify(value)}`, `unset ${TEST_TIME_SCALE_VARIABLE}: it is for ha-audit's own tests`);
  }
  return { timeScale };
}
