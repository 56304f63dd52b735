import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { collectInventory, type CollectOptions } from '../../src/collect/collect-inventory.js';
import type { Inventory } from '../../src/model/inventory.js';
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
} from './aws-responses.js';
import { MockedRegion, type World } from './mocked-region.js';
import { albAliasTarget, aliasRecordSet, hostedZone, httpsHealthCheck, MockedRoute53, recordSet, type Route53World } from './mocked-route53.js';

/**
 * A whole live scan over mocked clients of every service, for the tests that must see every
 * command ha-audit can send (read-only, IAM policy). Each region holds something for every
 * collector; the account has a hosted zone with a failover pair and a health check; EC2 lists
 * two enabled regions and Organizations one active account (the caller's, so no role is assumed).
 */
export function fullWorld(region: string): Partial<World> {
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
    dbInstances: [
      dbInstance('orders-db', { region, multiAz: true, zone: `${region}a`, secondaryZone: `${region}b` }),
      dbInstance('catalog-1', { region, engine: 'aurora-postgresql', clusterId: 'catalog', zone: `${region}a` }),
    ],
    dbClusters: [dbCluster('catalog', { region, engine: 'aurora-postgresql', members: [['catalog-1', true]] })],
    replicationGroups: [replicationGroup('sessions', { region })],
    cacheClusters: [cacheCluster('sessions-001', { replicationGroupId: 'sessions', region }), cacheCluster('pages', { engine: 'memcached', numNodes: 2, region })],
    serverlessCaches: [serverlessCache('feature-flags', { region })],
    tables: [dynamoDbTable('carts', { region })],
  };
}

export function fullDns(): Partial<Route53World> {
  const check = httpsHealthCheck('www.example.com');
  const primary = aliasRecordSet('www.example.com.', 'A', albAliasTarget('web-alb', true), { SetIdentifier: 'primary', Failover: 'PRIMARY' });
  const secondary = recordSet('www.example.com.', 'A', ['192.0.2.44'], { SetIdentifier: 'secondary', Failover: 'SECONDARY', HealthCheckId: check.Id! });
  return { zones: [hostedZone('example.com.', [primary, secondary])], healthChecks: [check] };
}

/** Every command the scan sent, as `service:Operation`, on every client, and what it collected. */
export async function recordFullScan(options: Partial<CollectOptions>): Promise<{ commands: string[]; inventory: Inventory }> {
  const sts = mockClient(STSClient);
  const organizations = mockClient(OrganizationsClient);
  const fakes: { sentCommands(): string[]; restore(): void }[] = [];
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  vi.stubEnv('AWS_REGION', 'us-east-1');
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
  try {
    const inventory = await collectInventory({
      regions: [],
      ...options,
      clientsFor: (region) => {
        const fake = new MockedRegion(fullWorld(region), { region });
        fake.ec2.on(DescribeRegionsCommand).resolves({
          Regions: ['eu-west-1', 'us-east-1'].map((name) => ({ Endpoint: `ec2.${name}.amazonaws.com`, RegionName: name, OptInStatus: 'opt-in-not-required' })),
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
      organizationsClient: () => new OrganizationsClient({ region: 'us-east-1' }),
    });
    const named = (service: string, call: { args: [unknown] }) => `${service}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`;
    const commands = [
      ...sts.calls().map((call) => named('sts', call as { args: [unknown] })),
      ...organizations.calls().map((call) => named('organizations', call as { args: [unknown] })),
      ...fakes.flatMap((fake) => fake.sentCommands()),
    ];
    return { commands, inventory };
  } finally {
    fakes.forEach((fake) => fake.restore());
    sts.restore();
    organizations.restore();
    vi.unstubAllEnvs();
  }
}
