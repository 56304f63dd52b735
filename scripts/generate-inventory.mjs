// A generated account for the benchmarks: `count` load balancers with their target groups,
// Auto Scaling groups, DNS and data layer, some of them built badly so that rules fail too.
/**
 * An account with `count` load balancers in three zones, each with an HTTPS listener forwarding
 * to its own target group of three instance targets, fed by its own Auto Scaling group, and a
 * failover record pair in Route 53 (primary on it, secondary on the next one). A data layer grows
 * with it: a database per 10 load balancers (an Aurora cluster per 50), a Redis group per 20, a
 * table per 10. One in ten is built badly (one zone, sticky, slow health check, EC2 health checks,
 * no secondary record, single-AZ database, no failover, no point-in-time recovery), so rules fail too.
 */
export function generateInventory(count) {
  const region = 'us-east-1';
  const account = '123456789012';
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  const subnets = zones.map((zone, i) => ({ id: `subnet-${i}`, vpcId: 'vpc-1', availabilityZone: zone, cidrBlock: `10.0.${i}.0/24` }));
  const loadBalancers = [];
  const targetGroups = [];
  const groups = [];
  const instances = [];
  for (let i = 0; i < count; i++) {
    const bad = i % 10 === 0;
    const lbArn = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/lb-${i}/${i.toString(16).padStart(16, '0')}`;
    const tgArn = `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/tg-${i}/${i.toString(16).padStart(16, '0')}`;
    const lbZones = bad ? zones.slice(0, 1) : zones;
    loadBalancers.push({
      arn: lbArn,
      name: `lb-${i}`,
      type: i % 7 === 0 ? 'network' : 'application',
      dnsName: `lb-${i}-${i}.${region}.elb.amazonaws.com`,
      scheme: 'internet-facing',
      vpcId: 'vpc-1',
      availabilityZones: lbZones.map((zoneName, z) => ({ zoneName, subnetId: `subnet-${z}` })),
      attributes: { 'deletion_protection.enabled': bad ? 'false' : 'true', 'load_balancing.cross_zone.enabled': 'true', 'zonal_shift.config.enabled': bad ? 'false' : 'true' },
      listeners: [{ arn: `${lbArn}/listener/${i}`, port: 443, protocol: 'HTTPS', defaultActions: [{ type: 'forward', targetGroupArns: [tgArn] }], rules: [] }],
      tags: {},
    });
    const targets = lbZones.map((zone, z) => ({ id: `i-${i}-${z}`, port: 80, state: 'healthy' }));
    targets.forEach((t, z) => instances.push({ id: t.id, availabilityZone: lbZones[z], state: 'running' }));
    targetGroups.push({
      arn: tgArn,
      name: `tg-${i}`,
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      vpcId: 'vpc-1',
      loadBalancerArns: [lbArn],
      healthCheck: { enabled: true, intervalSeconds: bad ? 30 : 10, unhealthyThreshold: bad ? 5 : 3 },
      attributes: { 'stickiness.enabled': bad ? 'true' : 'false', 'stickiness.type': 'lb_cookie' },
      targets,
      tags: {},
    });
    groups.push({
      arn: `arn:aws:autoscaling:${region}:${account}:autoScalingGroup:${i}:autoScalingGroupName/asg-${i}`,
      name: `asg-${i}`,
      minSize: bad ? 1 : 3,
      maxSize: 9,
      desiredCapacity: 3,
      availabilityZones: lbZones,
      subnetIds: lbZones.map((_, z) => `subnet-${z}`),
      healthCheckTypes: [bad ? 'EC2' : 'ELB'],
      healthCheckGracePeriod: 300,
      loadBalancerNames: [],
      targetGroupArns: [tgArn],
      trafficSources: [],
      instances: [],
      scalingPolicies: bad ? [] : [{ name: 'cpu', type: 'TargetTrackingScaling', enabled: true }],
      suspendedProcesses: bad ? ['AZRebalance'] : [],
      availabilityZoneImpairmentPolicy: { zonalShiftEnabled: !bad, impairedZoneHealthCheckBehavior: 'ReplaceUnhealthy' },
      tags: {},
    });
  }
  const { route53, rds, elasticache, dynamodb } = generateDnsAndData(count, region, account, loadBalancers);
  return {
    format: 'ha-audit-inventory',
    formatVersion: 1,
    collectedAt: new Date().toISOString(),
    accounts: [{ accountId: account, route53, regions: [{ region, elbv2: { loadBalancers, targetGroups }, autoscaling: { groups }, ec2: { instances, subnets }, rds, elasticache, dynamodb }] }],
    gaps: [],
  };
}

function generateDnsAndData(count, region, account, loadBalancers) {
  const zoneCount = Math.max(1, Math.floor(count / 100));
  const healthChecks = Array.from({ length: Math.max(1, Math.floor(count / 10)) }, (_, h) => ({
    id: `${h.toString(16).padStart(8, '0')}-4c1e-4b0e-9d6f-7a8b9c0d1e2f`,
    type: 'HTTPS',
    fqdn: loadBalancers[h % count].dnsName,
    port: 443,
    resourcePath: '/health',
    requestInterval: 30,
    failureThreshold: 3,
    disabled: false,
    inverted: false,
  }));
  const hostedZones = Array.from({ length: zoneCount }, (_, z) => ({ id: `Z${(0xbe0000 + z).toString(16).toUpperCase().padStart(13, '0')}`, name: `app${z}.example.com`, privateZone: false, records: [] }));
  const alias = (lb, evaluateTargetHealth) => ({ hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: `dualstack.${lb.dnsName}.`, evaluateTargetHealth });
  loadBalancers.forEach((lb, i) => {
    const zone = hostedZones[i % zoneCount];
    const name = `api-${i}.${zone.name}`;
    zone.records.push({ name, type: 'A', setIdentifier: 'primary', values: [], failover: 'PRIMARY', healthCheckId: healthChecks[i % healthChecks.length].id, aliasTarget: alias(lb, true) });
    if (i % 10 !== 0) zone.records.push({ name, type: 'A', setIdentifier: 'secondary', values: [], failover: 'SECONDARY', aliasTarget: alias(loadBalancers[(i + 1) % count], true) });
  });

  const instances = [];
  const clusters = [];
  for (let d = 0; d < Math.max(1, Math.floor(count / 10)); d++) {
    const bad = d % 10 === 0;
    const id = `db-${d}`;
    if (d % 5 === 0) {
      const members = [0, 1].map((m) => ({ instanceId: `${id}-${m}`, isWriter: m === 0 }));
      clusters.push({ id, arn: `arn:aws:rds:${region}:${account}:cluster:${id}`, engine: 'aurora-postgresql', engineMode: 'provisioned', status: 'available', multiAz: !bad, availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], members, backupRetentionPeriod: 7, tags: {} });
      members.forEach((m, i) =>
        instances.push({ id: m.instanceId, arn: `arn:aws:rds:${region}:${account}:db:${m.instanceId}`, engine: 'aurora-postgresql', instanceClass: 'db.r7g.large', status: 'available', multiAz: false, availabilityZone: bad ? 'us-east-1a' : `us-east-1${'ab'[i]}`, clusterId: id, backupRetentionPeriod: 7, tags: {} }),
      );
    } else {
      instances.push({ id, arn: `arn:aws:rds:${region}:${account}:db:${id}`, engine: 'postgres', instanceClass: 'db.m7g.large', status: 'available', multiAz: !bad, availabilityZone: 'us-east-1a', ...(bad ? {} : { secondaryAvailabilityZone: 'us-east-1b' }), backupRetentionPeriod: bad ? 0 : 7, tags: {} });
    }
  }
  const replicationGroups = [];
  const cacheClusters = [];
  for (let r = 0; r < Math.max(1, Math.floor(count / 20)); r++) {
    const id = `sessions-${r}`;
    const failover = r % 10 === 0 ? 'disabled' : 'enabled';
    const members = [1, 2].map((m) => `${id}-00${m}`);
    replicationGroups.push({
      id,
      arn: `arn:aws:elasticache:${region}:${account}:replicationgroup:${id}`,
      engine: 'redis',
      status: 'available',
      automaticFailover: failover,
      multiAz: failover,
      clusterMode: 'disabled',
      memberClusters: members,
      nodeGroups: [{ id: '0001', members: members.map((cacheClusterId, m) => ({ cacheClusterId, availabilityZone: `us-east-1${'ab'[m]}`, role: m === 0 ? 'primary' : 'replica' })) }],
    });
    members.forEach((member, m) => cacheClusters.push({ id: member, arn: `arn:aws:elasticache:${region}:${account}:cluster:${member}`, engine: 'redis', status: 'available', numNodes: 1, availabilityZone: `us-east-1${'ab'[m]}`, replicationGroupId: id }));
  }
  const tables = Array.from({ length: Math.max(1, Math.floor(count / 10)) }, (_, t) => ({
    name: `table-${t}`,
    arn: `arn:aws:dynamodb:${region}:${account}:table/table-${t}`,
    status: 'ACTIVE',
    billingMode: 'PAY_PER_REQUEST',
    replicaRegions: [],
    pointInTimeRecovery: t % 10 === 0 ? 'DISABLED' : 'ENABLED',
    ...(t % 10 === 0 ? {} : { recoveryPeriodInDays: 35 }),
  }));
  return {
    route53: { hostedZones, healthChecks },
    rds: { instances, clusters },
    elasticache: { replicationGroups, cacheClusters, serverlessCaches: [] },
    dynamodb: { tables },
  };
}

