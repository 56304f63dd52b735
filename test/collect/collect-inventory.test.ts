import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { ListHealthChecksCommand, ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectInventory, collectRegion } from '../../src/collect/collect-inventory.js';
import { DEFAULT_CONCURRENCY, RegionCalls } from '../../src/collect/region-calls.js';
import { RegionScope } from '../../src/engine/region-scope.js';
import { HaAuditError } from '../../src/model/errors.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION } from '../../src/model/inventory.js';
import { mockedRegions, type FakeOptions, type MockedRegion, type World } from '../support/mocked-region.js';
import { hostedZone, httpsHealthCheck, recordSet, zoneIdOf } from '../support/mocked-route53.js';
import {
  ACCOUNT_ID,
  autoScalingGroup,
  awsError,
  forward,
  instance,
  instanceTarget,
  ipTarget,
  listener,
  loadBalancer,
  networkError,
  REGION,
  responseMetadata,
  rule,
  scalingPolicy,
  subnet,
  targetGroup,
  VPC_ID,
} from '../support/aws-responses.js';

const mockedRegion = mockedRegions();

async function collect(fake: MockedRegion, region = REGION) {
  // A mocked client does not retry: a throttling error here stands for one the SDK gave up on, so no extra rounds.
  const calls = new RegionCalls(ACCOUNT_ID, region, { throttleRounds: 0 });
  const inventory = await collectRegion(region, fake.clients, calls);
  return { inventory, calls, scope: new RegionScope(ACCOUNT_ID, inventory) };
}

const instanceId = (n: number) => `i-${n.toString(16).padStart(17, '0')}`;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

describe('collectRegion: target zones', () => {
  it('resolves an instance target to the Placement.AvailabilityZone EC2 reports for it', async () => {
    const nlb = loadBalancer('api-nlb', { type: 'network' });
    const tg = targetGroup('api-tg', { protocol: 'TCP', port: 8080, loadBalancerArns: [nlb.LoadBalancerArn!] });
    const fake = mockedRegion({
      loadBalancers: [nlb],
      targetGroups: [tg],
      listeners: { [nlb.LoadBalancerArn!]: [listener(nlb.LoadBalancerArn!, 443, [forward(tg.TargetGroupArn!)], 'TCP')] },
      health: { [tg.TargetGroupArn!]: [instanceTarget('i-0598c7d356EXAMPLE', { port: 8080 }), instanceTarget('i-0a1b2c3d4eEXAMPLE', { port: 8080 })] },
      instances: [instance('i-0598c7d356EXAMPLE', 'us-east-1c'), instance('i-0a1b2c3d4eEXAMPLE', 'us-east-1a'), instance('i-0cafecafe0EXAMPLE', 'us-east-1b')],
    });
    const { inventory, calls, scope } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    expect(fake.inputs('DescribeInstances')).toEqual([{ Filters: [{ Name: 'instance-id', Values: ['i-0598c7d356EXAMPLE', 'i-0a1b2c3d4eEXAMPLE'] }], MaxResults: 1000 }]);
    // Only the instances that are targets.
    expect(inventory.ec2.instances.map((i) => i.id)).toEqual(['i-0598c7d356EXAMPLE', 'i-0a1b2c3d4eEXAMPLE']);
    const collected = scope.targetGroup(tg.TargetGroupArn!)!;
    const [first, second] = collected.targets;
    expect(scope.targetPlacement(collected, first!)).toEqual({ kind: 'zones', zones: ['us-east-1c'] });
    expect(scope.targetPlacement(collected, second!)).toEqual({ kind: 'zones', zones: ['us-east-1a'] });
  });

  it('looks up the instance targets of every target group, 200 ids a call, and no IP target', async () => {
    const alb = loadBalancer('big-alb');
    const tgA = targetGroup('fleet-a', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const tgB = targetGroup('fleet-b', { port: 8080, loadBalancerArns: [alb.LoadBalancerArn!] });
    const ipTg = targetGroup('pods', { targetType: 'ip', loadBalancerArns: [alb.LoadBalancerArn!] });
    const ids = Array.from({ length: 250 }, (_, i) => instanceId(i + 1));
    const http = listener(alb.LoadBalancerArn!, 80, [forward(tgA.TargetGroupArn!)]);
    const fake = mockedRegion({
      loadBalancers: [alb],
      targetGroups: [tgA, tgB, ipTg],
      listeners: { [alb.LoadBalancerArn!]: [http] },
      rules: { [http.ListenerArn!]: [rule(http, 1, [forward(tgB.TargetGroupArn!)]), rule(http, 2, [forward(ipTg.TargetGroupArn!)])] },
      health: {
        [tgA.TargetGroupArn!]: ids.slice(0, 150).map((id) => instanceTarget(id)),
        // 20 instances serve both groups (another port).
        [tgB.TargetGroupArn!]: ids.slice(130).map((id) => instanceTarget(id, { port: 8080 })),
        [ipTg.TargetGroupArn!]: [ipTarget('10.0.1.25', { zone: 'us-east-1a' })],
      },
      instances: ids.map((id, i) => instance(id, ZONES[i % 3]!)),
    });
    const { inventory, calls, scope } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    const filters = fake.inputs('DescribeInstances').map((input) => {
      expect(input.InstanceIds).toBeUndefined();
      expect(input.Filters).toHaveLength(1);
      expect(input.Filters[0].Name).toBe('instance-id');
      return input.Filters[0].Values as string[];
    });
    expect(filters.map((values) => values.length)).toEqual([200, 50]);
    expect(filters.flat().sort()).toEqual([...ids].sort());
    expect(inventory.ec2.instances).toHaveLength(250);
    const fleetB = scope.targetGroup(tgB.TargetGroupArn!)!;
    const last = fleetB.targets.at(-1)!;
    expect(last.id).toBe(instanceId(250));
    expect(scope.targetPlacement(fleetB, last)).toEqual({ kind: 'zones', zones: [ZONES[249 % 3]!] });
  });

  it('resolves an IP target to the zone DescribeTargetHealth reports for it', async () => {
    const alb = loadBalancer('pods-alb');
    const tg = targetGroup('pods', { targetType: 'ip', port: 8080, loadBalancerArns: [alb.LoadBalancerArn!] });
    const fake = mockedRegion({
      loadBalancers: [alb],
      targetGroups: [tg],
      listeners: { [alb.LoadBalancerArn!]: [listener(alb.LoadBalancerArn!, 80, [forward(tg.TargetGroupArn!)])] },
      health: { [tg.TargetGroupArn!]: [ipTarget('10.0.1.25', { port: 8080, zone: 'us-east-1b' })] },
    });
    const { inventory, calls, scope } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    // No instance lookup for IP targets.
    expect(fake.inputs('DescribeInstances')).toEqual([]);
    expect(inventory.ec2.subnets).toEqual([]);
    const collected = scope.targetGroup(tg.TargetGroupArn!)!;
    expect(collected.targets).toEqual([{ id: '10.0.1.25', port: 8080, state: 'healthy', availabilityZone: 'us-east-1b' }]);
    expect(scope.targetPlacement(collected, collected.targets[0]!)).toEqual({ kind: 'zones', zones: ['us-east-1b'] });
  });

  it('resolves an IP target the API reports no zone for from the subnet of its VPC that contains it', async () => {
    const alb = loadBalancer('pods-alb');
    const tg = targetGroup('pods', { targetType: 'ip', port: 8080, loadBalancerArns: [alb.LoadBalancerArn!] });
    const fake = mockedRegion({
      loadBalancers: [alb],
      targetGroups: [tg],
      listeners: { [alb.LoadBalancerArn!]: [listener(alb.LoadBalancerArn!, 80, [forward(tg.TargetGroupArn!)])] },
      health: { [tg.TargetGroupArn!]: [ipTarget('10.0.2.77', { port: 8080 }), ipTarget('10.0.1.9', { port: 8080 })] },
      subnets: [
        // Another VPC reuses the same range: its subnet must not be picked.
        subnet('subnet-0otherothEXAMPLE', 'us-east-1a', '10.0.2.0/24', 'vpc-0other0000EXAMPLE'),
        subnet('subnet-01111111111EXAMPLE', 'us-east-1a', '10.0.1.0/24'),
        subnet('subnet-02222222222EXAMPLE', 'us-east-1c', '10.0.2.0/24'),
      ],
    });
    const { inventory, calls, scope } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    const collected = scope.targetGroup(tg.TargetGroupArn!)!;
    expect(collected.vpcId).toBe(VPC_ID);
    expect(collected.targets.map((t) => t.availabilityZone)).toEqual([undefined, undefined]);
    expect(inventory.ec2.subnets.map((s) => s.cidrBlock)).toEqual(['10.0.2.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    expect(scope.targetPlacement(collected, collected.targets[0]!)).toEqual({ kind: 'zones', zones: ['us-east-1c'] });
    expect(scope.targetPlacement(collected, collected.targets[1]!)).toEqual({ kind: 'zones', zones: ['us-east-1a'] });
  });
});

/** A region with a bit of everything: an ALB with ten target groups, an ASG, subnets. */
function tenTargetGroups(): Partial<World> {
  const alb = loadBalancer('web-alb');
  const tgs = Array.from({ length: 10 }, (_, i) => targetGroup(`svc-${i}`, { loadBalancerArns: [alb.LoadBalancerArn!] }));
  const http = listener(alb.LoadBalancerArn!, 80, [forward(tgs[0]!.TargetGroupArn!)]);
  return {
    loadBalancers: [alb],
    targetGroups: tgs,
    listeners: { [alb.LoadBalancerArn!]: [http] },
    rules: { [http.ListenerArn!]: tgs.slice(1).map((tg, i) => rule(http, i + 1, [forward(tg.TargetGroupArn!)])) },
    health: Object.fromEntries(tgs.map((tg, i) => [tg.TargetGroupArn!, [instanceTarget(instanceId(i + 1))]])),
    targetGroupAttributes: Object.fromEntries(tgs.map((tg, i) => [tg.TargetGroupArn!, { 'stickiness.enabled': 'false', 'deregistration_delay.timeout_seconds': String(i) }])),
    autoScalingGroups: [autoScalingGroup('web-asg', { targetGroupArns: tgs.map((tg) => tg.TargetGroupArn!) })],
    scalingPolicies: [scalingPolicy('web-asg', 'cpu50')],
    instances: Array.from({ length: 10 }, (_, i) => instance(instanceId(i + 1), ZONES[i % 3]!)),
    subnets: [subnet('subnet-0a1a1a1a1aEXAMPLE', 'us-east-1a', '10.0.0.0/24'), subnet('subnet-0b2b2b2b2bEXAMPLE', 'us-east-1b', '10.0.1.0/24')],
  };
}

describe('collectRegion: failures become gaps', () => {
  it('records one gap for DescribeTargetHealth denied on ten target groups, stops calling it, and collects the rest', async () => {
    const message = `User: arn:aws:iam::${ACCOUNT_ID}:user/x is not authorized to perform: elasticloadbalancing:DescribeTargetHealth`;
    const denied = () => Object.assign(new Error(message), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const fake = mockedRegion(tenTargetGroups(), { latencyMs: { DescribeTargetHealth: 5 }, fail: { DescribeTargetHealth: denied } });
    const { inventory, calls } = await collect(fake);

    expect(calls.gaps).toEqual([{ accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'AccessDenied', message, class: 'denied' }]);

    // Only the calls already in flight when the first denial came back were sent.
    const health = fake.events.filter((e) => e.operation === 'DescribeTargetHealth');
    const firstDenial = health.findIndex((e) => e.event === 'reject');
    expect(firstDenial).toBeGreaterThan(0);
    expect(health.slice(firstDenial).filter((e) => e.event === 'start')).toEqual([]);
    expect(fake.inputs('DescribeTargetHealth').length).toBeLessThanOrEqual(DEFAULT_CONCURRENCY.elbv2);

    // Everything else is complete.
    expect(inventory.elbv2.loadBalancers).toHaveLength(1);
    const alb = inventory.elbv2.loadBalancers[0]!;
    expect(alb.attributes['deletion_protection.enabled']).toBe('false');
    expect(alb.listeners[0]!.rules).toHaveLength(9);
    expect(inventory.elbv2.targetGroups).toHaveLength(10);
    inventory.elbv2.targetGroups.forEach((tg, i) => {
      expect(tg.attributes).toEqual({ 'stickiness.enabled': 'false', 'deregistration_delay.timeout_seconds': String(i) });
      expect(tg.targets).toEqual([]);
    });
    expect(inventory.autoscaling.groups.map((g) => g.name)).toEqual(['web-asg']);
    expect(inventory.autoscaling.groups[0]!.scalingPolicies).toHaveLength(1);
    expect(inventory.ec2.subnets).toHaveLength(2);
    // Without targets there is no instance to look up.
    expect(inventory.ec2.instances).toEqual([]);
  });

  it('records a network error on DescribeSubnets as a gap with code ECONNREFUSED', async () => {
    const fake = mockedRegion(tenTargetGroups(), { fail: { DescribeSubnets: () => networkError('ECONNREFUSED') } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([
      { accountId: ACCOUNT_ID, region: REGION, service: 'ec2', operation: 'DescribeSubnets', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:443', class: 'network' },
    ]);
    expect(inventory.ec2.subnets).toEqual([]);
    expect(inventory.ec2.instances).toHaveLength(10);
    expect(inventory.elbv2.targetGroups.every((tg) => tg.targets.length === 1)).toBe(true);
  });

  it('records a failed DescribeInstances as a gap and keeps the targets', async () => {
    const world = tenTargetGroups();
    const fake = mockedRegion(world, { fail: { DescribeInstances: () => awsError('RequestLimitExceeded', 'Request limit exceeded.', 503) } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['ec2:DescribeInstances:RequestLimitExceeded']);
    expect(inventory.ec2.instances).toEqual([]);
    expect(inventory.elbv2.targetGroups.every((tg) => tg.targets.length === 1)).toBe(true);
  });
});

describe('collectInventory', () => {
  const sts = mockClient(STSClient);
  // collectInventory makes its own Route 53 client (global, in us-east-1): mocked on the class,
  // an account with no hosted zone and no health check unless a test says otherwise.
  const route53 = mockClient(Route53Client);
  // And its own IAM client, for the account's alias: none unless a test says otherwise.
  const iam = mockClient(IAMClient);
  const identity = { UserId: 'AIDACKCEVSQ6C2EXAMPLE', Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/auditor`, $metadata: responseMetadata() };

  beforeEach(() => {
    sts.reset();
    sts.on(GetCallerIdentityCommand).resolves(identity);
    route53.reset();
    route53.on(ListHostedZonesCommand).resolves({ HostedZones: [], IsTruncated: false, MaxItems: 100, $metadata: responseMetadata() });
    route53.on(ListHealthChecksCommand).resolves({ HealthChecks: [], IsTruncated: false, MaxItems: 1000, $metadata: responseMetadata() });
    iam.reset();
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: [], IsTruncated: false, $metadata: responseMetadata() });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_REGION', 'eu-west-1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(() => {
    sts.restore();
    route53.restore();
    iam.restore();
  });

  function regionFakes(worlds: Record<string, Partial<World>>, options: FakeOptions = {}) {
    const byRegion = new Map<string, MockedRegion>();
    const clientsFor = (region: string) => {
      const fake = mockedRegion(worlds[region] ?? {}, { ...options, region });
      byRegion.set(region, fake);
      return fake.clients;
    };
    return { byRegion, clientsFor };
  }

  it('takes the account from STS and collects every region with its own clients', async () => {
    const east = loadBalancer('east-alb', { region: 'us-east-1' });
    const west = loadBalancer('west-alb', { region: 'us-west-2' });
    const { byRegion, clientsFor } = regionFakes({ 'us-east-1': { loadBalancers: [east] }, 'us-west-2': { loadBalancers: [west] } });
    const inventory = await collectInventory({ regions: ['us-east-1', 'us-west-2'], clientsFor });

    expect(inventory).toMatchObject({ format: INVENTORY_FORMAT, formatVersion: INVENTORY_FORMAT_VERSION, gaps: [] });
    expect(Date.parse(inventory.collectedAt)).not.toBeNaN();
    expect(inventory.accounts).toHaveLength(1);
    expect(inventory.accounts[0]!.accountId).toBe(ACCOUNT_ID);
    expect(inventory.accounts[0]!.regions.map((r) => [r.region, r.elbv2.loadBalancers.map((lb) => lb.name)])).toEqual([
      ['us-east-1', ['east-alb']],
      ['us-west-2', ['west-alb']],
    ]);
    expect([...byRegion.keys()].sort()).toEqual(['us-east-1', 'us-west-2']);
    expect(await byRegion.get('us-west-2')!.clients.elbv2.config.region()).toBe('us-west-2');
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    expect(await sts.call(0).thisValue.config.region()).toBe('us-east-1');
  });

  it('scans the default region of the environment when none is given', async () => {
    const { byRegion, clientsFor } = regionFakes({});
    const inventory = await collectInventory({ regions: [], clientsFor });
    expect(inventory.accounts[0]!.regions.map((r) => r.region)).toEqual(['eu-west-1']);
    expect([...byRegion.keys()]).toEqual(['eu-west-1']);
  });

  it('tags each gap with its region, and a failing region does not stop the others', async () => {
    // ap-east-1 is an opt-in region the account has not enabled.
    const optInRequired = () => awsError('OptInRequired', 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.', 403);
    const inventory = await collectInventory({
      regions: ['us-east-1', 'ap-east-1'],
      clientsFor: (region) => {
        const world = { loadBalancers: [loadBalancer(`${region}-alb`, { region })] };
        const fail = region === 'ap-east-1' ? { DescribeLoadBalancers: optInRequired, DescribeSubnets: optInRequired } : {};
        return mockedRegion(world, { region, fail }).clients;
      },
    });
    expect(inventory.gaps).toEqual([
      expect.objectContaining({ accountId: ACCOUNT_ID, region: 'ap-east-1', service: 'elbv2', operation: 'DescribeLoadBalancers', code: 'OptInRequired' }),
      expect.objectContaining({ accountId: ACCOUNT_ID, region: 'ap-east-1', service: 'ec2', operation: 'DescribeSubnets', code: 'OptInRequired' }),
    ]);
    const [east, hk] = inventory.accounts[0]!.regions;
    expect(east!.elbv2.loadBalancers.map((lb) => lb.name)).toEqual(['us-east-1-alb']);
    expect(hk!.region).toBe('ap-east-1');
    expect(hk!.elbv2.loadBalancers).toEqual([]);
  });

  it.each([
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', 'no-credentials'],
    ['ExpiredToken', 'The security token included in the request is expired', 'no-credentials'],
    ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 'no-credentials'],
  ])('fails with a clear error when STS says %s, before any region call', async (code, message, expected) => {
    sts.on(GetCallerIdentityCommand).rejects(awsError(code, message, 403));
    const { byRegion, clientsFor } = regionFakes({});
    const failure = await collectInventory({ regions: ['us-east-1'], clientsFor }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HaAuditError);
    expect(failure).toMatchObject({ code: expected, message: expect.stringContaining(code) });
    expect(byRegion.size).toBe(0);
  });

  it('fails with aws-fatal when STS cannot be reached', async () => {
    sts.on(GetCallerIdentityCommand).rejects(networkError('ECONNREFUSED'));
    const failure = await collectInventory({ regions: ['us-east-1'], clientsFor: regionFakes({}).clientsFor }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'HaAuditError', code: 'aws-fatal', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('collects Route 53 once per account, whatever the number of regions, with a client in us-east-1', async () => {
    const zone = hostedZone('example.com.', [recordSet('www.example.com.', 'A', ['192.0.2.10'])]);
    const check = httpsHealthCheck('www.example.com');
    route53.on(ListHostedZonesCommand).resolves({ HostedZones: [zone.zone], IsTruncated: false, MaxItems: 100, $metadata: responseMetadata() });
    route53.on(ListResourceRecordSetsCommand).resolves({ ResourceRecordSets: zone.recordSets, IsTruncated: false, MaxItems: 300, $metadata: responseMetadata() });
    route53.on(ListHealthChecksCommand).resolves({ HealthChecks: [check], IsTruncated: false, MaxItems: 1000, $metadata: responseMetadata() });
    const inventory = await collectInventory({ regions: ['eu-west-1', 'us-west-2'], clientsFor: regionFakes({}).clientsFor });

    expect(inventory.gaps).toEqual([]);
    expect(route53.commandCalls(ListHostedZonesCommand)).toHaveLength(1);
    expect(route53.commandCalls(ListResourceRecordSetsCommand)).toHaveLength(1);
    expect(route53.commandCalls(ListHealthChecksCommand)).toHaveLength(1);
    expect(await route53.call(0).thisValue.config.region()).toBe('us-east-1');
    const { route53: collected, regions } = inventory.accounts[0]!;
    expect(regions.map((r) => r.region)).toEqual(['eu-west-1', 'us-west-2']);
    expect(collected.hostedZones.map((z) => [z.id, z.name, z.records.map((r) => `${r.name} ${r.type}`)])).toEqual([
      [zoneIdOf('example.com.'), 'example.com', ['example.com NS', 'example.com SOA', 'www.example.com A']],
    ]);
    expect(collected.healthChecks.map((c) => c.id)).toEqual([check.Id]);
  });

  it('tags the gaps of Route 53 with region global, once for all the regions', async () => {
    const message = `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: route53:ListHealthChecks because no identity-based policy allows the route53:ListHealthChecks action`;
    route53.on(ListHealthChecksCommand).rejects(awsError('AccessDenied', message, 403));
    const inventory = await collectInventory({ regions: ['us-east-1', 'us-west-2'], clientsFor: regionFakes({}).clientsFor });
    expect(inventory.gaps).toEqual([{ accountId: ACCOUNT_ID, region: 'global', service: 'route53', operation: 'ListHealthChecks', code: 'AccessDenied', message, class: 'denied' }]);
    expect(inventory.accounts[0]!.route53).toEqual({ hostedZones: [], healthChecks: [] });
  });

  it('reports progress through the debug callback', async () => {
    const lines: string[] = [];
    await collectInventory({ regions: ['us-east-1'], clientsFor: regionFakes({}).clientsFor, debug: (line) => lines.push(line) });
    expect(lines[0]).toBe(`account ${ACCOUNT_ID}, regions us-east-1`);
    // The region and the global services (Route 53, the alias) run at once: either may finish first. Each line names the account.
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(new RegExp(`^account ${ACCOUNT_ID} global: 3 calls in \\d+ ms, 0 gap\\(s\\)$`)),
      expect.stringMatching(new RegExp(`^account ${ACCOUNT_ID} us-east-1: \\d+ calls in \\d+ ms, 0 gap\\(s\\)$`)),
    ]);
  });
});
