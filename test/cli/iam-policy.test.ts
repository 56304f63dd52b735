import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { iamPolicy, OPTIONAL_OPERATIONS } from '../../src/cli/iam-policy-command.js';
import { collectInventory, type CollectOptions } from '../../src/collect/collect-inventory.js';
import { iamAction, OPERATIONS } from '../../src/model/operations.js';
import {
  ACCOUNT_ID,
  autoScalingGroup,
  cacheCluster,
  dbCluster,
  dbInstance,
  dynamoDbTable,
  forward,
  instance,
  instanceTarget,
  ipTarget,
  listener,
  loadBalancer,
  replicationGroup,
  responseMetadata,
  rule,
  scalingPolicy,
  serverlessCache,
  subnet,
  tags,
  targetGroup,
} from '../support/aws-responses.js';
import { MockedRegion, type World } from '../support/mocked-region.js';
import { albAliasTarget, aliasRecordSet, hostedZone, httpsHealthCheck, MockedRoute53, recordSet } from '../support/mocked-route53.js';
import { runCli } from '../support/run-cli.js';

/** A region holding something for every collector: load balancers with rules, targets, an ASG, databases, caches, tables. */
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
    dbInstances: [dbInstance('orders-db', { multiAz: true, zone: `${region}a`, secondaryZone: `${region}b` }), dbInstance('catalog-1', { engine: 'aurora-postgresql', clusterId: 'catalog', zone: `${region}a` })],
    dbClusters: [dbCluster('catalog', { engine: 'aurora-postgresql', members: [['catalog-1', true]] })],
    replicationGroups: [replicationGroup('sessions', { region })],
    cacheClusters: [cacheCluster('sessions-001', { replicationGroupId: 'sessions', region }), cacheCluster('pages', { engine: 'memcached', numNodes: 2, region })],
    serverlessCaches: [serverlessCache('feature-flags', { region })],
    tables: [dynamoDbTable('carts', { region })],
  };
}

describe('the policy covers exactly what a full mocked scan calls', () => {
  const sts = mockClient(STSClient);
  const organizations = mockClient(OrganizationsClient);
  const regions: MockedRegion[] = [];
  const globals: MockedRoute53[] = [];

  beforeEach(() => {
    sts.reset();
    organizations.reset();
    sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AIDACKCEVSQ6C2EXAMPLE', Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/auditor`, $metadata: responseMetadata() });
    organizations.on(ListAccountsCommand).resolves({
      Accounts: [
        {
          Id: ACCOUNT_ID,
          Arn: `arn:aws:organizations::${ACCOUNT_ID}:account/o-exampleorgid/${ACCOUNT_ID}`,
          Email: 'aws-admin@example.com',
          Name: 'production',
          Status: 'ACTIVE',
          State: 'ACTIVE',
          JoinedMethod: 'CREATED',
          JoinedTimestamp: new Date('2024-03-11T09:12:45Z'),
        },
      ],
      $metadata: responseMetadata(),
    });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_REGION', 'us-east-1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    regions.splice(0).forEach((fake) => fake.restore());
    globals.splice(0).forEach((fake) => fake.restore());
  });
  afterAll(() => {
    sts.restore();
    organizations.restore();
  });

  /** The IAM action of every command a scan sends, on every client: STS, Organizations, Route 53, each region's. */
  async function actionsOfAScan(options: Partial<CollectOptions>): Promise<Set<string>> {
    const inventory = await collectInventory({
      regions: [],
      ...options,
      clientsFor: (region) => {
        const fake = new MockedRegion(fullWorld(region), { region });
        fake.ec2.on(DescribeRegionsCommand).resolves({
          Regions: [
            { Endpoint: 'ec2.eu-west-1.amazonaws.com', RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
            { Endpoint: 'ec2.us-east-1.amazonaws.com', RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
          ],
          $metadata: responseMetadata(),
        });
        regions.push(fake);
        return fake.clients;
      },
      globalClients: () => {
        const primary = aliasRecordSet('www.example.com.', 'A', albAliasTarget('web-alb', true), { SetIdentifier: 'primary', Failover: 'PRIMARY' });
        const secondary = recordSet('www.example.com.', 'A', ['192.0.2.44'], { SetIdentifier: 'secondary', Failover: 'SECONDARY', HealthCheckId: httpsHealthCheck('www.example.com').Id! });
        const fake = new MockedRoute53({ zones: [hostedZone('example.com.', [primary, secondary])], healthChecks: [httpsHealthCheck('www.example.com')] });
        globals.push(fake);
        return fake.clients;
      },
      organizationsClient: () => new OrganizationsClient({ region: 'us-east-1' }),
    });
    expect(inventory.gaps).toEqual([]);
    const commands = [
      ...sts.calls().map((call) => `sts:${call.args[0].constructor.name}`),
      ...organizations.calls().map((call) => `organizations:${call.args[0].constructor.name}`),
      ...globals.flatMap((fake) => fake.sentCommands()),
      ...regions.flatMap((fake) => fake.sentCommands()),
    ];
    return new Set(commands.map((command) => command.replace(/Command$/, '')).map((command) => iamAction(...(command.split(':') as [string, string]))));
  }

  it('a scan of two regions: the policy allows each action called, and lists nothing else', async () => {
    const called = await actionsOfAScan({ regions: ['us-east-1', 'eu-west-1'] });
    const allowed = iamPolicy().Statement[0].Action;
    expect([...called].filter((action) => !allowed.includes(action)), 'called but not allowed').toEqual([]);
    expect(allowed.filter((action) => !called.has(action)), 'allowed but never called').toEqual([]);
  });

  it('a scan with --org and --all-regions: the policy of iam-policy --org --all-regions, exactly', async () => {
    const called = await actionsOfAScan({ org: true, roleName: 'OrganizationAccountAccessRole', allRegions: true });
    expect(called).toContain('organizations:ListAccounts');
    expect(called).toContain('ec2:DescribeRegions');
    expect([...called].sort()).toEqual(iamPolicy({ org: true, allRegions: true }).Statement[0].Action);
  });
});

describe('iamPolicy', () => {
  const every = Object.entries(OPERATIONS).flatMap(([service, operations]) => operations.map((operation) => iamAction(service, operation)));

  it('one read-only statement, its actions sorted and unique, named as IAM names them', () => {
    const policy = iamPolicy();
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Sid: 'HaAuditReadOnly', Effect: 'Allow', Resource: '*' });
    const actions = policy.Statement[0].Action;
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toContain('elasticloadbalancing:DescribeTargetHealth');
    for (const action of actions) expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Za-z]+$/);
  });

  it('the operations of --org and --all-regions only when asked for', () => {
    const optional = Object.keys(OPTIONAL_OPERATIONS).map((operation) => iamAction(...(operation.split(':') as [string, string])));
    expect(optional.sort()).toEqual(['ec2:DescribeRegions', 'organizations:ListAccounts']);
    expect(iamPolicy().Statement[0].Action).toEqual(every.filter((action) => !optional.includes(action)).sort());
    expect(iamPolicy({ org: true }).Statement[0].Action).toContain('organizations:ListAccounts');
    expect(iamPolicy({ org: true }).Statement[0].Action).not.toContain('ec2:DescribeRegions');
    expect(iamPolicy({ allRegions: true }).Statement[0].Action).toContain('ec2:DescribeRegions');
    expect(iamPolicy({ org: true, allRegions: true }).Statement[0].Action).toEqual([...every].sort());
  });
});

describe('ha-audit iam-policy (child process)', () => {
  const forbidSdk = ['--import', './test/support/forbid-aws-sdk.mjs'];

  it('prints the policy as JSON, without loading the AWS SDK', async () => {
    const run = await runCli(['iam-policy'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(iamPolicy());
  });

  it('--org and --all-regions add their actions', async () => {
    const run = await runCli(['iam-policy', '--org', '--all-regions'], { nodeArgs: forbidSdk });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(iamPolicy({ org: true, allRegions: true }));
  });

  it('an unknown option is a usage error', async () => {
    const run = await runCli(['iam-policy', '--regions']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ha-audit: unknown option '--regions'/);
  });
});
