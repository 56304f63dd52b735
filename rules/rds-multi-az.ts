import { defineRule } from '../src/engine/define-rule.js';
import { aws, placeholder } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';
import {
  clusterMembers,
  describeMembers,
  EDITIONS_WITHOUT_MULTI_AZ,
  instanceFix,
  isMultiAzDbCluster,
  isReadReplica,
  isStandaloneInstance,
  memberZones,
} from './support/rds.js';

export default defineRule({
  id: 'rds-multi-az',
  title: 'RDS databases keep a standby in another Availability Zone',
  service: 'rds',
  severity: 'high',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  uses: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  params: {},
  messages: {
    multiAz: 'DB instance {{name}} runs Multi-AZ: a standby in another zone takes over when its zone fails',
    singleAz: 'DB instance {{name}} runs in one zone ({{zone}}): when that zone fails, the database is down until it is restored elsewhere',
    editionWithoutMultiAz:
      'DB instance {{name}} runs in one zone ({{zone}}) on {{engine}}, an edition RDS cannot run Multi-AZ: when that zone fails, the database is down',
    multiAzCluster: 'Multi-AZ DB cluster {{name}} runs {{instanceCount}} in {{zoneCount}} ({{zones}})',
    clusterNotMultiAz: 'DB cluster {{name}} ({{engine}}) is not Multi-AZ: {{instanceCount}} in {{zones}}',
  },
  rationale:
    'A Single-AZ DB instance lives in one zone: when that zone fails the database is unreachable, and every stateless tier in the other zones fails with it, until the instance is restored from a backup elsewhere (losing the writes since). A Multi-AZ instance keeps a synchronous standby in another zone and fails over to it under the same endpoint in a minute or two. Aurora instances are judged by aurora-multi-az (their own MultiAZ flag is always false), members of a Multi-AZ DB cluster at their cluster, and read replicas not at all: they are copies, not the database applications write to.',
  remediation: {
    summary:
      'Convert the instance to a Multi-AZ deployment (no downtime, some I/O latency while the standby syncs; drop --apply-immediately to wait for the maintenance window). SQL Server Express and Web cannot be Multi-AZ: restore a snapshot into Standard or Enterprise edition with Multi-AZ.',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
  },
  check(scope, { pass, fail }) {
    for (const instance of scope.dbInstances) {
      // Aurora, Multi-AZ DB cluster members, DocumentDB and Neptune are not standalone; replicas are copies.
      if (!isStandaloneInstance(instance) || isReadReplica(instance)) continue;
      const ref = scope.dbInstanceRef(instance);
      const evidence = { multiAz: instance.multiAz, availabilityZone: instance.availabilityZone, secondaryAvailabilityZone: instance.secondaryAvailabilityZone };
      if (instance.multiAz) {
        pass(ref, 'multiAz', { name: instance.id }, { evidence });
        continue;
      }
      const zone = instance.availabilityZone ?? 'unknown zone';
      if (EDITIONS_WITHOUT_MULTI_AZ.has(instance.engine)) {
        fail(ref, 'editionWithoutMultiAz', { name: instance.id, zone, engine: instance.engine }, {
          evidence,
          steps: [
            aws('rds', 'create-db-snapshot', '--db-instance-identifier', instance.id, '--db-snapshot-identifier', placeholder('db-snapshot-id', 'snapshot-id')),
            aws('rds', 'restore-db-instance-from-db-snapshot', '--db-instance-identifier', placeholder('db-instance-id', 'new-instance-id'), '--db-snapshot-identifier', placeholder('db-snapshot-id', 'snapshot-id'), '--engine', 'sqlserver-se', '--db-instance-class', placeholder('db-instance-class'), '--multi-az'),
          ],
        });
        continue;
      }
      // With backups in the same call when rds-backups wants them too: one change, not two that collide.
      fail(ref, 'singleAz', { name: instance.id, zone }, { evidence, ...instanceFix(instance) });
    }

    // A Multi-AZ DB cluster is judged once, at the cluster: its members' own MultiAZ flag says nothing.
    for (const cluster of scope.dbClusters.filter(isMultiAzDbCluster)) {
      const ref = scope.dbClusterRef(cluster);
      const members = clusterMembers(scope, cluster);
      const { zones, unknown } = memberZones(members);
      const evidence = { multiAz: cluster.multiAz, members: describeMembers(members) };
      const zoneText = [...zones, ...(unknown.length > 0 ? [`${unknown.length} unknown`] : [])].join(', ') || 'no zone';
      const data = { name: cluster.id, instanceCount: countOf(members.length, 'instance'), zoneCount: countOf(zones.length, 'zone'), zones: zoneText };
      if (cluster.multiAz && members.length >= 2) {
        pass(ref, 'multiAzCluster', data, { evidence });
        continue;
      }
      // Multi-AZ DB clusters always run a writer and two readers in three zones: this one is broken or changing.
      fail(ref, 'clusterNotMultiAz', { ...data, engine: cluster.engine }, {
        evidence,
        steps: [aws('rds', 'describe-db-clusters', '--db-cluster-identifier', cluster.id, '--query', 'DBClusters[0].[Status,MultiAZ,DBClusterMembers]')],
      });
    }
  },
});
