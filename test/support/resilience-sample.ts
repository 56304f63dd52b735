import type { Path, Resilience } from '../../src/model/resilience.js';

/**
 * A hand-built `resilience` section for the report-format tests: a failover pair from us-east-1
 * to us-west-2, an internal load balancer nobody's DNS names, a Multi-AZ database and an
 * application of both. The model's own tests build theirs from inventories.
 */
export const SAMPLE_ACCOUNT = '111122223333';
const EAST_ALB = `arn:aws:elasticloadbalancing:us-east-1:${SAMPLE_ACCOUNT}:loadbalancer/app/web-east/1111111111111111`;
const WEST_ALB = `arn:aws:elasticloadbalancing:us-west-2:${SAMPLE_ACCOUNT}:loadbalancer/app/web-west/2222222222222222`;
const INTERNAL_NLB = `arn:aws:elasticloadbalancing:us-east-1:${SAMPLE_ACCOUNT}:loadbalancer/net/orders/3333333333333333`;
const DB = `arn:aws:rds:us-east-1:${SAMPLE_ACCOUNT}:db:shop-db`;
const WWW = 'Z0SAMPLE/www.shop.example.com/A';

function albPath(id: string, arn: string, region: string, zones: [string, string, number][], failover: 'PRIMARY' | 'SECONDARY'): Path {
  const setIdentifier = failover === 'PRIMARY' ? 'east' : 'west';
  return {
    id,
    active: failover === 'PRIMARY',
    ...(failover === 'SECONDARY' ? { standby: 'secondary' as const } : {}),
    hops: [
      {
        kind: 'record',
        id: `${WWW}/${setIdentifier}`,
        accountId: SAMPLE_ACCOUNT,
        name: 'www.shop.example.com',
        type: 'A',
        routingPolicy: 'failover',
        setIdentifier,
        failover,
        via: 'alias',
        evaluateTargetHealth: true,
      },
      {
        kind: 'load-balancer',
        arn,
        name: arn.split('/')[2]!,
        accountId: SAMPLE_ACCOUNT,
        region,
        type: 'application',
        scheme: 'internet-facing',
        zones: zones.map(([zoneName, zoneId]) => ({ zoneName, zoneId })),
      },
      { kind: 'listener', arn: `${arn.replace(':loadbalancer/', ':listener/')}/4444444444444444`, port: 443, protocol: 'HTTPS' },
      {
        kind: 'target-group',
        arn: `arn:aws:elasticloadbalancing:${region}:${SAMPLE_ACCOUNT}:targetgroup/web/5555555555555555`,
        name: 'web',
        targetType: 'instance',
        crossZone: true,
        dnsFailoverMinimumHealthyTargets: 1,
        detectionSeconds: 60,
      },
    ],
    targets: { regional: false, zones: zones.map(([zoneName, zoneId, serving]) => ({ zoneName, zoneId, serving, registered: serving })), unplaced: 0 },
    autoScalingGroups: [],
    capacity: zones.reduce((sum, [, , serving]) => sum + serving, 0),
  };
}

export function sampleResilience(): Resilience {
  return {
    minCapacityShare: 0.5,
    note: 'Recovery times are estimates from the configuration and the detection and failover times AWS documents.',
    entryPoints: [
      {
        id: WWW,
        kind: 'record-group',
        name: 'www.shop.example.com',
        accountId: SAMPLE_ACCOUNT,
        region: 'global',
        internal: false,
        hostedZone: { id: 'Z0SAMPLE', name: 'shop.example.com', privateZone: false },
        routingPolicy: 'failover',
        capacity: 3,
        paths: [
          albPath(`${WWW}#0`, EAST_ALB, 'us-east-1', [['us-east-1a', 'use1-az1', 2], ['us-east-1b', 'use1-az2', 1]], 'PRIMARY'),
          albPath(`${WWW}#1`, WEST_ALB, 'us-west-2', [['us-west-2a', 'usw2-az1', 2], ['us-west-2b', 'usw2-az2', 2]], 'SECONDARY'),
        ],
      },
      {
        id: INTERNAL_NLB,
        kind: 'load-balancer',
        name: 'orders',
        accountId: SAMPLE_ACCOUNT,
        region: 'us-east-1',
        internal: true,
        capacity: 0,
        paths: [
          {
            id: `${INTERNAL_NLB}#0`,
            active: true,
            hops: [
              { kind: 'load-balancer', arn: INTERNAL_NLB, name: 'orders', accountId: SAMPLE_ACCOUNT, region: 'us-east-1', type: 'network', scheme: 'internal', zones: [{ zoneName: 'us-east-1a', zoneId: 'use1-az1' }] },
            ],
            autoScalingGroups: [],
            capacity: 0,
          },
        ],
      },
    ],
    scenarios: [
      { id: 'zone:us-east-1/use1-az1', kind: 'zone', region: 'us-east-1', zoneId: 'use1-az1', zoneNames: [{ accountId: SAMPLE_ACCOUNT, zoneName: 'us-east-1a' }] },
      { id: 'zone:us-east-1/use1-az2', kind: 'zone', region: 'us-east-1', zoneId: 'use1-az2', zoneNames: [{ accountId: SAMPLE_ACCOUNT, zoneName: 'us-east-1b' }] },
      { id: 'region:us-east-1', kind: 'region', region: 'us-east-1' },
    ],
    outcomes: [
      {
        subject: 'entry-point',
        id: WWW,
        scenarioId: 'zone:us-east-1/use1-az1',
        outcome: 'degraded',
        capacity: { before: 3, after: 1 },
        recoverySeconds: 60,
        servedBy: [EAST_ALB],
        refill: 'no-group',
        reasonId: 'capacityBelowShare',
        reason: 'Losing use1-az1 leaves 1 of 3 serving targets (33%), below the 50% required.',
        fix: 'Run as many targets in each zone.',
      },
      {
        subject: 'entry-point',
        id: WWW,
        scenarioId: 'zone:us-east-1/use1-az2',
        outcome: 'survives',
        capacity: { before: 3, after: 2 },
        recoverySeconds: 60,
        servedBy: [EAST_ALB],
        refill: 'no-group',
        reasonId: 'capacityLeft',
        reason: 'Losing use1-az2 leaves 2 of 3 serving targets (67%) after about 60 s.',
      },
      {
        subject: 'entry-point',
        id: WWW,
        scenarioId: 'region:us-east-1',
        outcome: 'survives',
        capacity: { before: 3, after: 4 },
        recoverySeconds: 120,
        servedBy: [WEST_ALB],
        refill: 'not-needed',
        reasonId: 'failoverToSecondary',
        reason: 'Route 53 fails over to web-west in us-west-2 after about 120 s.',
      },
      ...['zone:us-east-1/use1-az1', 'zone:us-east-1/use1-az2', 'region:us-east-1'].map((scenarioId) => ({
        subject: 'entry-point' as const,
        id: INTERNAL_NLB,
        scenarioId,
        outcome: 'down' as const,
        capacity: { before: 0, after: 0 },
        recoverySeconds: null,
        servedBy: [],
        refill: 'not-needed' as const,
        reasonId: 'noServingTarget',
        reason: 'orders has no serving target, whatever fails.',
        fix: 'Register healthy targets in the target groups of orders.',
      })),
      { subject: 'data-store', id: DB, scenarioId: 'zone:us-east-1/use1-az1', outcome: 'fails-over', recoverySeconds: 120, reasonId: 'multiAzFailover', reason: 'shop-db fails over to its standby in us-east-1b (typically 60 to 120 s).' },
      { subject: 'data-store', id: DB, scenarioId: 'zone:us-east-1/use1-az2', outcome: 'unaffected', recoverySeconds: null, reasonId: 'notInZone', reason: 'shop-db has its standby in us-east-1b: it is replaced, the primary keeps serving.' },
      { subject: 'data-store', id: DB, scenarioId: 'region:us-east-1', outcome: 'down', recoverySeconds: null, reasonId: 'noCopyElsewhere', reason: 'shop-db has no copy outside us-east-1.', fix: 'Create a cross-region read replica of shop-db.' },
      { subject: 'application', id: 'shop', scenarioId: 'zone:us-east-1/use1-az1', outcome: 'degraded', capacity: { before: 3, after: 1 }, recoverySeconds: 120, reasonId: 'worstOfParts', reason: 'www.shop.example.com is degraded.' },
      { subject: 'application', id: 'shop', scenarioId: 'zone:us-east-1/use1-az2', outcome: 'survives', capacity: { before: 3, after: 2 }, recoverySeconds: 60, reasonId: 'worstOfParts', reason: 'Every part survives.' },
      { subject: 'application', id: 'shop', scenarioId: 'region:us-east-1', outcome: 'down', capacity: { before: 3, after: 4 }, recoverySeconds: null, reasonId: 'worstOfParts', reason: 'shop-db is down.' },
    ],
    dataStores: [
      { id: DB, kind: 'rds-instance', name: 'shop-db', accountId: SAMPLE_ACCOUNT, region: 'us-east-1', engine: 'postgres', zones: [{ zoneName: 'us-east-1a', zoneId: 'use1-az1' }, { zoneName: 'us-east-1b', zoneId: 'use1-az2' }] },
    ],
    applications: [{ name: 'shop', entryPoints: [WWW], dataStores: [DB], unmatched: [] }],
  };
}
