import { DescribeAvailabilityZonesCommand, DescribeInstancesCommand, DescribeRegionsCommand, DescribeSubnetsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { Ec2Instance, Ec2Inventory, Subnet } from '../model/inventory.js';
import { chunk, collectPages } from './paginate.js';
import type { RegionCalls } from './region-calls.js';

/** The API's maximum page size for `DescribeInstances` and `DescribeSubnets`. */
const PAGE_SIZE = 1000;
/** Values per filter EC2 accepts in one call. */
const FILTER_VALUES = 200;

/**
 * The zones of the given instances. They are looked up with an `instance-id` filter, not
 * `InstanceIds`: a filter ignores ids that no longer exist (a long-terminated instance still
 * registered as a target) where `InstanceIds` fails the whole call.
 */
export async function collectInstances(client: EC2Client, calls: RegionCalls, instanceIds: readonly string[]): Promise<Ec2Instance[]> {
  if (!calls.wants('ec2:DescribeInstances')) return [];
  const batches = await Promise.all(
    chunk([...new Set(instanceIds)], FILTER_VALUES).map((Values) =>
      calls.guard(() =>
        collectPages(
          (NextToken) =>
            calls.call('ec2:DescribeInstances', () =>
              client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values }], MaxResults: PAGE_SIZE, NextToken })),
            ),
          (page) => ({ items: (page.Reservations ?? []).flatMap((r) => r.Instances ?? []), next: page.NextToken }),
        ),
      ),
    ),
  );
  return batches.flatMap((batch) => batch ?? []).flatMap((i): Ec2Instance[] => {
    if (!i.InstanceId || !i.Placement?.AvailabilityZone) return [];
    const instance: Ec2Instance = { id: i.InstanceId, availabilityZone: i.Placement.AvailabilityZone };
    if (i.State?.Name) instance.state = i.State.Name;
    return [instance];
  });
}

/** Every subnet of the region: zones of IP targets, and where to add a zone in a remediation. */
export async function collectSubnets(client: EC2Client, calls: RegionCalls): Promise<Subnet[]> {
  if (!calls.wants('ec2:DescribeSubnets')) return [];
  const subnets = await calls.guard(() =>
    collectPages(
      (NextToken) => calls.call('ec2:DescribeSubnets', () => client.send(new DescribeSubnetsCommand({ MaxResults: PAGE_SIZE, NextToken }))),
      (page) => ({ items: page.Subnets, next: page.NextToken }),
    ),
  );
  return (subnets ?? []).flatMap((s): Subnet[] => {
    if (!s.SubnetId || !s.VpcId || !s.AvailabilityZone) return [];
    const subnet: Subnet = { id: s.SubnetId, vpcId: s.VpcId, availabilityZone: s.AvailabilityZone };
    if (s.AvailabilityZoneId) subnet.availabilityZoneId = s.AvailabilityZoneId;
    if (s.CidrBlock) subnet.cidrBlock = s.CidrBlock;
    return [subnet];
  });
}

/**
 * The region's zones with their physical ids (`us-east-1a` is `use1-az4` in one account and
 * `use1-az6` in another): the resilience model plays the loss of a physical zone across every
 * account. One call per region covers every zone, whether or not the account has a subnet there.
 * Undefined (and a gap) when the call fails: not collected.
 */
export async function collectAvailabilityZones(client: EC2Client, calls: RegionCalls): Promise<Ec2Inventory['availabilityZones']> {
  if (!calls.wants('ec2:DescribeAvailabilityZones')) return undefined;
  const response = await calls.guard(() => calls.call('ec2:DescribeAvailabilityZones', () => client.send(new DescribeAvailabilityZonesCommand({}))));
  if (!response) return undefined;
  return (response.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName && z.ZoneId ? [{ zoneName: z.ZoneName, zoneId: z.ZoneId }] : []));
}

/**
 * `--all-regions`: the regions enabled for the account. Without `AllRegions`, EC2 lists only
 * those (opt-in regions only once opted in); the status is checked as well, to be sure.
 */
export async function collectEnabledRegions(client: EC2Client, calls: RegionCalls): Promise<string[]> {
  const response = await calls.call('ec2:DescribeRegions', () => client.send(new DescribeRegionsCommand({ AllRegions: false })));
  return (response.Regions ?? [])
    .filter((r) => r.RegionName && r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName!)
    .sort();
}
