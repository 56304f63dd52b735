import { DescribeRulesCommand, DescribeTargetGroupAttributesCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import { collectElbv2 } from '../../src/collect/elbv2.js';
import { DEFAULT_CONCURRENCY, RegionCalls } from '../../src/collect/region-calls.js';
import { RegionScope } from '../../src/engine/region-scope.js';
import { mockedRegions, type MockedRegion, type World } from '../support/mocked-region.js';
import {
  accessDenied,
  ACCOUNT_ID,
  fixedResponse,
  forward,
  instanceTarget,
  ipTarget,
  listener,
  awsError,
  loadBalancer,
  targetGroupArn,
  REGION,
  rule,
  tags,
  targetGroup,
  weightedForward,
  type ElbListener,
  type ElbLoadBalancer,
  type ElbTargetGroup,
} from '../support/aws-responses.js';
import { expectChainedPages } from '../support/pagination.js';
import { emptyRegionInventory } from '../../src/model/inventory.js';

const mockedRegion = mockedRegions();

// These tests count calls, not time: unpaced (the pacing has its own tests in region-calls.test.ts).
const UNPACED = { rates: { elbv2: { rate: 1e6, burst: 1e6 } } };

async function collect(fake: MockedRegion, calls = new RegionCalls(ACCOUNT_ID, REGION, UNPACED)) {
  const inventory = await collectElbv2(fake.clients.elbv2, calls);
  return { inventory, calls };
}

const names = (items: { name: string }[]) => items.map((i) => i.name);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** An ALB and an NLB, each forwarding to its own target group. */
function smallWorld(): Partial<World> & { alb: ElbLoadBalancer; nlb: ElbLoadBalancer; webTg: ElbTargetGroup; tcpTg: ElbTargetGroup } {
  const alb = loadBalancer('web-alb');
  const nlb = loadBalancer('tcp-nlb', { type: 'network', scheme: 'internal' });
  const webTg = targetGroup('web-tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
  const tcpTg = targetGroup('tcp-tg', { targetType: 'ip', protocol: 'TCP', port: 443, loadBalancerArns: [nlb.LoadBalancerArn!] });
  const albListener = listener(alb.LoadBalancerArn!, 80, [forward(webTg.TargetGroupArn!)]);
  return {
    alb,
    nlb,
    webTg,
    tcpTg,
    loadBalancers: [alb, nlb],
    targetGroups: [webTg, tcpTg],
    listeners: {
      [alb.LoadBalancerArn!]: [albListener],
      [nlb.LoadBalancerArn!]: [listener(nlb.LoadBalancerArn!, 443, [forward(tcpTg.TargetGroupArn!)], 'TCP')],
    },
    rules: { [albListener.ListenerArn!]: [rule(albListener, 10, [fixedResponse('503')], '/maintenance/*')] },
    health: {
      [webTg.TargetGroupArn!]: [
        instanceTarget('i-0598c7d356EXAMPLE'),
        instanceTarget('i-0a1b2c3d4eEXAMPLE', { state: 'unhealthy', reason: 'Target.FailedHealthChecks', description: 'Health checks failed' }),
      ],
      [tcpTg.TargetGroupArn!]: [ipTarget('10.0.1.25', { port: 443, zone: 'us-east-1a' })],
    },
    loadBalancerAttributes: { [alb.LoadBalancerArn!]: { 'deletion_protection.enabled': 'true', 'load_balancing.cross_zone.enabled': 'true' } },
    targetGroupAttributes: { [webTg.TargetGroupArn!]: { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' } },
    tags: { [alb.LoadBalancerArn!]: tags({ team: 'web' }), [webTg.TargetGroupArn!]: tags({ team: 'web', env: 'prod' }) },
  };
}

describe('collectElbv2: mapping the API responses', () => {
  it('maps load balancers, listeners, rules, target groups, attributes, targets and tags', async () => {
    const world = smallWorld();
    const { inventory, calls } = await collect(mockedRegion(world));
    expect(calls.gaps).toEqual([]);

    const alb = inventory.loadBalancers.find((lb) => lb.name === 'web-alb')!;
    expect(alb).toMatchObject({
      arn: world.alb.LoadBalancerArn,
      type: 'application',
      dnsName: world.alb.DNSName,
      canonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
      scheme: 'internet-facing',
      vpcId: world.alb.VpcId,
      state: 'active',
      availabilityZones: [
        { zoneName: 'us-east-1a', subnetId: 'subnet-0a1a1a1a1aEXAMPLE', addresses: [] },
        { zoneName: 'us-east-1b', subnetId: 'subnet-0b2b2b2b2bEXAMPLE', addresses: [] },
      ],
      attributes: { 'deletion_protection.enabled': 'true', 'load_balancing.cross_zone.enabled': 'true' },
      tags: { team: 'web' },
    });
    expect(alb.listeners).toEqual([
      {
        arn: world.listeners![world.alb.LoadBalancerArn!]![0]!.ListenerArn,
        port: 80,
        protocol: 'HTTP',
        defaultActions: [{ type: 'forward', targetGroupArns: [world.webTg.TargetGroupArn] }],
        // The default rule is not repeated among the rules.
        rules: [{ arn: expect.stringContaining(':listener-rule/app/web-alb/'), priority: '10', actions: [{ type: 'fixed-response', targetGroupArns: [] }] }],
      },
    ]);

    const nlb = inventory.loadBalancers.find((lb) => lb.name === 'tcp-nlb')!;
    expect(nlb).toMatchObject({ type: 'network', scheme: 'internal', tags: {} });
    expect(nlb.attributes['load_balancing.cross_zone.enabled']).toBe('false');
    expect(nlb.listeners[0]).toMatchObject({ port: 443, protocol: 'TCP', rules: [] });

    const webTg = inventory.targetGroups.find((tg) => tg.name === 'web-tg')!;
    expect(webTg).toEqual({
      arn: world.webTg.TargetGroupArn,
      name: 'web-tg',
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      vpcId: world.webTg.VpcId,
      loadBalancerArns: [world.alb.LoadBalancerArn],
      healthCheck: { enabled: true, protocol: 'HTTP', port: 'traffic-port', path: '/', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2 },
      attributes: { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' },
      targets: [
        { id: 'i-0598c7d356EXAMPLE', port: 80, state: 'healthy' },
        { id: 'i-0a1b2c3d4eEXAMPLE', port: 80, state: 'unhealthy', reason: 'Target.FailedHealthChecks' },
      ],
      tags: { team: 'web', env: 'prod' },
    });
    const tcpTg = inventory.targetGroups.find((tg) => tg.name === 'tcp-tg')!;
    expect(tcpTg).toMatchObject({ targetType: 'ip', protocol: 'TCP', port: 443, healthCheck: { enabled: true, protocol: 'TCP' } });
    expect(tcpTg.targets).toEqual([{ id: '10.0.1.25', port: 443, state: 'healthy', availabilityZone: 'us-east-1a' }]);
  });

  it('keeps the addresses of a Network Load Balancer in each zone: Elastic IPs and private addresses', async () => {
    const world = smallWorld();
    world.nlb.AvailabilityZones = [
      { ZoneName: 'us-east-1a', SubnetId: 'subnet-0a1a1a1a1aEXAMPLE', LoadBalancerAddresses: [{ IpAddress: '203.0.113.10', AllocationId: 'eipalloc-0a1b2c3d4e5f60718' }] },
      { ZoneName: 'us-east-1b', SubnetId: 'subnet-0b2b2b2b2bEXAMPLE', LoadBalancerAddresses: [{ PrivateIPv4Address: '10.0.2.10' }] },
    ];
    const { inventory } = await collect(mockedRegion(world));
    const nlb = inventory.loadBalancers.find((lb) => lb.name === 'tcp-nlb')!;
    expect(nlb.canonicalHostedZoneId).toBe('Z26RNL4JYFTOTI');
    expect(nlb.availabilityZones).toEqual([
      { zoneName: 'us-east-1a', subnetId: 'subnet-0a1a1a1a1aEXAMPLE', addresses: [{ ipAddress: '203.0.113.10', allocationId: 'eipalloc-0a1b2c3d4e5f60718' }] },
      { zoneName: 'us-east-1b', subnetId: 'subnet-0b2b2b2b2bEXAMPLE', addresses: [{ privateIPv4Address: '10.0.2.10' }] },
    ]);
  });

  it('treats a missing HealthCheckEnabled (old target groups) as enabled', async () => {
    const tg = targetGroup('old-tg');
    delete tg.HealthCheckEnabled;
    const { inventory } = await collect(mockedRegion({ targetGroups: [tg] }));
    expect(inventory.targetGroups[0]!.healthCheck.enabled).toBe(true);
  });

  it('spends no per-group call on a target group no load balancer uses', async () => {
    const alb = loadBalancer('web-alb');
    const fake = mockedRegion({ loadBalancers: [alb], targetGroups: [targetGroup('orphan-tg'), targetGroup('web-tg', { loadBalancerArns: [alb.LoadBalancerArn!] })] });
    const { inventory } = await collect(fake);
    expect(fake.elbv2.commandCalls(DescribeTargetHealthCommand).map((c) => c.args[0].input.TargetGroupArn)).toEqual([targetGroupArn('web-tg')]);
    expect(fake.elbv2.commandCalls(DescribeTargetGroupAttributesCommand).map((c) => c.args[0].input.TargetGroupArn)).toEqual([targetGroupArn('web-tg')]);
    expect(inventory.targetGroups.find((tg) => tg.name === 'orphan-tg')).toMatchObject({ targets: [], attributes: {} });
    expect(inventory.targetGroups.find((tg) => tg.name === 'web-tg')).toMatchObject({ attributes: { 'stickiness.enabled': 'false' } });
  });

  it('returns an empty inventory for a region without load balancers, with no per-resource calls', async () => {
    const fake = mockedRegion({});
    const { inventory, calls } = await collect(fake);
    expect(inventory).toEqual({ loadBalancers: [], targetGroups: [] });
    expect(calls.gaps).toEqual([]);
    expect(fake.sentCommands().sort()).toEqual(['elbv2:DescribeLoadBalancers', 'elbv2:DescribeTargetGroups']);
  });
});

describe('collectElbv2: pagination', () => {
  it('follows NextMarker through every page of every list, with PageSize 400', async () => {
    const lbs = range(7).map((i) => loadBalancer(`alb-${i}`));
    const tgs = range(7).map((i) => targetGroup(`tg-${i}`, { loadBalancerArns: [lbs[0]!.LoadBalancerArn!] }));
    const main = lbs[0]!;
    const listeners = range(5).map((i) => listener(main.LoadBalancerArn!, 8000 + i, [forward(tgs[i - 1]!.TargetGroupArn!)]));
    const busy = listeners[0]!;
    const rules = range(6).map((i) => rule(busy, i * 10, [forward(tgs[i]!.TargetGroupArn!)]));
    // The API serves 2 items a page here: 7 items make 4 pages, the 7 rules (6 + default) too.
    const fake = mockedRegion({ loadBalancers: lbs, targetGroups: tgs, listeners: { [main.LoadBalancerArn!]: listeners }, rules: { [busy.ListenerArn!]: rules } }, { pageSize: 2 });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    const marker = { tokenIn: 'Marker', tokenOut: 'NextMarker', sizeKey: 'PageSize', size: 400 };
    expect([...expectChainedPages(fake, 'DescribeLoadBalancers', marker).values()]).toEqual([4]);
    expect([...expectChainedPages(fake, 'DescribeTargetGroups', marker).values()]).toEqual([4]);
    const listenerPages = expectChainedPages(fake, 'DescribeListeners', { ...marker, groupBy: (input) => String(input.LoadBalancerArn) });
    expect(listenerPages.get(main.LoadBalancerArn!)).toBe(3);
    const rulePages = expectChainedPages(fake, 'DescribeRules', { ...marker, groupBy: (input) => String(input.ListenerArn) });
    expect(rulePages.get(busy.ListenerArn!)).toBe(4);

    expect(names(inventory.loadBalancers)).toEqual(lbs.map((lb) => lb.LoadBalancerName));
    expect(names(inventory.targetGroups)).toEqual(tgs.map((tg) => tg.TargetGroupName));
    const mainLb = inventory.loadBalancers[0]!;
    expect(mainLb.listeners.map((l) => l.port)).toEqual([8001, 8002, 8003, 8004, 8005]);
    expect(mainLb.listeners[0]!.rules.map((r) => r.priority)).toEqual(['10', '20', '30', '40', '50', '60']);
    expect(mainLb.listeners[0]!.rules.flatMap((r) => r.actions.flatMap((a) => a.targetGroupArns))).toEqual(tgs.slice(1).map((tg) => tg.TargetGroupArn));
  });

  it('stops when DescribeLoadBalancers keeps answering with the same NextMarker', async () => {
    const lb = loadBalancer('looping-alb');
    const fake = mockedRegion(
      { loadBalancers: [lb] },
      {
        handle: {
          DescribeLoadBalancers: (_input, call) => {
            // Fail rather than hang the test run if the collector does not stop.
            if (call >= 10) throw new Error('still looping after 10 pages');
            return { LoadBalancers: [lb], NextMarker: 'c2FtZS1tYXJrZXI=' };
          },
        },
      },
    );
    const { inventory } = await collect(fake);
    expect(fake.inputs('DescribeLoadBalancers').map((i) => i.Marker)).toEqual([undefined, 'c2FtZS1tYXJrZXI=']);
    expect(inventory.loadBalancers.length).toBeGreaterThan(0);
  });
});

describe('collectElbv2: DescribeTags', () => {
  it('tags 45 load balancers and target groups in 3 calls of 20, 20 and 5 ARNs, each tag on its resource', async () => {
    const lbs = range(25).map((i) => loadBalancer(`lb-${i}`, { type: i % 2 ? 'application' : 'network' }));
    const tgs = range(20).map((i) => targetGroup(`tg-${i}`));
    const arns = [...lbs.map((lb) => lb.LoadBalancerArn!), ...tgs.map((tg) => tg.TargetGroupArn!)];
    const fake = mockedRegion({
      loadBalancers: lbs,
      targetGroups: tgs,
      tags: Object.fromEntries([
        ...lbs.map((lb) => [lb.LoadBalancerArn!, tags({ Name: lb.LoadBalancerName!, kind: 'lb' })]),
        ...tgs.map((tg) => [tg.TargetGroupArn!, tags({ Name: tg.TargetGroupName!, kind: 'tg' })]),
      ]),
    });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    const batches: string[][] = fake.inputs('DescribeTags').map((input) => input.ResourceArns);
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(batches.flat().sort()).toEqual([...arns].sort());
    for (const lb of inventory.loadBalancers) expect(lb.tags).toEqual({ Name: lb.name, kind: 'lb' });
    for (const tg of inventory.targetGroups) expect(tg.tags).toEqual({ Name: tg.name, kind: 'tg' });
  });

  it('does not call DescribeTags when there is nothing to tag', async () => {
    const fake = mockedRegion({});
    await collect(fake);
    expect(fake.inputs('DescribeTags')).toEqual([]);
  });
});

describe('collectElbv2: listeners and target groups', () => {
  it('collects a target group two load balancers forward to once, with both ARNs', async () => {
    const alb = loadBalancer('public-alb');
    const internal = loadBalancer('internal-alb', { scheme: 'internal' });
    const shared = targetGroup('shared-tg', { loadBalancerArns: [alb.LoadBalancerArn!, internal.LoadBalancerArn!] });
    const fake = mockedRegion({
      loadBalancers: [alb, internal],
      targetGroups: [shared],
      listeners: {
        [alb.LoadBalancerArn!]: [listener(alb.LoadBalancerArn!, 80, [forward(shared.TargetGroupArn!)])],
        [internal.LoadBalancerArn!]: [listener(internal.LoadBalancerArn!, 8080, [forward(shared.TargetGroupArn!)])],
      },
      health: { [shared.TargetGroupArn!]: [instanceTarget('i-0598c7d356EXAMPLE')] },
    });
    const { inventory } = await collect(fake);

    expect(inventory.targetGroups).toHaveLength(1);
    expect(inventory.targetGroups[0]).toMatchObject({ name: 'shared-tg', loadBalancerArns: [alb.LoadBalancerArn, internal.LoadBalancerArn] });
    expect(inventory.targetGroups[0]!.targets).toHaveLength(1);
    expect(fake.elbv2.commandCalls(DescribeTargetHealthCommand, { TargetGroupArn: shared.TargetGroupArn })).toHaveLength(1);
    expect(fake.elbv2.commandCalls(DescribeTargetGroupAttributesCommand, { TargetGroupArn: shared.TargetGroupArn })).toHaveLength(1);
    expect(fake.elbv2.commandCalls(DescribeTargetHealthCommand)).toHaveLength(1);

    const scope = new RegionScope(ACCOUNT_ID, { ...emptyRegionInventory(REGION), elbv2: inventory });
    for (const lb of inventory.loadBalancers) {
      expect(scope.forwardedTargetGroupArns(lb)).toEqual([shared.TargetGroupArn]);
      expect(scope.targetGroupsOf(lb.arn).map((tg) => tg.name)).toEqual(['shared-tg']);
    }
  });

  it('leaves a weight-0 target group of a weighted forward out of targetGroupArns, and keeps every weight', async () => {
    const alb = loadBalancer('canary-alb');
    const blue = targetGroup('blue-tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const green = targetGroup('green-tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const canary = targetGroup('canary-tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const http = listener(alb.LoadBalancerArn!, 80, [weightedForward([[blue.TargetGroupArn!, 100], [green.TargetGroupArn!, 0]])]);
    const fake = mockedRegion({
      loadBalancers: [alb],
      targetGroups: [blue, green, canary],
      listeners: { [alb.LoadBalancerArn!]: [http] },
      rules: { [http.ListenerArn!]: [rule(http, 5, [weightedForward([[canary.TargetGroupArn!, 10], [blue.TargetGroupArn!, 90], [green.TargetGroupArn!, 0]])])] },
    });
    const { inventory } = await collect(fake);
    const collected = inventory.loadBalancers[0]!.listeners[0]!;
    expect(collected.defaultActions).toEqual([
      {
        type: 'forward',
        targetGroupArns: [blue.TargetGroupArn],
        forwardWeights: [
          { targetGroupArn: blue.TargetGroupArn, weight: 100 },
          { targetGroupArn: green.TargetGroupArn, weight: 0 },
        ],
      },
    ]);
    expect(collected.rules[0]!.actions).toEqual([
      {
        type: 'forward',
        targetGroupArns: [canary.TargetGroupArn, blue.TargetGroupArn],
        forwardWeights: [
          { targetGroupArn: canary.TargetGroupArn, weight: 10 },
          { targetGroupArn: blue.TargetGroupArn, weight: 90 },
          { targetGroupArn: green.TargetGroupArn, weight: 0 },
        ],
      },
    ]);
  });

  it('reads a single forward once, from TargetGroupArn and its one-group ForwardConfig', async () => {
    const alb = loadBalancer('alb');
    const tg = targetGroup('tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const fake = mockedRegion({ loadBalancers: [alb], targetGroups: [tg], listeners: { [alb.LoadBalancerArn!]: [listener(alb.LoadBalancerArn!, 80, [forward(tg.TargetGroupArn!)])] } });
    const { inventory } = await collect(fake);
    expect(inventory.loadBalancers[0]!.listeners[0]!.defaultActions).toEqual([{ type: 'forward', targetGroupArns: [tg.TargetGroupArn] }]);
  });

  it('calls DescribeRules for Application Load Balancer listeners only', async () => {
    const world = smallWorld();
    const gwlb = loadBalancer('inspection-gwlb', { type: 'gateway' });
    const appliances = targetGroup('appliances', { protocol: 'GENEVE', port: 6081, loadBalancerArns: [gwlb.LoadBalancerArn!] });
    // Gateway Load Balancer listeners have neither port nor protocol: the API omits both.
    const { Port: _port, Protocol: _protocol, ...gwlbListener } = listener(gwlb.LoadBalancerArn!, 0, [forward(appliances.TargetGroupArn!)]);
    const fake = mockedRegion({
      ...world,
      loadBalancers: [...world.loadBalancers!, gwlb],
      targetGroups: [...world.targetGroups!, appliances],
      listeners: { ...world.listeners, [gwlb.LoadBalancerArn!]: [gwlbListener] },
    });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    const ruleCalls = fake.elbv2.commandCalls(DescribeRulesCommand).map((c) => c.args[0].input.ListenerArn);
    const albListener = world.listeners![world.alb.LoadBalancerArn!]![0]!;
    expect(ruleCalls).toEqual([albListener.ListenerArn]);
    // The NLB and GWLB listeners are there, with their default actions and no rules.
    expect(inventory.loadBalancers.find((lb) => lb.name === 'tcp-nlb')!.listeners).toEqual([
      { arn: expect.any(String), port: 443, protocol: 'TCP', defaultActions: [{ type: 'forward', targetGroupArns: [world.tcpTg.TargetGroupArn] }], rules: [] },
    ]);
    expect(inventory.loadBalancers.find((lb) => lb.name === 'inspection-gwlb')!.listeners).toEqual([
      { arn: expect.any(String), defaultActions: [{ type: 'forward', targetGroupArns: [appliances.TargetGroupArn] }], rules: [] },
    ]);
  });
});

describe('collectElbv2: bounded concurrency', () => {
  /** One ALB whose listener's rules forward to each of `count` target groups. */
  function manyTargetGroups(count: number): Partial<World> {
    const alb = loadBalancer('busy-alb');
    const tgs = range(count).map((i) => targetGroup(`svc-${i}`, { loadBalancerArns: [alb.LoadBalancerArn!] }));
    const http: ElbListener = listener(alb.LoadBalancerArn!, 80, [fixedResponse()]);
    return {
      loadBalancers: [alb],
      targetGroups: tgs,
      listeners: { [alb.LoadBalancerArn!]: [http] },
      rules: { [http.ListenerArn!]: tgs.map((tg, i) => rule(http, i + 1, [forward(tg.TargetGroupArn!)])) },
      health: Object.fromEntries(tgs.map((tg, i) => [tg.TargetGroupArn!, [instanceTarget(`i-${String(i).padStart(17, '0')}`)]])),
    };
  }

  it('keeps the elbv2 calls in flight at or under DEFAULT_CONCURRENCY.elbv2, and runs them concurrently', async () => {
    const fake = mockedRegion(manyTargetGroups(30), { latencyMs: { DescribeTargetHealth: 20 } });
    const { inventory } = await collect(fake);
    expect(fake.inputs('DescribeTargetHealth')).toHaveLength(30);
    expect(inventory.targetGroups.every((tg) => tg.targets.length === 1)).toBe(true);
    expect(fake.maxInFlight.elbv2).toBeLessThanOrEqual(DEFAULT_CONCURRENCY.elbv2);
    expect(fake.maxInFlight.elbv2).toBeGreaterThan(1);
  });

  it('uses the limit it is given', async () => {
    const fake = mockedRegion(manyTargetGroups(30), { latencyMs: { DescribeTargetHealth: 20 } });
    await collect(fake, new RegionCalls(ACCOUNT_ID, REGION, { ...UNPACED, concurrency: { elbv2: 2 } }));
    expect(fake.maxInFlight.elbv2).toBe(2);
  });
});

describe('collectElbv2: failures', () => {
  it('keeps the listeners of a load balancer whose DescribeRules fails, and records the gap', async () => {
    const world = smallWorld();
    const fake = mockedRegion(world, { fail: { DescribeRules: () => accessDenied('elasticloadbalancing:DescribeRules') } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.operation}:${g.code}`)).toEqual(['DescribeRules:AccessDenied']);
    const alb = inventory.loadBalancers.find((lb) => lb.name === 'web-alb')!;
    expect(alb.listeners).toHaveLength(1);
    expect(alb.listeners[0]!.defaultActions).toEqual([{ type: 'forward', targetGroupArns: [world.webTg.TargetGroupArn] }]);
  });

  it('leaves listeners empty and records a gap when DescribeListeners fails', async () => {
    const fake = mockedRegion(smallWorld(), { fail: { DescribeListeners: () => accessDenied('elasticloadbalancing:DescribeListeners') } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.operation}:${g.code}`)).toEqual(['DescribeListeners:AccessDenied']);
    expect(inventory.loadBalancers.map((lb) => lb.listeners)).toEqual([[], []]);
    expect(inventory.targetGroups.every((tg) => Object.keys(tg.attributes).length > 0)).toBe(true);
  });

  it('records a gap and keeps the target groups when DescribeLoadBalancers fails', async () => {
    const fake = mockedRegion(smallWorld(), { fail: { DescribeLoadBalancers: () => accessDenied('elasticloadbalancing:DescribeLoadBalancers') } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([
      {
        accountId: ACCOUNT_ID,
        region: REGION,
        service: 'elbv2',
        operation: 'DescribeLoadBalancers',
        code: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers`,
        class: 'denied',
      },
    ]);
    expect(inventory.loadBalancers).toEqual([]);
    expect(names(inventory.targetGroups)).toEqual(['web-tg', 'tcp-tg']);
  });
});

describe('collectElbv2: resources deleted during the scan', () => {
  it('drops a target group and a load balancer deleted between the listing and their own calls, with no gap; the other tags still arrive', async () => {
    const alb = loadBalancer('web-alb');
    const doomedLb = loadBalancer('old-alb');
    const web = targetGroup('web-tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const doomed = targetGroup('preview-tg', { loadBalancerArns: [alb.LoadBalancerArn!] });
    const notFound = (what: string) => awsError(what === 'tg' ? 'TargetGroupNotFound' : 'LoadBalancerNotFound', `One or more ${what === 'tg' ? 'target groups' : 'load balancers'} not found`);
    const fake = mockedRegion(
      {
        loadBalancers: [alb, doomedLb],
        targetGroups: [web, doomed],
        listeners: { [alb.LoadBalancerArn!]: [listener(alb.LoadBalancerArn!, 443, [forward(web.TargetGroupArn!)])] },
        tags: { [web.TargetGroupArn!]: tags({ team: 'web' }) },
      },
      {
        fail: {
          DescribeTargetGroupAttributes: (input: { TargetGroupArn: string }) => (input.TargetGroupArn === doomed.TargetGroupArn ? notFound('tg') : undefined),
          DescribeTargetHealth: (input: { TargetGroupArn: string }) => (input.TargetGroupArn === doomed.TargetGroupArn ? notFound('tg') : undefined),
          DescribeLoadBalancerAttributes: (input: { LoadBalancerArn: string }) => (input.LoadBalancerArn === doomedLb.LoadBalancerArn ? notFound('lb') : undefined),
          DescribeListeners: (input: { LoadBalancerArn: string }) => (input.LoadBalancerArn === doomedLb.LoadBalancerArn ? notFound('lb') : undefined),
          DescribeTags: (input: { ResourceArns: string[] }) => (input.ResourceArns.includes(doomed.TargetGroupArn!) ? notFound('tg') : undefined),
        },
      },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(inventory.loadBalancers.map((lb) => lb.name)).toEqual(['web-alb']);
    expect(inventory.targetGroups.map((tg) => tg.name)).toEqual(['web-tg']);
    expect(inventory.targetGroups[0]!.tags).toEqual({ team: 'web' });
  });
});
