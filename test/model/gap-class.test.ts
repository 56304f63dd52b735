import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyGap, GAP_CLASSES, type GapClass } from '../../src/model/gap-class.js';
import { parseInventory } from '../../src/model/inventory-file.js';
import { emptyRoute53Inventory } from '../../src/model/inventory.js';
import { packageRoot } from '../../src/package-info.js';

const schema = (name: string) => JSON.parse(readFileSync(join(packageRoot(), 'schema', name), 'utf8')) as Record<string, any>;

describe('classifyGap', () => {
  it.each<[GapClass, string[]]>([
    ['denied', ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthFailure', 'InvalidClientTokenId', 'UnrecognizedClientException', 'Forbidden']],
    ['region-disabled', ['OptInRequired']],
    [
      'throttled',
      [
        'Throttling',
        'ThrottlingException',
        'ThrottledException',
        'RequestLimitExceeded',
        'RequestThrottled',
        'RequestThrottledException',
        'TooManyRequestsException',
        'PriorRequestNotComplete',
        'EC2ThrottledException',
        'SlowDown',
        'BandwidthLimitExceeded',
        'ProvisionedThroughputExceededException',
        'LimitExceededException',
        'HTTP429',
      ],
    ],
    ['timeout', ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'NoAnswer']],
    ['stopped', ['ScanTimeout', 'Interrupted', 'Aborted']],
    ['network', ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPROTO']],
    ['other', ['InternalError', 'ServiceUnavailable', 'HTTP500', 'UnknownError', 'InvalidParameterValue', 'ExpiredToken']],
  ])('%s', (expected, codes) => {
    expect(Object.fromEntries(codes.map((code) => [code, classifyGap(code)]))).toEqual(Object.fromEntries(codes.map((code) => [code, expected])));
  });

  it('the schemas of the inventory and of the report list exactly these classes', () => {
    expect(schema('inventory.schema.json').$defs.Gap.properties.class.enum).toEqual([...GAP_CLASSES]);
    expect(schema('report.schema.json').properties.scan.properties.gaps.items.properties.class.enum).toEqual([...GAP_CLASSES]);
  });

  it('an inventory saved before gaps had a class gets them when read; a recorded class is kept', async () => {
    const gap = { accountId: '111122223333', region: 'us-east-1', service: 'ec2', operation: 'DescribeSubnets', message: 'm' };
    const text = JSON.stringify({
      format: 'ha-audit-inventory',
      formatVersion: 1,
      collectedAt: '2026-11-20T09:00:00.000Z',
      accounts: [{ accountId: '111122223333', route53: emptyRoute53Inventory(), regions: [] }],
      gaps: [
        { ...gap, code: 'AuthFailure' },
        { ...gap, code: 'ECONNRESET', class: 'other' },
      ],
    });
    expect((await parseInventory(text, 'old.json')).gaps.map((g) => g.class)).toEqual(['denied', 'other']);
  });
});
