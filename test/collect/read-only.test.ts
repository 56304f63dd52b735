import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectInventory } from '../../src/collect/collect-inventory.js';
import { OPERATIONS } from '../../src/model/operations.js';
import { MockedRegion, type World } from '../support/mocked-region.js';
import { albAliasTarget, aliasRecordSet, hostedZone, httpsHealthCheck, MockedRoute53, type Route53World } from '../support/mocked-route53.js';
import {
  ACCOUNT_ID,
  autoScalingGroup,
  cacheCluster,
  dbCluster,
  dbInstance,
  dynamoDbTable,
  replicationGroup,
  serverlessCache,
  forward,
  instance,
  instanceTarget,
  ipTarget,
  listener,
  loadBalancer,
  responseMetadata,
  rule,
  scalingPolicy,
  subnet,
  tags,
  targetGroup,
} from '../support/aws-responses.js';

/** A region that exercises every collector: ALB with rules, NLB, instance and IP targets, an ASG. */
function fullWorld(region: string): Partial<World> {
  const alb = loadBalancer('web-alb', { region });
  const nlb = loadBalancer('tcp-nlb', { type: 'network', region });
  const web = targetGroup('web-tg', { loadBalancerArns: [alb.LoadBalancerArn!], region });
  const api = targetGroup('api-tg', { targetType: 'ip', port: 8080, loadBalancerArns: [alb.LoadBalancerArn!], region });
  const tcp = targetGroup('tcp-tg', { protocol: 'TCP', loadBalancerArns: [nlb.LoadBalancerArn!], region });
  const http = listener(alb.LoadBalancerArn!, 80, [forward(web.TargetGroupArn!)]);
  return {
    loadBalancers: [alb, nlb],
    targetGroups: [web, api, tcp],
    listeners: { [alb.LoadBalancerArn!]: [http], [nlb.LoadBalancerArn!]: [listener(nlb.LoadBalancerArn!, 443, [forward(tcp.TargetGroupArn!)], 'TCP')] },
    rules: { [http.ListenerArn!]: [rule(http, 10, [forward(api.TargetGroupArn!)], '/api/*')] },
    health: {
      [web.TargetGroupArn!]: [instanceTarget('i-0598c7d356EXAMPLE'), instanceTarget('i-0a1b2c3d4eEXAMPLE')],
      [api.TargetGroupArn!]: [ipTarget('10.0.1.25', { port: 8080 })],
      [tcp.TargetGroupArn!]: [instanceTarget('i-0598c7d356EXAMPLE')],
    },
    tags: { [alb.LoadBalancerArn!]: tags({ team: 'web' }) },
    autoScalingGroups: [autoScalingGroup('web-asg', { targetGroupArns: [web.TargetGroupArn!, tcp.TargetGroupArn!] })],
    scalingPolicies: [scalingPolicy('web-asg', 'cpu50')],
    instances: [instance('i-0598c7d356EXAMPLE', `${region}a`), instance('i-0a1b2c3d4eEXAMPLE', `${region}b`)],
    subnets: [subnet('subnet-0a1a1a1a1aEXAMPLE', `${region}a`, '10.0.0.0/24'), subnet('subnet-0b2b2b2b2bEXAMPLE', `${region}b`, '10.0.1.0/24')],
    dbInstances: [dbInstance('orders-db', { region, multiAz: true, zone: `${region}a` })],
    dbClusters: [dbCluster('carts', { region, engine: 'aurora-postgresql' })],
    replicationGroups: [replicationGroup('sessions', { region })],
    cacheClusters: [cacheCluster('sessions-001', { region, replicationGroupId: 'sessions', zone: `${region}a` })],
    serverlessCaches: [serverlessCache('tokens', { region })],
    tables: [dynamoDbTable('carts', { region })],
  };
}

/** The account's DNS: a zone with an alias and a health-checked failover record. */
function fullDns(): Partial<Route53World> {
  const check = httpsHealthCheck('www.example.com');
  return {
    zones: [
      hostedZone('example.com.', [
        aliasRecordSet('www.example.com.', 'A', albAliasTarget('web-alb', true), { SetIdentifier: 'primary', Failover: 'PRIMARY', HealthCheckId: check.Id }),
      ]),
    ],
    healthChecks: [check],
  };
}

describe('a live scan is read-only', () => {
  const sts = mockClient(STSClient);
  const organizations = mockClient(OrganizationsClient);
  const fakes: { sentCommands(): string[]; restore(): void }[] = [];

  beforeEach(() => {
    sts.reset();
    organizations.reset();
    organizations.on(ListAccountsCommand).resolves({ Accounts: [{ Id: ACCOUNT_ID, Name: 'audited', State: 'ACTIVE', Status: 'ACTIVE' }], $metadata: responseMetadata() });
    sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AIDACKCEVSQ6C2EXAMPLE', Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/auditor`, $metadata: responseMetadata() });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_REGION', 'us-east-1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    fakes.splice(0).forEach((fake) => fake.restore());
  });
  afterAll(() => {
    sts.restore();
    organizations.restore();
  });

  /**
   * Every command a full collection sends, as `service:Operation`, STS and Organizations
   * included: `--org` (the organisation has only the caller's account, so no role is assumed)
   * and `--all-regions` (EC2 lists two regions), so that every optional path runs too.
   */
  async function commandsOfAFullScan(): Promise<string[]> {
    const inventory = await collectInventory({
      regions: [],
      allRegions: true,
      org: true,
      roleName: 'Audit',
      organizationsClient: () => new OrganizationsClient({ region: 'us-east-1' }),
      clientsFor: (region) => {
        const fake = new MockedRegion(fullWorld(region), { region });
        fake.ec2.on(DescribeRegionsCommand).resolves({
          Regions: ['us-east-1', 'eu-west-1'].map((name) => ({ RegionName: name, Endpoint: `ec2.${name}.amazonaws.com`, OptInStatus: 'opt-in-not-required' })),
          $metadata: responseMetadata(),
        });
        fakes.push(fake);
        return fake.clients;
      },
      globalClients: () => {
        const fake = new MockedRoute53(fullDns());
        fakes.push(fake);
        return fake.clients;
      },
    });
    expect(inventory.gaps).toEqual([]);
    expect(inventory.accounts[0]!.regions.map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(inventory.accounts[0]!.route53.hostedZones).toHaveLength(1);
    expect(inventory.accounts[0]!.regions.every((r) => r.dynamodb.tables.length === 1 && r.rds.clusters.length === 1)).toBe(true);
    const stsCommands = sts.calls().map((call) => `sts:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    const orgCommands = organizations.calls().map((call) => `organizations:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    return [...stsCommands, ...orgCommands, ...fakes.flatMap((fake) => fake.sentCommands())];
  }

  it('sends only Describe*, List* and Get* operations, on every client', async () => {
    const commands = await commandsOfAFullScan();
    expect(commands.length).toBeGreaterThan(20);
    // The pattern is spelled out here, not imported: the test must not move if the source's does.
    const writes = commands.filter((command) => !/^(Describe|List|Get)[A-Z]/.test(command.split(':')[1]!));
    expect(writes).toEqual([]);
  });

  it('calls exactly the operations listed in src/model/operations.ts', async () => {
    const called = new Set(await commandsOfAFullScan());
    const listed = new Set(Object.entries(OPERATIONS).flatMap(([service, operations]) => operations.map((operation) => `${service}:${operation}`)));
    expect([...called].sort()).toEqual([...listed].sort());
  });

  it('lists only read-only operations', () => {
    for (const operations of Object.values(OPERATIONS)) {
      for (const operation of operations) expect(operation).toMatch(/^(Describe|List|Get)[A-Z]/);
    }
  });
});
