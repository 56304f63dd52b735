import { defineRule } from '../src/engine/define-rule.js';
import type { DbCluster } from '../src/model/inventory.js';
import { aws, placeholder } from '../src/engine/command.js';
import type { RemediationStep } from '../src/model/result.js';
import { countOf } from '../src/engine/plural.js';
import { clusterMembers, describeMembers, isAurora, isAuroraServerlessV1, memberZones, type ClusterMember } from './support/rds.js';

/** What a new reader costs and must match to take over from the writer. */
const READER_WARNING =
  'The new reader is billed like the writer. To take over the writer\'s load after a failover it must match it: the same instance class (given here), DB parameter group (--db-parameter-group-name) and a promotion tier at least as high as the other readers\' (--promotion-tier).';

export default defineRule({
  id: 'aurora-multi-az',
  title: 'Aurora clusters run instances in several Availability Zones',
  service: 'rds',
  severity: 'high',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  uses: ['rds:DescribeDBClusters', 'rds:DescribeDBInstances'],
  params: {},
  messages: {
    multiZone: 'Aurora cluster {{name}} runs {{instanceCount}} in {{zoneCount}} ({{zones}})',
    serverlessV1: 'Aurora Serverless v1 cluster {{name}} has no instance of its own: the service recreates its capacity in another zone when its zone fails',
    noInstance: 'Aurora cluster {{name}} has no DB instance: nothing serves it, and nothing takes over when a zone fails',
    singleInstance: 'Aurora cluster {{name}} has a single DB instance ({{instance}}, {{zone}}): no reader to promote when its zone fails',
    singleZone: 'Aurora cluster {{name}} runs all {{instanceCount}} in {{zone}}: the loss of that zone takes every one of them',
    zoneUnknown: 'Aurora cluster {{name}} runs {{instanceCount}}, but the zone of {{unknown}} is unknown ({{zones}} known): the cluster cannot be shown to span two zones',
  },
  rationale:
    'Aurora storage spans three zones, but a cluster serves only from its DB instances. When the writer\'s zone fails, Aurora promotes a reader from another zone in about a minute; with a single instance, or with every instance in one zone, there is none to promote and the database is down until Aurora creates a new instance. Aurora Serverless v1 clusters have no instances of their own and pass: the service moves their capacity to another zone itself, slower than a failover. A member that DescribeDBInstances did not list has an unknown zone: it is never assumed to be in another zone.',
  remediation: {
    summary: 'Add a reader instance in another Availability Zone than the writer (same instance class, so that it can take the writer\'s load after a failover).',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
  },
  check(scope, { pass, fail }) {
    for (const cluster of scope.dbClusters.filter((c) => isAurora(c.engine))) {
      const ref = scope.dbClusterRef(cluster);
      const name = cluster.id;
      if (isAuroraServerlessV1(cluster)) {
        pass(ref, 'serverlessV1', { name }, { evidence: { engineMode: cluster.engineMode, storageZones: cluster.availabilityZones } });
        continue;
      }
      const members = clusterMembers(scope, cluster);
      // A headless secondary of a global database is a documented way to keep a region ready at
      // low cost: it serves no one here until promoted, so there is no zone failure to survive.
      if (members.length === 0 && cluster.globalClusterId) continue;
      const placement = memberZones(members);
      const { zones, unknown } = placement;
      const evidence = { members: describeMembers(members), instanceZones: zones, storageZones: cluster.availabilityZones };
      const instanceCount = countOf(members.length, 'instance');
      if (zones.length >= 2) {
        pass(ref, 'multiZone', { name, instanceCount, zoneCount: countOf(zones.length, 'zone'), zones: zones.join(', ') }, { evidence });
        continue;
      }
      const steps = addInstanceCommands(cluster, members, placement);
      if (members.length === 0) {
        fail(ref, 'noInstance', { name }, { evidence, steps, warning: READER_WARNING });
      } else if (members.length === 1) {
        fail(ref, 'singleInstance', { name, instance: members[0]!.instanceId, zone: zones[0] ?? 'unknown zone' }, { evidence, steps, warning: READER_WARNING });
      } else if (unknown.length > 0) {
        // Several members, not all placed: where the missing ones run is not invented either way.
        fail(ref, 'zoneUnknown', { name, instanceCount, unknown: unknown.join(', '), zones: zones.join(', ') || 'none' }, {
          evidence,
          steps: unknown.map((id) => aws('rds', 'describe-db-instances', '--db-instance-identifier', id, '--query', 'DBInstances[0].AvailabilityZone')),
        });
      } else {
        fail(ref, 'singleZone', { name, instanceCount, zone: zones[0]! }, { evidence, steps, warning: READER_WARNING });
      }
    }
  },
});

/**
 * A reader of the writer's class (else any member's) in a storage zone no instance uses; a
 * cluster without instances gets two, in two zones. Placeholders where the inventory does not
 * tell: a zone is picked only when every member's zone is known.
 */
function addInstanceCommands(cluster: DbCluster, members: ClusterMember[], zones: { zones: string[]; unknown: string[] }): RemediationStep[] {
  const writer = members.find((m) => m.isWriter);
  const instanceClass = writer?.instance?.instanceClass ?? members.find((m) => m.instance?.instanceClass)?.instance?.instanceClass;
  const freeZones = zones.unknown.length > 0 ? [] : [...cluster.availabilityZones].sort().filter((z) => !zones.zones.includes(z));
  const ids = members.length === 0 ? [placeholder('db-instance-id', 'new-instance-id'), placeholder('db-instance-id', 'new-reader-id')] : [placeholder('db-instance-id', 'new-reader-id')];
  return ids.map((id, i) =>
    aws(
      'rds',
      'create-db-instance',
      '--db-instance-identifier',
      id,
      '--db-cluster-identifier',
      cluster.id,
      '--engine',
      cluster.engine,
      '--db-instance-class',
      instanceClass ?? placeholder('db-instance-class'),
      '--availability-zone',
      freeZones[i] ?? placeholder('availability-zone', 'another-zone'),
    ),
  );
}
