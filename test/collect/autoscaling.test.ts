import { afterEach, describe, expect, it } from 'vitest';
import { collectAutoScaling } from '../../src/collect/autoscaling.js';
import { RegionCalls } from '../../src/collect/region-calls.js';
import { MockedRegion, type FakeOptions, type World } from '../support/mocked-region.js';
import { accessDenied, ACCOUNT_ID, autoScalingGroup, REGION, scalingPolicy, targetGroupArn } from '../support/aws-responses.js';
import { expectChainedPages } from '../support/pagination.js';

const fakes: MockedRegion[] = [];
afterEach(() => fakes.splice(0).forEach((fake) => fake.restore()));

async function collect(world: Partial<World>, options: FakeOptions = {}) {
  const fake = new MockedRegion(world, options);
  fakes.push(fake);
  const calls = new RegionCalls(ACCOUNT_ID, REGION);
  const inventory = await collectAutoScaling(fake.clients.autoscaling, calls);
  return { fake, inventory, calls };
}

describe('collectAutoScaling', () => {
  it('maps a group as DescribeAutoScalingGroups returns it', async () => {
    const tg = targetGroupArn('web-tg');
    const sdk = autoScalingGroup('web-asg', {
      min: 2,
      max: 8,
      desired: 3,
      targetGroupArns: [tg],
      healthCheckType: 'ELB,EBS',
      instances: [
        ['i-0598c7d356EXAMPLE', 'us-east-1a'],
        ['i-0a1b2c3d4eEXAMPLE', 'us-east-1b'],
      ],
      tags: { env: 'prod', team: 'web' },
      suspendedProcesses: ['AZRebalance', 'Launch'],
      capacityDistributionStrategy: 'balanced-only',
    });
    sdk.VPCZoneIdentifier = 'subnet-0a1a1a1a1aEXAMPLE, subnet-0b2b2b2b2bEXAMPLE';
    const { inventory, calls } = await collect({ autoScalingGroups: [sdk] });
    expect(calls.gaps).toEqual([]);
    expect(inventory.groups).toEqual([
      {
        arn: sdk.AutoScalingGroupARN,
        name: 'web-asg',
        minSize: 2,
        maxSize: 8,
        desiredCapacity: 3,
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        subnetIds: ['subnet-0a1a1a1a1aEXAMPLE', 'subnet-0b2b2b2b2bEXAMPLE'],
        healthCheckTypes: ['ELB', 'EBS'],
        healthCheckGracePeriod: 300,
        loadBalancerNames: [],
        targetGroupArns: [tg],
        trafficSources: [{ identifier: tg, type: 'elbv2' }],
        instances: [
          { id: 'i-0598c7d356EXAMPLE', availabilityZone: 'us-east-1a', lifecycleState: 'InService', healthStatus: 'Healthy' },
          { id: 'i-0a1b2c3d4eEXAMPLE', availabilityZone: 'us-east-1b', lifecycleState: 'InService', healthStatus: 'Healthy' },
        ],
        scalingPolicies: [],
        suspendedProcesses: ['AZRebalance', 'Launch'],
        // The API gives no policy for a group never given one: zonal shift is off.
        availabilityZoneImpairmentPolicy: { zonalShiftEnabled: false },
        tags: { env: 'prod', team: 'web' },
        capacityDistributionStrategy: 'balanced-only',
      },
    ]);
  });

  it('takes a group without AvailabilityZoneDistribution (created before it existed) as balanced-best-effort, the default', async () => {
    const sdk = autoScalingGroup('old-asg');
    delete sdk.AvailabilityZoneDistribution;
    const { inventory } = await collect({ autoScalingGroups: [sdk] });
    expect(inventory.groups[0]).toMatchObject({ suspendedProcesses: [], capacityDistributionStrategy: 'balanced-best-effort' });
  });

  it('collects suspended processes, the zonal-shift policy, the alarms of each policy and the mode of predictive ones', async () => {
    const sdk = autoScalingGroup('web-asg');
    sdk.SuspendedProcesses = [
      { ProcessName: 'ReplaceUnhealthy', SuspensionReason: 'User suspended at 2026-11-19T10:00:00Z' },
      { ProcessName: 'AlarmNotification', SuspensionReason: 'User suspended at 2026-11-19T10:00:00Z' },
    ];
    sdk.AvailabilityZoneImpairmentPolicy = { ZonalShiftEnabled: true, ImpairedZoneHealthCheckBehavior: 'IgnoreUnhealthy' };
    const step = scalingPolicy('web-asg', 'scale-out', 'StepScaling');
    step.Alarms = [{ AlarmName: 'web-cpu-high', AlarmARN: `arn:aws:cloudwatch:${REGION}:${ACCOUNT_ID}:alarm:web-cpu-high` }];
    const forecast = scalingPolicy('web-asg', 'forecast', 'PredictiveScaling');
    const predictive = scalingPolicy('web-asg', 'predictive', 'PredictiveScaling');
    predictive.PredictiveScalingConfiguration!.Mode = 'ForecastAndScale';
    // The API leaves Mode out of a policy created without one: it then only forecasts.
    delete forecast.PredictiveScalingConfiguration!.Mode;
    const { inventory } = await collect({ autoScalingGroups: [sdk], scalingPolicies: [step, forecast, predictive] });
    const [group] = inventory.groups;
    expect(group!.suspendedProcesses).toEqual(['ReplaceUnhealthy', 'AlarmNotification']);
    expect(group!.availabilityZoneImpairmentPolicy).toEqual({ zonalShiftEnabled: true, impairedZoneHealthCheckBehavior: 'IgnoreUnhealthy' });
    expect(group!.scalingPolicies).toEqual([
      { name: 'scale-out', type: 'StepScaling', enabled: true, alarms: ['web-cpu-high'] },
      { name: 'forecast', type: 'PredictiveScaling', enabled: true, alarms: [], predictiveMode: 'ForecastOnly' },
      { name: 'predictive', type: 'PredictiveScaling', enabled: true, alarms: [], predictiveMode: 'ForecastAndScale' },
    ]);
  });

  it('follows NextToken through every page of both lists, with MaxRecords 100, and attaches each policy to its group', async () => {
    const groups = Array.from({ length: 7 }, (_, i) => autoScalingGroup(`asg-${i}`));
    const policies = groups.flatMap((g, i) => (i % 2 === 0 ? [scalingPolicy(g.AutoScalingGroupName!, `cpu-${i}`), scalingPolicy(g.AutoScalingGroupName!, `step-${i}`, 'StepScaling', false)] : []));
    policies.push(scalingPolicy('deleted-asg', 'stale-policy'));
    const { fake, inventory, calls } = await collect({ autoScalingGroups: groups, scalingPolicies: policies }, { pageSize: 3 });
    expect(calls.gaps).toEqual([]);

    const token = { tokenIn: 'NextToken', tokenOut: 'NextToken', sizeKey: 'MaxRecords', size: 100 };
    expect([...expectChainedPages(fake, 'DescribeAutoScalingGroups', token).values()]).toEqual([3]);
    expect([...expectChainedPages(fake, 'DescribePolicies', token).values()]).toEqual([3]);
    // One region-wide policy listing, not one call per group.
    expect(fake.inputs('DescribePolicies').every((input) => input.AutoScalingGroupName === undefined)).toBe(true);

    expect(inventory.groups.map((g) => g.name)).toEqual(groups.map((g) => g.AutoScalingGroupName));
    const byName = Object.fromEntries(inventory.groups.map((g) => [g.name, g.scalingPolicies]));
    expect(byName['asg-0']).toEqual([
      { name: 'cpu-0', type: 'TargetTrackingScaling', enabled: true, alarms: [] },
      { name: 'step-0', type: 'StepScaling', enabled: false, alarms: [] },
    ]);
    expect(byName['asg-1']).toEqual([]);
    expect(byName['asg-6']).toHaveLength(2);
    expect(inventory.groups.flatMap((g) => g.scalingPolicies)).toHaveLength(8);
  });

  it('defaults the health check type to EC2 when the API omits it', async () => {
    const sdk = autoScalingGroup('legacy');
    delete sdk.HealthCheckType;
    delete sdk.HealthCheckGracePeriod;
    const { inventory } = await collect({ autoScalingGroups: [sdk] });
    expect(inventory.groups[0]!.healthCheckTypes).toEqual(['EC2']);
    expect(inventory.groups[0]).not.toHaveProperty('healthCheckGracePeriod');
  });

  it('keeps the groups and records a gap when DescribePolicies is denied', async () => {
    const { inventory, calls } = await collect(
      { autoScalingGroups: [autoScalingGroup('web-asg')], scalingPolicies: [scalingPolicy('web-asg', 'cpu')] },
      { fail: { DescribePolicies: () => accessDenied('autoscaling:DescribePolicies') } },
    );
    expect(inventory.groups.map((g) => g.name)).toEqual(['web-asg']);
    expect(inventory.groups[0]!.scalingPolicies).toEqual([]);
    expect(calls.gaps).toEqual([expect.objectContaining({ service: 'autoscaling', operation: 'DescribePolicies', code: 'AccessDenied' })]);
  });
});
