import { describe, expect, it } from 'vitest';
import { testTimeScale } from '../../src/cli/test-time-scale.js';

describe('HA_AUDIT_TEST_TIME_SCALE (the end-to-end tests of a fake AWS)', () => {
  it('applies only to a scan of an endpoint URL, given by flag or environment', () => {
    expect(testTimeScale({}, 'http://127.0.0.1:4566')).toEqual({});
    expect(testTimeScale({ HA_AUDIT_TEST_TIME_SCALE: '100' }, undefined)).toEqual({});
    expect(testTimeScale({ HA_AUDIT_TEST_TIME_SCALE: '100' }, 'http://127.0.0.1:4566')).toEqual({ timeScale: 100 });
    expect(testTimeScale({ HA_AUDIT_TEST_TIME_SCALE: '2.5', AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }, undefined)).toEqual({ timeScale: 2.5 });
  });

  it('refuses a value that is not a number of at least 1', () => {
    for (const value of ['0', '0.5', '-1', 'fast', 'Infinity']) {
      expect(() => testTimeScale({ HA_AUDIT_TEST_TIME_SCALE: value }, 'http://127.0.0.1:4566')).toThrow(expect.objectContaining({ code: 'usage' }));
    }
  });
});
