import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { collectAvailabilityZones, collectInstances, collectSubnets } from '../../src/collect/ec2.js';
import { RegionCalls } from '../../src/collect/region-calls.js';
import { mockedRegions, type FakeOptions, type World } from '../support/mocked-region.js';
import { ACCOUNT_ID, availabilityZone, awsError, instance, networkError, REGION, subnet } from '../support/aws-responses.js';
import { expectChainedPages } from '../support/pagination.js';

const newRegion = mockedRegions();

function mockedRegion(world: Partial<World>, options: FakeOptions = {}) {
  return { fake: newRegion(world, options), calls: new RegionCalls(ACCOUNT_ID, REGION) };
}

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const instanceId = (n: number) => `i-${n.toString(16).padStart(17, '0')}`;

describe('collectInstances', () => {
  it('looks the instances up with an instance-id filter (not InstanceIds) and maps their zones and states', async () => {
    const { fake, calls } = mockedRegion({
      instances: [instance('i-0598c7d356EXAMPLE', 'us-east-1a'), instance('i-0a1b2c3d4eEXAMPLE', 'us-east-1b', { state: 'stopped' }), instance('i-0ffffffffffEXAMPLE', 'us-east-1c')],
    });
    // One id is a long-terminated instance still registered as a target: the filter ignores it.
    const instances = await collectInstances(fake.clients.ec2, calls, ['i-0598c7d356EXAMPLE', 'i-0a1b2c3d4eEXAMPLE', 'i-0deadbeef0EXAMPLE']);
    expect(calls.gaps).toEqual([]);
    expect(fake.inputs('DescribeInstances')).toEqual([{ Filters: [{ Name: 'instance-id', Values: ['i-0598c7d356EXAMPLE', 'i-0a1b2c3d4eEXAMPLE', 'i-0deadbeef0EXAMPLE'] }], MaxResults: 1000 }]);
    expect(instances).toEqual([
      { id: 'i-0598c7d356EXAMPLE', availabilityZone: 'us-east-1a', state: 'running' },
      { id: 'i-0a1b2c3d4eEXAMPLE', availabilityZone: 'us-east-1b', state: 'stopped' },
    ]);
  });

  it('makes no call for no instance', async () => {
    const { fake, calls } = mockedRegion({ instances: [instance('i-0598c7d356EXAMPLE', 'us-east-1a')] });
    await expect(collectInstances(fake.clients.ec2, calls, [])).resolves.toEqual([]);
    expect(fake.ec2.calls()).toHaveLength(0);
  });

  it('batches the ids 200 to a filter, without duplicates', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => instanceId(i + 1));
    const { fake, calls } = mockedRegion({ instances: ids.map((id, i) => instance(id, ZONES[i % 3]!)) });
    // Some instances are registered in several target groups (or on several ports).
    const instances = await collectInstances(fake.clients.ec2, calls, [...ids, ...ids.slice(0, 30), ...ids.slice(400)]);
    const batches: string[][] = fake.ec2.commandCalls(DescribeInstancesCommand).map((c) => c.args[0].input.Filters![0]!.Values!);
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(new Set(batches.flat()).size).toBe(450);
    expect(batches.flat().sort()).toEqual([...ids].sort());
    expect(instances).toHaveLength(450);
    expect(calls.gaps).toEqual([]);
  });

  it('follows NextToken through every page of each batch, with MaxResults 1000', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => instanceId(i + 1));
    const { fake, calls } = mockedRegion({ instances: ids.map((id, i) => instance(id, ZONES[i % 3]!)) }, { pageSize: 80 });
    const instances = await collectInstances(fake.clients.ec2, calls, ids);
    const pages = expectChainedPages(fake, 'DescribeInstances', {
      tokenIn: 'NextToken',
      tokenOut: 'NextToken',
      sizeKey: 'MaxResults',
      size: 1000,
      groupBy: (input) => JSON.stringify(input.Filters),
    });
    // 200 ids in 80s make 3 pages; the other 30 fit in one.
    expect([...pages.values()].sort()).toEqual([1, 3]);
    expect(instances.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(instances.find((i) => i.id === instanceId(5))!.availabilityZone).toBe('us-east-1b');
  });
});

describe('collectSubnets', () => {
  it('follows NextToken through every page, with MaxResults 1000, and maps every subnet', async () => {
    const subnets = Array.from({ length: 13 }, (_, i) => subnet(`subnet-${String(i).padStart(17, '0')}`, ZONES[i % 3]!, `10.0.${i}.0/24`));
    const { fake, calls } = mockedRegion({ subnets }, { pageSize: 5 });
    const collected = await collectSubnets(fake.clients.ec2, calls);
    expect([...expectChainedPages(fake, 'DescribeSubnets', { tokenIn: 'NextToken', tokenOut: 'NextToken', sizeKey: 'MaxResults', size: 1000 }).values()]).toEqual([3]);
    expect(collected).toHaveLength(13);
    expect(collected[1]).toEqual({ id: 'subnet-00000000000000001', vpcId: subnets[1]!.VpcId, availabilityZone: 'us-east-1b', availabilityZoneId: 'use1-az1', cidrBlock: '10.0.1.0/24' });
    expect(calls.gaps).toEqual([]);
  });

  it('turns a network error into a gap with its code', async () => {
    const { fake, calls } = mockedRegion({ subnets: [subnet('subnet-0a1a1a1a1aEXAMPLE', 'us-east-1a', '10.0.0.0/24')] }, { fail: { DescribeSubnets: () => networkError('ECONNREFUSED') } });
    await expect(collectSubnets(fake.clients.ec2, calls)).resolves.toEqual([]);
    expect(calls.gaps).toEqual([
      { accountId: ACCOUNT_ID, region: REGION, service: 'ec2', operation: 'DescribeSubnets', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:443', class: 'network' },
    ]);
  });
});

describe('collectAvailabilityZones', () => {
  it('maps every zone of the region to its physical zone id, in one call', async () => {
    const zones = [availabilityZone('us-east-1a', 'use1-az4'), availabilityZone('us-east-1b', 'use1-az6'), availabilityZone('us-east-1c', 'use1-az1')];
    const { fake, calls } = mockedRegion({ availabilityZones: zones });
    await expect(collectAvailabilityZones(fake.clients.ec2, calls)).resolves.toEqual([
      { zoneName: 'us-east-1a', zoneId: 'use1-az4' },
      { zoneName: 'us-east-1b', zoneId: 'use1-az6' },
      { zoneName: 'us-east-1c', zoneId: 'use1-az1' },
    ]);
    expect(fake.inputs('DescribeAvailabilityZones')).toEqual([{}]);
    expect(calls.gaps).toEqual([]);
  });

  it('leaves the zones not collected (undefined) and a gap when the call is denied', async () => {
    const { fake, calls } = mockedRegion({}, { fail: { DescribeAvailabilityZones: () => awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403) } });
    await expect(collectAvailabilityZones(fake.clients.ec2, calls)).resolves.toBeUndefined();
    expect(calls.gaps).toEqual([expect.objectContaining({ service: 'ec2', operation: 'DescribeAvailabilityZones', code: 'UnauthorizedOperation', class: 'denied' })]);
  });
});
