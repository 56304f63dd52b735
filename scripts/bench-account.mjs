// A live scan of a big simulated account: `collectInventory` (from dist/) drives real SDK clients
// whose requests never leave the process. A middleware placed after the SDK's retry and signing
// steps answers each attempt from a generated account after a latency (50 ms by default), or
// with the service's own throttling error when AWS's token bucket for that service is empty
// (the published figures; where AWS publishes none, ha-audit's own guess). So the SDK's retries,
// ha-audit's pacing and the collectors all run as against AWS; only the network is simulated.
//
//   node scripts/bench-account.mjs [--time-scale 10] [--max-api-rate 1] [--retry-mode standard|adaptive]
//                                  [--max-attempts 8] [--random-throttle 0.3] [--busy 0.3] [--drained] [--small] [--unpaced]
//                                  [--latency-ms 50] [--seed 1] [--json]
//
// --time-scale N runs N times faster than AWS: AWS's refill rates × N, latency ÷ N, and every
// wait of ha-audit (its pacing, its retry back-off) ÷ N (`CollectOptions.timeScale`); the figures
// are reported in AWS seconds. --retry-mode puts back one of the SDK's own modes, whose waits are
// not scaled: meaningful at --time-scale 1 only.
// --random-throttle P: a proxy in front of AWS answers a share P of the requests, at random, with
// the service's throttling error (they never reach AWS's buckets); --seed fixes the draw.
// --busy F: the account's own automation uses a share F of every bucket's refill meanwhile.
// --drained: AWS's buckets start empty (the account's automation just spent its bursts).
// --small: a 5-load-balancer account instead of the big one.
// --unpaced: no client-side pacing (fire, then back off on throttling), for comparison.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { AutoScalingClient, AutoScalingServiceException } from '@aws-sdk/client-auto-scaling';
import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import { ElastiCacheClient, ElastiCacheServiceException } from '@aws-sdk/client-elasticache';
import { ElasticLoadBalancingV2Client, ElasticLoadBalancingV2ServiceException } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient, IAMServiceException } from '@aws-sdk/client-iam';
import { RDSClient, RDSServiceException } from '@aws-sdk/client-rds';
import { Route53Client, Route53ServiceException } from '@aws-sdk/client-route-53';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { clientConfig, watchAttempts } from '../dist/src/collect/aws-clients.js';
import { collectInventory } from '../dist/src/collect/collect-inventory.js';
import { DEFAULT_RATES } from '../dist/src/collect/region-calls.js';
import { filterSdkNodeVersionWarning } from '../dist/src/cli/sdk-warning.js';

// As the CLI does: the SDK's notice that it will need Node 22 is not part of the report.
filterSdkNodeVersionWarning(() => {});

const ACCOUNT_ID = '111122223333';
const REGION = 'us-east-1';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const ZONE_IDS = ['use1-az1', 'use1-az2', 'use1-az4'];
const VPC_ID = 'vpc-0bench0000000000a';
const CREATED = new Date('2025-03-14T09:26:53.000Z');

/** The account's size: the issue's big account, plus a small data layer. */
export const SHAPE = {
  loadBalancers: 100,
  networkLoadBalancers: 20,
  targetGroups: 400,
  /** Target groups no listener forwards to (left over from old deployments). */
  unattachedTargetGroups: 20,
  listenerRules: 300,
  autoScalingGroups: 100,
  hostedZones: 10,
  recordsPerZone: 400,
  healthChecks: 40,
  dbInstances: 20,
  auroraClusters: 4,
  replicationGroups: 10,
  tables: 30,
};

/** A small account, where a few seconds of backoff show. */
export const SMALL_SHAPE = {
  loadBalancers: 5,
  networkLoadBalancers: 1,
  targetGroups: 20,
  unattachedTargetGroups: 1,
  listenerRules: 15,
  autoScalingGroups: 5,
  hostedZones: 1,
  recordsPerZone: 100,
  healthChecks: 4,
  dbInstances: 2,
  auroraClusters: 0,
  replicationGroups: 1,
  tables: 3,
};

/**
 * AWS's token buckets, per account and region (Route 53: per account), as the simulation
 * enforces them, and the error each service throttles with.
 */
export const AWS_BUCKETS = {
  elbv2: { rate: 10, burst: 40, code: 'Throttling', status: 400, note: 'published: Describe* 40, 10/s' },
  ec2: { rate: 20, burst: 100, code: 'RequestLimitExceeded', status: 503, note: 'published: non-mutating 100, 20/s' },
  rds: { rate: 12, burst: 300, code: 'Throttling', status: 400, note: 'as the issue gives it: 300, 12/s' },
  route53: { rate: 10, burst: 50, code: 'Throttling', status: 400, note: 'published: account 50, 10/s (and 50, 10/s per List*)' },
  autoscaling: { rate: 10, burst: 20, code: 'Throttling', status: 400, note: 'not published: ha-audit guess' },
  elasticache: { rate: 10, burst: 20, code: 'Throttling', status: 400, note: 'not published: ha-audit guess' },
  dynamodb: { rate: 2500, burst: 2500, code: 'ThrottlingException', status: 400, note: 'published: control plane 2,500/s' },
  iam: { rate: 10, burst: 20, code: 'Throttling', status: 400, note: 'not published: a guess (one call per account)' },
};

// ---------------------------------------------------------------- the account

const hex = (n, length) => n.toString(16).padStart(length, '0');
const tagList = (tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** `variant` > 0 gives the load balancers and zones names of their own (the accounts of an organisation). */
export function generateAccount(shape = SHAPE, variant = 0, { accountId = ACCOUNT_ID, region = REGION } = {}) {
  const unique = variant > 0 ? `-v${variant}` : '';
  const subnets = ZONES.flatMap((zone, z) =>
    ['public', 'private'].map((tier, t) => ({
      SubnetId: `subnet-0${hex(z * 2 + t, 16)}`,
      SubnetArn: `arn:aws:ec2:${region}:${accountId}:subnet/subnet-0${hex(z * 2 + t, 16)}`,
      VpcId: VPC_ID,
      AvailabilityZone: zone,
      AvailabilityZoneId: ZONE_IDS[z],
      CidrBlock: `10.0.${z * 2 + t}.0/24`,
      State: 'available',
      AvailableIpAddressCount: 240,
      DefaultForAz: false,
      MapPublicIpOnLaunch: tier === 'public',
      OwnerId: accountId,
      Tags: [{ Key: 'Name', Value: `${tier}-${zone}` }],
    })),
  );
  const publicSubnets = subnets.filter((s) => s.MapPublicIpOnLaunch);

  // Auto Scaling groups and their instances, three per group, one per zone.
  const groups = [];
  const instances = [];
  for (let g = 0; g < shape.autoScalingGroups; g++) {
    const members = ZONES.map((zone, z) => ({ InstanceId: `i-0${hex(g * 3 + z, 16)}`, InstanceType: 'm7g.large', AvailabilityZone: zone, LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false }));
    members.forEach((m, z) =>
      instances.push({
        InstanceId: m.InstanceId,
        InstanceType: 'm7g.large',
        ImageId: 'ami-0abcdef1234567890',
        Placement: { AvailabilityZone: ZONES[z], GroupName: '', Tenancy: 'default' },
        State: { Code: 16, Name: 'running' },
        SubnetId: subnets[z * 2 + 1].SubnetId,
        VpcId: VPC_ID,
        PrivateIpAddress: `10.0.${z * 2 + 1}.${(g % 250) + 4}`,
        LaunchTime: CREATED,
      }),
    );
    groups.push({
      AutoScalingGroupName: `app-${g}`,
      AutoScalingGroupARN: `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${randomUUIDFrom(g)}:autoScalingGroupName/app-${g}`,
      LaunchTemplate: { LaunchTemplateId: `lt-0${hex(g, 16)}`, LaunchTemplateName: `app-${g}`, Version: '$Latest' },
      MinSize: 3,
      MaxSize: 12,
      DesiredCapacity: 3,
      DefaultCooldown: 300,
      AvailabilityZones: ZONES,
      LoadBalancerNames: [],
      TargetGroupARNs: [],
      TrafficSources: [],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      Instances: members,
      CreatedTime: CREATED,
      SuspendedProcesses: [],
      VPCZoneIdentifier: subnets.filter((s) => !s.MapPublicIpOnLaunch).map((s) => s.SubnetId).join(','),
      EnabledMetrics: [],
      Tags: [{ ResourceId: `app-${g}`, ResourceType: 'auto-scaling-group', Key: 'team', Value: `team-${g % 7}`, PropagateAtLaunch: true }],
      TerminationPolicies: ['Default'],
      NewInstancesProtectedFromScaleIn: false,
      ServiceLinkedRoleARN: `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      CapacityRebalance: false,
    });
  }
  const policies = groups.flatMap((group, g) =>
    Array.from({ length: g % 2 === 0 ? 1 : 2 }, (_, p) => ({
      AutoScalingGroupName: group.AutoScalingGroupName,
      PolicyName: p === 0 ? 'cpu-50' : 'requests-1000',
      PolicyARN: `arn:aws:autoscaling:${region}:${accountId}:scalingPolicy:${randomUUIDFrom(1000 + g * 2 + p)}:autoScalingGroupName/${group.AutoScalingGroupName}:policyName/${p === 0 ? 'cpu-50' : 'requests-1000'}`,
      PolicyType: 'TargetTrackingScaling',
      StepAdjustments: [],
      Alarms: [],
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50, DisableScaleIn: false },
      Enabled: true,
    })),
  );

  // Load balancers: the first ones ALBs, the last ones NLBs; each with a default target group.
  const loadBalancers = [];
  const listeners = new Map();
  const rules = new Map();
  const targetGroups = [];
  const lbAttributes = new Map();
  const tgAttributes = new Map();
  const health = new Map();
  const tags = new Map();
  const albCount = shape.loadBalancers - shape.networkLoadBalancers;
  const newTargetGroup = (index, protocol, lbArn) => {
    const name = `tg-${index}`;
    const arn = `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${name}/${hex(index + 1, 16)}`;
    const targetType = index % 5 === 4 ? 'ip' : 'instance';
    const tg = {
      TargetGroupArn: arn,
      TargetGroupName: name,
      Protocol: protocol,
      Port: 8080,
      VpcId: VPC_ID,
      HealthCheckProtocol: protocol === 'TCP' ? 'TCP' : 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 3,
      ...(protocol === 'TCP' ? {} : { HealthCheckPath: '/health', Matcher: { HttpCode: '200' }, ProtocolVersion: 'HTTP1' }),
      LoadBalancerArns: lbArn ? [lbArn] : [],
      TargetType: targetType,
      IpAddressType: 'ipv4',
    };
    targetGroups.push(tg);
    tgAttributes.set(arn, [
      { Key: 'stickiness.enabled', Value: index % 25 === 0 ? 'true' : 'false' },
      { Key: 'stickiness.type', Value: 'lb_cookie' },
      { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
      { Key: 'load_balancing.cross_zone.enabled', Value: 'use_load_balancer_configuration' },
    ]);
    tags.set(arn, tagList({ team: `team-${index % 7}`, service: name }));
    if (lbArn) {
      const group = groups[index % groups.length];
      const targets =
        targetType === 'instance'
          ? group.Instances.map((i) => ({ Target: { Id: i.InstanceId, Port: 8080 }, HealthCheckPort: '8080', TargetHealth: { State: 'healthy' } }))
          : ZONES.map((zone, z) => ({ Target: { Id: `10.0.${z * 2 + 1}.${(index % 200) + 20}`, Port: 8080, AvailabilityZone: zone }, HealthCheckPort: '8080', TargetHealth: { State: 'healthy' } }));
      health.set(arn, targets);
      if (targetType === 'instance') {
        group.TargetGroupARNs.push(arn);
        group.TrafficSources.push({ Identifier: arn, Type: 'elbv2' });
      }
    }
    return tg;
  };

  for (let i = 0; i < shape.loadBalancers; i++) {
    const type = i < albCount ? 'application' : 'network';
    const name = `${type === 'application' ? 'web' : 'tcp'}-${i}`;
    const arn = `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/${hex(i + 1, 16)}`;
    loadBalancers.push({
      LoadBalancerArn: arn,
      DNSName: `${name}${unique}-${1000000 + i}.${region}.elb.amazonaws.com`,
      CanonicalHostedZoneId: type === 'application' ? 'Z35SXDOTRQ7X7K' : 'Z26RNL4JYFTOTI',
      CreatedTime: CREATED,
      LoadBalancerName: name,
      Scheme: 'internet-facing',
      VpcId: VPC_ID,
      State: { Code: 'active' },
      Type: type,
      AvailabilityZones: publicSubnets.map((s) => ({ ZoneName: s.AvailabilityZone, SubnetId: s.SubnetId, LoadBalancerAddresses: [] })),
      ...(type === 'application' ? { SecurityGroups: [`sg-0${hex(i, 16)}`] } : {}),
      IpAddressType: 'ipv4',
    });
    lbAttributes.set(arn, [
      { Key: 'deletion_protection.enabled', Value: i % 10 === 0 ? 'false' : 'true' },
      { Key: 'load_balancing.cross_zone.enabled', Value: type === 'application' ? 'true' : 'false' },
      { Key: 'access_logs.s3.enabled', Value: 'false' },
      { Key: 'idle_timeout.timeout_seconds', Value: '60' },
      // Returned for ALBs and NLBs alike, as AWS does since zonal shift became a load balancer attribute.
      { Key: 'zonal_shift.config.enabled', Value: i % 4 === 0 ? 'true' : 'false' },
    ]);
    tags.set(arn, tagList({ team: `team-${i % 7}`, env: 'prod' }));
    const defaultTg = newTargetGroup(i, type === 'application' ? 'HTTP' : 'TCP', arn);
    const forward = (tgArn) => ({ Type: 'forward', TargetGroupArn: tgArn, Order: 1, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } } });
    const listenerArn = (port) => `${arn.replace(':loadbalancer/', ':listener/')}/${hex(port * 1000 + i, 16)}`;
    if (type === 'application') {
      const http = { ListenerArn: listenerArn(80), LoadBalancerArn: arn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', Order: 1, RedirectConfig: { Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' } }] };
      const https = {
        ListenerArn: listenerArn(443),
        LoadBalancerArn: arn,
        Port: 443,
        Protocol: 'HTTPS',
        Certificates: [{ CertificateArn: `arn:aws:acm:${region}:${accountId}:certificate/${randomUUIDFrom(i)}` }],
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        DefaultActions: [forward(defaultTg.TargetGroupArn)],
      };
      listeners.set(arn, [http, https]);
      for (const listener of [http, https]) {
        rules.set(listener.ListenerArn, [
          { RuleArn: `${listener.ListenerArn.replace(':listener/', ':listener-rule/')}/${hex(0, 16)}`, Priority: 'default', Conditions: [], Actions: listener.DefaultActions, IsDefault: true },
        ]);
      }
    } else {
      listeners.set(arn, [{ ListenerArn: listenerArn(443), LoadBalancerArn: arn, Port: 443, Protocol: 'TCP', DefaultActions: [forward(defaultTg.TargetGroupArn)] }]);
    }
  }

  // Listener rules on the ALBs' HTTPS listeners: most forward to a target group of their own,
  // the rest answer fixed responses.
  const ruleTargetGroups = shape.targetGroups - shape.loadBalancers - shape.unattachedTargetGroups;
  for (let r = 0; r < shape.listenerRules; r++) {
    const lb = loadBalancers[r % albCount];
    const https = listeners.get(lb.LoadBalancerArn)[1];
    const list = rules.get(https.ListenerArn);
    const priority = String(list.length);
    const actions =
      r < ruleTargetGroups
        ? [{ Type: 'forward', TargetGroupArn: newTargetGroup(shape.loadBalancers + r, 'HTTP', lb.LoadBalancerArn).TargetGroupArn, Order: 1 }]
        : [{ Type: 'fixed-response', Order: 1, FixedResponseConfig: { StatusCode: '503', ContentType: 'text/plain', MessageBody: 'maintenance' } }];
    list.splice(list.length - 1, 0, {
      RuleArn: `${https.ListenerArn.replace(':listener/', ':listener-rule/')}/${hex(r + 1, 16)}`,
      Priority: priority,
      Conditions: [{ Field: 'path-pattern', Values: [`/api/v${r}/*`], PathPatternConfig: { Values: [`/api/v${r}/*`] } }],
      Actions: actions,
      IsDefault: false,
    });
  }
  for (let u = 0; u < shape.unattachedTargetGroups; u++) newTargetGroup(shape.targetGroups - shape.unattachedTargetGroups + u, 'HTTP', undefined);

  // Route 53: public zones with alias records to the load balancers, failover and weighted
  // pairs with health checks, and plain records.
  const healthChecks = Array.from({ length: shape.healthChecks }, (_, h) => ({
    Id: randomUUIDFrom(5000 + h),
    CallerReference: `bench-${h}`,
    HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: `${loadBalancers[h % albCount].DNSName}`, Port: 443, ResourcePath: '/health', RequestInterval: 30, FailureThreshold: 3, MeasureLatency: false, Inverted: false, Disabled: false, EnableSNI: true },
    HealthCheckVersion: 1,
  }));
  const hostedZones = [];
  const records = new Map();
  for (let z = 0; z < shape.hostedZones; z++) {
    const name = `svc${z}${unique}.example.com.`;
    const id = `Z0${hex(0xbe0000 + z, 18).toUpperCase()}`;
    hostedZones.push({ Id: `/hostedzone/${id}`, Name: name, CallerReference: `bench-zone-${z}`, Config: { Comment: 'bench', PrivateZone: false }, ResourceRecordSetCount: shape.recordsPerZone });
    const list = [
      { Name: name, Type: 'NS', TTL: 172800, ResourceRecords: ['ns-1.awsdns-01.org.', 'ns-2.awsdns-02.co.uk.', 'ns-3.awsdns-03.com.', 'ns-4.awsdns-04.net.'].map((Value) => ({ Value })) },
      { Name: name, Type: 'SOA', TTL: 900, ResourceRecords: [{ Value: 'ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400' }] },
    ];
    const alias = (lb, evaluate) => ({ HostedZoneId: lb.CanonicalHostedZoneId, DNSName: `dualstack.${lb.DNSName}.`, EvaluateTargetHealth: evaluate });
    for (let n = 0; list.length < shape.recordsPerZone; n++) {
      const host = `host-${n}.${name}`;
      const lb = loadBalancers[(z * 37 + n) % loadBalancers.length];
      const other = loadBalancers[(z * 37 + n + 1) % loadBalancers.length];
      const check = healthChecks[n % healthChecks.length].Id;
      switch (n % 4) {
        case 0:
          list.push({ Name: host, Type: 'A', AliasTarget: alias(lb, false) });
          break;
        case 1:
          list.push({ Name: host, Type: 'A', SetIdentifier: 'primary', Failover: 'PRIMARY', HealthCheckId: check, AliasTarget: alias(lb, true) });
          list.push({ Name: host, Type: 'A', SetIdentifier: 'secondary', Failover: 'SECONDARY', AliasTarget: alias(other, true) });
          break;
        case 2:
          list.push({ Name: host, Type: 'A', SetIdentifier: 'blue', Weight: 90, HealthCheckId: check, TTL: 60, ResourceRecords: [{ Value: `192.0.2.${n % 250}` }] });
          list.push({ Name: host, Type: 'A', SetIdentifier: 'green', Weight: 10, HealthCheckId: check, TTL: 60, ResourceRecords: [{ Value: `198.51.100.${n % 250}` }] });
          break;
        default:
          list.push({ Name: host, Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: `www.${name}` }] });
      }
    }
    records.set(id, list.slice(0, shape.recordsPerZone));
  }

  // The data layer: RDS instances (some in Aurora clusters), Redis replication groups, tables.
  const dbClusters = [];
  const dbInstances = [];
  for (let c = 0; c < shape.auroraClusters; c++) {
    const id = `orders-${c}`;
    dbClusters.push({
      DBClusterIdentifier: id,
      DBClusterArn: `arn:aws:rds:${region}:${accountId}:cluster:${id}`,
      Engine: 'aurora-postgresql',
      EngineVersion: '16.4',
      Status: 'available',
      MultiAZ: true,
      AvailabilityZones: ZONES,
      BackupRetentionPeriod: 7,
      DBClusterMembers: [0, 1].map((m) => ({ DBInstanceIdentifier: `${id}-${m}`, IsClusterWriter: m === 0, DBClusterParameterGroupStatus: 'in-sync', PromotionTier: 1 })),
      StorageEncrypted: true,
      ClusterCreateTime: CREATED,
    });
  }
  for (let d = 0; d < shape.dbInstances; d++) {
    const cluster = d < shape.auroraClusters * 2 ? dbClusters[Math.floor(d / 2)] : undefined;
    const id = cluster ? `${cluster.DBClusterIdentifier}-${d % 2}` : `legacy-${d}`;
    dbInstances.push({
      DBInstanceIdentifier: id,
      DBInstanceArn: `arn:aws:rds:${region}:${accountId}:db:${id}`,
      DBInstanceClass: 'db.r7g.large',
      Engine: cluster ? 'aurora-postgresql' : 'postgres',
      DBInstanceStatus: 'available',
      MultiAZ: !cluster && d % 3 !== 0,
      AvailabilityZone: ZONES[d % 3],
      ...(!cluster && d % 3 !== 0 ? { SecondaryAvailabilityZone: ZONES[(d + 1) % 3] } : {}),
      BackupRetentionPeriod: d % 5 === 0 ? 0 : 7,
      ...(cluster ? { DBClusterIdentifier: cluster.DBClusterIdentifier } : {}),
      ReadReplicaDBInstanceIdentifiers: [],
      StorageType: cluster ? 'aurora' : 'gp3',
      AllocatedStorage: cluster ? 1 : 100,
      InstanceCreateTime: CREATED,
    });
  }
  const replicationGroups = [];
  const cacheClusters = [];
  for (let r = 0; r < shape.replicationGroups; r++) {
    const id = `sessions-${r}`;
    const members = [1, 2].map((m) => `${id}-00${m}`);
    const failover = r % 4 === 0 ? 'disabled' : 'enabled';
    replicationGroups.push({
      ReplicationGroupId: id,
      Description: 'sessions',
      Status: 'available',
      MemberClusters: members,
      NodeGroups: [
        {
          NodeGroupId: '0001',
          Status: 'available',
          NodeGroupMembers: members.map((member, m) => ({ CacheClusterId: member, CacheNodeId: '0001', PreferredAvailabilityZone: ZONES[m], CurrentRole: m === 0 ? 'primary' : 'replica' })),
        },
      ],
      AutomaticFailover: failover,
      MultiAZ: failover,
      ClusterEnabled: false,
      CacheNodeType: 'cache.r7g.large',
      Engine: 'redis',
      ARN: `arn:aws:elasticache:${region}:${accountId}:replicationgroup:${id}`,
    });
    members.forEach((member, m) =>
      cacheClusters.push({
        CacheClusterId: member,
        ARN: `arn:aws:elasticache:${region}:${accountId}:cluster:${member}`,
        CacheNodeType: 'cache.r7g.large',
        Engine: 'redis',
        EngineVersion: '7.1.0',
        CacheClusterStatus: 'available',
        NumCacheNodes: 1,
        PreferredAvailabilityZone: ZONES[m],
        ReplicationGroupId: id,
        CacheClusterCreateTime: CREATED,
      }),
    );
  }
  const tables = Array.from({ length: shape.tables }, (_, t) => `table-${String(t).padStart(3, '0')}`);

  return {
    accountId,
    region,
    alias: 'bench-account',
    subnets,
    instances,
    groups,
    policies,
    loadBalancers,
    listeners,
    rules,
    targetGroups,
    lbAttributes,
    tgAttributes,
    health,
    tags,
    hostedZones,
    records,
    healthChecks,
    dbInstances,
    dbClusters,
    replicationGroups,
    cacheClusters,
    tables,
  };
}

/** A stable UUID-shaped id from a number (real ones are random; a bench needs them reproducible). */
function randomUUIDFrom(n) {
  const h = hex(n, 12);
  return `5f1b2c3d-4e5f-4a6b-8c7d-${h}`;
}

// ---------------------------------------------------------------- the APIs

const encodeToken = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeToken = (token) => (token ? Number(Buffer.from(token, 'base64').toString().split(':')[1]) : 0);

/** One page of `items` from an opaque token, `size` items long, as the list APIs page. */
function page(items, token, size) {
  const start = decodeToken(token);
  return { items: items.slice(start, start + size), next: start + size < items.length ? encodeToken(start + size) : undefined };
}

class ValidationError extends Error {}

function pageSize(value, min, max, fallback, name) {
  const size = value ?? fallback;
  if (size < min || size > max) throw new ValidationError(`${name} must be between ${min} and ${max}`);
  return size;
}

const byArn = (map, arn, what) => {
  const value = map.get(arn);
  if (value === undefined) throw new ValidationError(`${what} '${arn}' not found`);
  return value;
};

/** What each operation answers: the SDK's output shapes, paginated as the API does. */
export function apiHandlers(account) {
  return {
    elbv2: {
      DescribeLoadBalancers: ({ Marker, PageSize }) => {
        const p = page(account.loadBalancers, Marker, pageSize(PageSize, 1, 400, 400, 'PageSize'));
        return { LoadBalancers: p.items, ...(p.next ? { NextMarker: p.next } : {}) };
      },
      DescribeTargetGroups: ({ Marker, PageSize }) => {
        const p = page(account.targetGroups, Marker, pageSize(PageSize, 1, 400, 400, 'PageSize'));
        return { TargetGroups: p.items, ...(p.next ? { NextMarker: p.next } : {}) };
      },
      DescribeLoadBalancerAttributes: ({ LoadBalancerArn }) => ({ Attributes: byArn(account.lbAttributes, LoadBalancerArn, 'Load balancer') }),
      DescribeListeners: ({ LoadBalancerArn, Marker, PageSize }) => {
        const p = page(byArn(account.listeners, LoadBalancerArn, 'Load balancer'), Marker, pageSize(PageSize, 1, 400, 400, 'PageSize'));
        return { Listeners: p.items, ...(p.next ? { NextMarker: p.next } : {}) };
      },
      DescribeRules: ({ ListenerArn, Marker, PageSize }) => {
        const p = page(byArn(account.rules, ListenerArn, 'Listener'), Marker, pageSize(PageSize, 1, 400, 400, 'PageSize'));
        return { Rules: p.items, ...(p.next ? { NextMarker: p.next } : {}) };
      },
      DescribeTargetGroupAttributes: ({ TargetGroupArn }) => ({ Attributes: byArn(account.tgAttributes, TargetGroupArn, 'Target group') }),
      DescribeTargetHealth: ({ TargetGroupArn }) => {
        byArn(account.tgAttributes, TargetGroupArn, 'Target group');
        return { TargetHealthDescriptions: account.health.get(TargetGroupArn) ?? [] };
      },
      DescribeTags: ({ ResourceArns }) => {
        if (!ResourceArns?.length || ResourceArns.length > 20) throw new ValidationError('ResourceArns must hold 1 to 20 ARNs');
        return { TagDescriptions: ResourceArns.map((ResourceArn) => ({ ResourceArn, Tags: byArn(account.tags, ResourceArn, 'Resource') })) };
      },
    },
    autoscaling: {
      DescribeAutoScalingGroups: ({ NextToken, MaxRecords }) => {
        const p = page(account.groups, NextToken, pageSize(MaxRecords, 1, 100, 50, 'MaxRecords'));
        return { AutoScalingGroups: p.items, ...(p.next ? { NextToken: p.next } : {}) };
      },
      DescribePolicies: ({ NextToken, MaxRecords }) => {
        const p = page(account.policies, NextToken, pageSize(MaxRecords, 1, 100, 50, 'MaxRecords'));
        return { ScalingPolicies: p.items, ...(p.next ? { NextToken: p.next } : {}) };
      },
    },
    ec2: {
      // The region's zones, with the ids the resilience model reads.
      DescribeAvailabilityZones: () => ({
        AvailabilityZones: ZONES.map((ZoneName, z) => ({ ZoneName, ZoneId: ZONE_IDS[z], RegionName: account.region, State: 'available', OptInStatus: 'opt-in-not-required', ZoneType: 'availability-zone', GroupName: account.region, NetworkBorderGroup: account.region, Messages: [] })),
      }),
      DescribeSubnets: ({ NextToken, MaxResults }) => {
        const p = page(account.subnets, NextToken, pageSize(MaxResults, 5, 1000, 1000, 'MaxResults'));
        return { Subnets: p.items, ...(p.next ? { NextToken: p.next } : {}) };
      },
      DescribeInstances: ({ Filters, InstanceIds, NextToken, MaxResults }) => {
        if (InstanceIds?.length) throw new ValidationError('the simulation serves instance-id filters only');
        const ids = new Set(Filters?.find((f) => f.Name === 'instance-id')?.Values ?? []);
        if (ids.size > 200) throw new ValidationError('too many filter values');
        const matching = account.instances.filter((i) => ids.has(i.InstanceId));
        const p = page(matching, NextToken, pageSize(MaxResults, 5, 1000, 1000, 'MaxResults'));
        return { Reservations: p.items.map((instance) => ({ ReservationId: `r-0${instance.InstanceId.slice(3)}`, OwnerId: account.accountId, Groups: [], Instances: [instance] })), ...(p.next ? { NextToken: p.next } : {}) };
      },
    },
    route53: {
      ListHostedZones: ({ Marker, MaxItems }) => {
        const size = pageSize(MaxItems, 1, 100, 100, 'MaxItems');
        const p = page(account.hostedZones, Marker, size);
        return { HostedZones: p.items, ...(Marker ? { Marker } : {}), IsTruncated: p.next !== undefined, ...(p.next ? { NextMarker: p.next } : {}), MaxItems: size };
      },
      ListHealthChecks: ({ Marker, MaxItems }) => {
        const size = pageSize(MaxItems, 1, 1000, 100, 'MaxItems');
        const p = page(account.healthChecks, Marker, size);
        return { HealthChecks: p.items, Marker: Marker ?? '', IsTruncated: p.next !== undefined, ...(p.next ? { NextMarker: p.next } : {}), MaxItems: size };
      },
      ListResourceRecordSets: ({ HostedZoneId, StartRecordName, StartRecordType, StartRecordIdentifier, MaxItems }) => {
        const size = pageSize(MaxItems, 1, 300, 300, 'MaxItems');
        const list = byArn(account.records, HostedZoneId.replace(/^\/hostedzone\//, ''), 'Hosted zone');
        // Route 53 pages by position: the next page starts at the record named by `Start*`.
        let start = 0;
        if (StartRecordName !== undefined) {
          start = list.findIndex((r) => r.Name === StartRecordName && (StartRecordType === undefined || r.Type === StartRecordType) && (StartRecordIdentifier === undefined || r.SetIdentifier === StartRecordIdentifier));
          if (start < 0) throw new ValidationError('no record at the start position');
        }
        const items = list.slice(start, start + size);
        const next = list[start + size];
        return {
          ResourceRecordSets: items,
          IsTruncated: next !== undefined,
          ...(next ? { NextRecordName: next.Name, NextRecordType: next.Type, ...(next.SetIdentifier !== undefined ? { NextRecordIdentifier: next.SetIdentifier } : {}) } : {}),
          MaxItems: size,
        };
      },
    },
    rds: {
      DescribeDBInstances: ({ Marker, MaxRecords }) => {
        const p = page(account.dbInstances, Marker, pageSize(MaxRecords, 20, 100, 100, 'MaxRecords'));
        return { DBInstances: p.items, ...(p.next ? { Marker: p.next } : {}) };
      },
      DescribeDBClusters: ({ Marker, MaxRecords }) => {
        const p = page(account.dbClusters, Marker, pageSize(MaxRecords, 20, 100, 100, 'MaxRecords'));
        return { DBClusters: p.items, ...(p.next ? { Marker: p.next } : {}) };
      },
    },
    elasticache: {
      DescribeReplicationGroups: ({ Marker, MaxRecords }) => {
        const p = page(account.replicationGroups, Marker, pageSize(MaxRecords, 20, 100, 100, 'MaxRecords'));
        return { ReplicationGroups: p.items, ...(p.next ? { Marker: p.next } : {}) };
      },
      DescribeCacheClusters: ({ Marker, MaxRecords }) => {
        const p = page(account.cacheClusters, Marker, pageSize(MaxRecords, 20, 100, 100, 'MaxRecords'));
        return { CacheClusters: p.items, ...(p.next ? { Marker: p.next } : {}) };
      },
      DescribeServerlessCaches: ({ NextToken, MaxResults }) => {
        pageSize(MaxResults, 1, 100, 50, 'MaxResults');
        void NextToken;
        return { ServerlessCaches: [] };
      },
    },
    dynamodb: {
      ListTables: ({ ExclusiveStartTableName, Limit }) => {
        const size = pageSize(Limit, 1, 100, 100, 'Limit');
        const start = ExclusiveStartTableName ? account.tables.indexOf(ExclusiveStartTableName) + 1 : 0;
        const names = account.tables.slice(start, start + size);
        return { TableNames: names, ...(start + size < account.tables.length ? { LastEvaluatedTableName: names.at(-1) } : {}) };
      },
      DescribeTable: ({ TableName }) => {
        const t = account.tables.indexOf(TableName);
        if (t < 0) throw new ValidationError(`Requested resource not found: Table: ${TableName} not found`);
        return {
          Table: {
            TableName,
            TableArn: `arn:aws:dynamodb:${account.region}:${account.accountId}:table/${TableName}`,
            TableId: randomUUIDFrom(9000 + t),
            TableStatus: 'ACTIVE',
            CreationDateTime: CREATED,
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: CREATED },
            ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
            TableSizeBytes: 1_048_576 * (t + 1),
            ItemCount: 1000 * (t + 1),
            DeletionProtectionEnabled: t % 2 === 0,
          },
        };
      },
      DescribeContinuousBackups: ({ TableName }) => {
        const t = account.tables.indexOf(TableName);
        if (t < 0) throw new ValidationError(`Table not found: ${TableName}`);
        const enabled = t % 3 !== 0;
        return {
          ContinuousBackupsDescription: {
            ContinuousBackupsStatus: 'ENABLED',
            PointInTimeRecoveryDescription: enabled
              ? { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35, EarliestRestorableDateTime: CREATED, LatestRestorableDateTime: new Date() }
              : { PointInTimeRecoveryStatus: 'DISABLED' },
          },
        };
      },
    },
    iam: {
      // An account has at most one alias; the API's shape is a list.
      ListAccountAliases: () => ({ AccountAliases: [account.alias], IsTruncated: false }),
    },
  };
}

const EXCEPTIONS = {
  elbv2: ElasticLoadBalancingV2ServiceException,
  autoscaling: AutoScalingServiceException,
  ec2: EC2ServiceException,
  route53: Route53ServiceException,
  rds: RDSServiceException,
  elasticache: ElastiCacheServiceException,
  dynamodb: DynamoDBServiceException,
  iam: IAMServiceException,
};

/** An error as the SDK's deserializer builds it from the service's error response. */
function serviceError(service, code, status, message) {
  const error = new EXCEPTIONS[service]({ name: code, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: randomUUID() }, message });
  return Object.assign(error, { Code: code });
}

/** A reproducible draw in [0, 1) (mulberry32): the same requests are throttled run after run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** AWS's side of throttling: a token bucket per service, checked when a request arrives. */
class AwsBucket {
  constructor(rate, burst, tokens = burst) {
    this.rate = rate;
    this.burst = burst;
    this.tokens = tokens;
    this.at = performance.now();
  }

  tryTake() {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.rate) / 1000);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The simulated AWS: answers, throttles, and counts every attempt it receives. */
export class SimulatedAws {
  constructor(account, { latencyMs, timeScale, busy, drained, randomThrottle, seed }) {
    this.handlers = apiHandlers(account);
    this.randomThrottle = randomThrottle;
    this.random = seededRandom(seed);
    this.latencyMs = latencyMs / timeScale;
    this.buckets = Object.fromEntries(Object.entries(AWS_BUCKETS).map(([service, b]) => [service, new AwsBucket(b.rate * timeScale * (1 - busy), b.burst, drained ? 0 : b.burst)]));
    /** `service:Operation` → { requests, throttled, failed }. */
    this.stats = new Map();
    /** Requests in flight per service, and the most seen. */
    this.inFlight = {};
    this.maxInFlight = {};
  }

  stat(key) {
    let stat = this.stats.get(key);
    if (!stat) this.stats.set(key, (stat = { requests: 0, throttled: 0, failed: 0 }));
    return stat;
  }

  /** The middleware that stands in for the network and AWS, after the SDK's retry and signing. */
  middleware(service) {
    return (_next, context) => async (args) => {
      const operation = context.commandName.replace(/Command$/, '');
      const stat = this.stat(`${service}:${operation}`);
      stat.requests += 1;
      this.inFlight[service] = (this.inFlight[service] ?? 0) + 1;
      this.maxInFlight[service] = Math.max(this.maxInFlight[service] ?? 0, this.inFlight[service]);
      try {
        // Half the latency out, the bucket checked on arrival, half back.
        await sleep(this.latencyMs / 2);
        const handler = this.handlers[service]?.[operation];
        if (!handler) throw new Error(`the simulated account has no ${service}:${operation}: add it to scripts/bench-account.mjs`);
        // The proxy's random throttling first: those requests never reach AWS's bucket.
        if (this.random() < this.randomThrottle || !this.buckets[service].tryTake()) {
          stat.throttled += 1;
          await sleep(this.latencyMs / 2);
          const { code, status } = AWS_BUCKETS[service];
          throw serviceError(service, code, status, 'Rate exceeded');
        }
        let output;
        try {
          // A fresh copy, as each response of the SDK is.
          output = deserialize(serialize(handler(args.input ?? {})));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          stat.failed += 1;
          await sleep(this.latencyMs / 2);
          throw serviceError(service, service === 'dynamodb' ? 'ValidationException' : 'ValidationError', 400, error.message);
        }
        await sleep(this.latencyMs / 2);
        return { output: { ...output, $metadata: { httpStatusCode: 200, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 } }, response: { statusCode: 200, headers: {} } };
      } finally {
        this.inFlight[service] -= 1;
      }
    };
  }
}

// ---------------------------------------------------------------- the run

/** What each operation is called for, to read the counts per resource. */
const CALLED_FOR = {
  'elbv2:DescribeLoadBalancers': 'page of 400 load balancers',
  'elbv2:DescribeTargetGroups': 'page of 400 target groups',
  'elbv2:DescribeLoadBalancerAttributes': 'load balancer',
  'elbv2:DescribeListeners': 'load balancer',
  'elbv2:DescribeRules': 'ALB listener',
  'elbv2:DescribeTargetGroupAttributes': 'target group',
  'elbv2:DescribeTargetHealth': 'target group a load balancer uses',
  'elbv2:DescribeTags': '20 load balancers or target groups',
  'autoscaling:DescribeAutoScalingGroups': 'page of 100 groups',
  'autoscaling:DescribePolicies': 'page of 100 policies',
  'ec2:DescribeAvailabilityZones': 'region',
  'ec2:DescribeSubnets': 'page of 1000 subnets',
  'ec2:DescribeInstances': '200 instance targets',
  'route53:ListHostedZones': 'page of 100 zones',
  'route53:ListResourceRecordSets': 'page of 300 records of a zone',
  'route53:ListHealthChecks': 'page of 1000 health checks',
  'rds:DescribeDBInstances': 'page of 100 instances',
  'rds:DescribeDBClusters': 'page of 100 clusters',
  'elasticache:DescribeReplicationGroups': 'page of 100 groups',
  'elasticache:DescribeCacheClusters': 'page of 100 nodes',
  'elasticache:DescribeServerlessCaches': 'page of 50 caches',
  'dynamodb:ListTables': 'page of 100 tables',
  'dynamodb:DescribeTable': 'table',
  'dynamodb:DescribeContinuousBackups': 'table',
  'iam:ListAccountAliases': 'account (its name)',
};

/**
 * One scan of the simulated account. Returns the counts, the wall time (this machine's clock)
 * and the floor: per service, (calls - burst) / rate, at AWS's rates, the largest of them.
 */
export async function runSimulatedAccount({ shape = SHAPE, timeScale = 10, latencyMs = 50, maxApiRate, retryMode, maxAttempts, randomThrottle = 0, seed = 1, busy = 0, drained = false, unpaced = false } = {}) {
  const account = generateAccount(shape);
  const aws = new SimulatedAws(account, { latencyMs, timeScale, busy, drained, randomThrottle, seed });
  const credentials = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  // As the scan configures its clients, at the time scale; --retry-mode puts back one of the SDK's own modes.
  const configFor = (region) => ({ ...clientConfig(region, credentials, { timeScale }), ...(retryMode ? { retryMode, retryStrategy: undefined } : {}), ...(maxAttempts ? { maxAttempts } : {}) });
  const simulated = (Client, service, region) => {
    // As `createRegionClients` builds them: the scan's configuration, retries paced.
    const client = watchAttempts(new Client(configFor(region)));
    client.middlewareStack.add(aws.middleware(service), { step: 'deserialize', priority: 'high', name: 'simulatedAws' });
    return client;
  };
  const sts = mockClient(STSClient);
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/auditor`, UserId: 'AIDAJQABLZS4A3QDU576Q' });

  // The pacing runs N times faster with the time scale; unpaced, it lets everything through.
  const apiRates = unpaced ? Object.fromEntries(Object.keys(DEFAULT_RATES).map((service) => [service, { rate: 1e6, burst: 1e6 }])) : undefined;
  const started = performance.now();
  let inventory;
  try {
    inventory = await collectInventory({
      regions: [REGION],
      timeScale,
      ...(apiRates ? { apiRates } : {}),
      ...(maxApiRate !== undefined ? { maxApiRate } : {}),
      clientsFor: (region) => ({
        elbv2: simulated(ElasticLoadBalancingV2Client, 'elbv2', region),
        autoscaling: simulated(AutoScalingClient, 'autoscaling', region),
        ec2: simulated(EC2Client, 'ec2', region),
        rds: simulated(RDSClient, 'rds', region),
        elasticache: simulated(ElastiCacheClient, 'elasticache', region),
        dynamodb: simulated(DynamoDBClient, 'dynamodb', region),
      }),
      globalClients: () => ({ route53: simulated(Route53Client, 'route53', 'us-east-1'), iam: simulated(IAMClient, 'iam', 'us-east-1') }),
    });
  } finally {
    sts.restore();
  }
  const wallMs = performance.now() - started;

  const factor = maxApiRate ?? 1;
  const services = {};
  for (const [key, stat] of aws.stats) {
    const service = key.split(':')[0];
    const s = (services[service] ??= { requests: 0, throttled: 0, failed: 0 });
    s.requests += stat.requests;
    s.throttled += stat.throttled;
    s.failed += stat.failed;
  }
  for (const [service, s] of Object.entries(services)) {
    const { rate, burst } = AWS_BUCKETS[service];
    const calls = s.requests - s.throttled;
    // In AWS seconds: the simulated run's time × the scale.
    s.floorS = Math.max(0, calls - burst) / rate;
    s.floorAtFactorS = Math.max(0, calls - Math.max(1, Math.floor(burst * factor))) / (rate * factor);
  }
  const floorS = Math.max(...Object.values(services).map((s) => s.floorS));
  const floorAtFactorS = Math.max(...Object.values(services).map((s) => s.floorAtFactorS));
  const region = inventory.accounts[0].regions[0];
  const collected = {
    loadBalancers: region.elbv2.loadBalancers.length,
    targetGroups: region.elbv2.targetGroups.length,
    listenerRules: region.elbv2.loadBalancers.reduce((n, lb) => n + lb.listeners.reduce((m, l) => m + l.rules.length, 0), 0),
    autoScalingGroups: region.autoscaling.groups.length,
    hostedZones: inventory.accounts[0].route53.hostedZones.length,
    records: inventory.accounts[0].route53.hostedZones.reduce((n, z) => n + z.records.length, 0),
    instances: region.ec2.instances.length,
    dbInstances: region.rds.instances.length,
    replicationGroups: region.elasticache.replicationGroups.length,
    tables: region.dynamodb.tables.length,
  };
  return {
    settings: { shape, timeScale, latencyMs, maxApiRate: factor, retryMode: retryMode ?? "ha-audit's", maxAttempts: maxAttempts ?? clientConfig(REGION, credentials, {}).maxAttempts, randomThrottle, busy, drained, unpaced },
    inventory,
    operations: [...aws.stats].sort(([a], [b]) => a.localeCompare(b)).map(([operation, stat]) => ({ operation, ...stat })),
    services,
    maxInFlight: aws.maxInFlight,
    wallS: wallMs / 1000,
    awsWallS: (wallMs / 1000) * timeScale,
    floorS,
    floorAtFactorS,
    ratio: (wallMs / 1000) * timeScale / floorS,
    ratioAtFactor: (wallMs / 1000) * timeScale / floorAtFactorS,
    throttled: Object.values(services).reduce((n, s) => n + s.throttled, 0),
    gaps: inventory.gaps,
    collected,
  };
}

/** The report, as `npm run bench` prints it. */
export function formatSimulatedAccount(result) {
  const { settings: s } = result;
  const lines = [];
  const a = s.shape;
  const shape = `${a.loadBalancers} load balancers, ${a.targetGroups} target groups (${a.unattachedTargetGroups} unattached), ${a.listenerRules} listener rules, ${a.autoScalingGroups} Auto Scaling groups, ${a.hostedZones} hosted zones × ${a.recordsPerZone} records, ${a.dbInstances} DB instances, ${a.replicationGroups} Redis groups, ${a.tables} tables`;
  lines.push(`Live scan of a simulated account (${shape})`);
  lines.push(
    `  each call ${s.latencyMs} ms, AWS's token buckets enforced; retry mode ${s.retryMode}, ${s.maxAttempts} attempts; --max-api-rate ${s.maxApiRate}${s.randomThrottle ? `; a proxy throttles ${s.randomThrottle * 100}% of the requests at random` : ''}${s.busy ? `; the account's own automation uses ${s.busy * 100}% of every refill` : ''}${s.drained ? '; every AWS bucket empty at the start' : ''}${s.unpaced ? '; NO client-side pacing' : ''}`,
  );
  if (s.timeScale !== 1) lines.push(`  time scaled ×${s.timeScale}: AWS's rates × ${s.timeScale}, latency and ha-audit's waits (pacing, back-off) ÷ ${s.timeScale}; times below in AWS seconds (measured × ${s.timeScale})`);
  lines.push('');
  lines.push('  operation                                  requests  throttled   one call per');
  for (const op of result.operations) {
    lines.push(`  ${op.operation.padEnd(42)} ${String(op.requests).padStart(8)} ${String(op.throttled).padStart(10)}   ${CALLED_FOR[op.operation] ?? ''}`);
  }
  lines.push('');
  lines.push(`  ${'service'.padEnd(12)} ${'calls'.padStart(6)} ${'throttled'.padStart(10)}   ${'AWS bucket: burst, refill'.padEnd(50)} ${'floor'.padStart(9)}   in flight (most)`);
  for (const [service, sv] of Object.entries(result.services).sort(([a], [b]) => a.localeCompare(b))) {
    const b = AWS_BUCKETS[service];
    lines.push(
      `  ${service.padEnd(12)} ${String(sv.requests - sv.throttled).padStart(6)} ${String(sv.throttled).padStart(10)}   ${`${b.burst}, ${b.rate}/s (${b.note})`.padEnd(50)} ${`${sv.floorS.toFixed(1)} s`.padStart(9)}   ${String(result.maxInFlight[service] ?? 0).padStart(16)}`,
    );
  }
  lines.push('');
  const c = result.collected;
  lines.push(
    `  collected: ${c.loadBalancers} load balancers, ${c.targetGroups} target groups, ${c.listenerRules} rules, ${c.autoScalingGroups} groups, ${c.instances} instances, ${c.hostedZones} zones / ${c.records} records, ${c.dbInstances} DB instances, ${c.replicationGroups} Redis groups, ${c.tables} tables; ${result.gaps.length} gap(s)${result.gaps.length ? `: ${result.gaps.map((g) => `${g.service}:${g.operation} ${g.code}`).join(', ')}` : ''}`,
  );
  const scaled = s.timeScale !== 1 ? ` (measured ${result.wallS.toFixed(2)} s at ×${s.timeScale})` : '';
  lines.push(`  floor: per service, (calls - AWS's burst) / AWS's refill rate; the largest, as services run in parallel`);
  lines.push(`  wall time ${result.awsWallS.toFixed(1)} s${scaled}; floor ${result.floorS.toFixed(1)} s; ${result.ratio.toFixed(2)}× the floor; ${result.throttled} throttled request(s)`);
  if (s.maxApiRate !== 1) lines.push(`  at --max-api-rate ${s.maxApiRate} the floor is ${result.floorAtFactorS.toFixed(1)} s: ${result.ratioAtFactor.toFixed(2)}× that`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      'time-scale': { type: 'string', default: '10' },
      'latency-ms': { type: 'string', default: '50' },
      'max-api-rate': { type: 'string' },
      'retry-mode': { type: 'string' },
      'max-attempts': { type: 'string' },
      busy: { type: 'string', default: '0' },
      'random-throttle': { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      unpaced: { type: 'boolean', default: false },
      drained: { type: 'boolean', default: false },
      small: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await runSimulatedAccount({
    timeScale: Number(values['time-scale']),
    latencyMs: Number(values['latency-ms']),
    ...(values['max-api-rate'] ? { maxApiRate: Number(values['max-api-rate']) } : {}),
    ...(values['retry-mode'] ? { retryMode: values['retry-mode'] } : {}),
    ...(values['max-attempts'] ? { maxAttempts: Number(values['max-attempts']) } : {}),
    busy: Number(values.busy),
    randomThrottle: Number(values['random-throttle']),
    seed: Number(values.seed),
    unpaced: values.unpaced,
    drained: values.drained,
    ...(values.small ? { shape: SMALL_SHAPE } : {}),
  });
  console.log(values.json ? JSON.stringify({ ...result, inventory: undefined, gaps: result.gaps.length }, null, 2) : formatSimulatedAccount(result));
}
