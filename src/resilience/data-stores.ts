import type { CacheCluster, DbCluster, DbInstance, Inventory, ReplicationGroup } from '../model/inventory.js';
import { isAurora, isAuroraServerlessV1, isRdsEngine, isStandaloneInstance } from '../model/rds.js';
import { OUTCOMES_WORST_FIRST, type DataStore, type DataStoreOutcome, type ScenarioOutcome } from '../model/resilience.js';
import type { Loss } from './entry-outcomes.js';
import {
  AURORA_FAILOVER_SECONDS,
  ELASTICACHE_FAILOVER_SECONDS,
  RDS_MULTI_AZ_CLUSTER_FAILOVER_SECONDS,
  RDS_MULTI_AZ_INSTANCE_FAILOVER_SECONDS,
  REGIONAL_SERVICE_NOTE,
} from './recovery.js';
import type { ZoneIndex } from './zones.js';

/** A data store with what its outcomes need: where each part runs, by zone key. */
export interface DataStoreModel {
  store: DataStore;
  /** The outcome of one loss in the store's region (another region's loss leaves it unaffected). */
  judge(loss: Loss): Judgement;
  /** Operations whose gaps leave it unknown. */
  missing: string[];
}

interface Judgement {
  outcome: DataStoreOutcome;
  reasonId: string;
  reason: string;
  recoverySeconds?: number | null;
  fix?: string;
}

/** The operations each kind of store is read from: a gap there leaves its outcomes unknown. */
const OPERATIONS: Record<string, string[]> = {
  rds: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  elasticache: ['elasticache:DescribeReplicationGroups', 'elasticache:DescribeCacheClusters'],
  dynamodb: ['dynamodb:DescribeTable'],
};

/**
 * Every data store of the scan (RESILIENCE.md): RDS instances (not cluster members), RDS and
 * Aurora clusters, ElastiCache replication groups, caches of their own and serverless caches,
 * DynamoDB tables. Their zones become scenarios.
 */
export function dataStores(inventory: Inventory, zones: ZoneIndex): DataStoreModel[] {
  const models: DataStoreModel[] = [];
  const allInstances = inventory.accounts.flatMap((a) => a.regions.flatMap((r) => r.rds.instances.map((instance) => ({ region: r.region, instance }))));
  const allClusters = inventory.accounts.flatMap((a) => a.regions.flatMap((r) => r.rds.clusters.map((cluster) => ({ region: r.region, cluster }))));
  for (const account of inventory.accounts) {
    const gaps = inventory.gaps.filter((g) => g.accountId === account.accountId);
    for (const region of account.regions) {
      const ops = new Set(gaps.filter((g) => g.region === region.region).map((g) => `${g.service}:${g.operation}`));
      const missingOf = (service: string) => (OPERATIONS[service] ?? []).filter((op) => ops.has(op));
      const place = (zoneName: string | undefined) => (zoneName ? zones.use(account.accountId, region.region, zoneName) : undefined);
      const ref = (zoneNames: (string | undefined)[]) => [...new Set(zoneNames.filter((z): z is string => z !== undefined))].map((z) => zones.ref(account.accountId, region.region, z));
      const base = { accountId: account.accountId, region: region.region };
      const label = (zoneName: string | undefined) => zoneName ?? 'an unknown zone';

      for (const instance of region.rds.instances.filter(isStandaloneInstance)) {
        const replicas = allInstances.filter(({ instance: r }) => r.readReplicaSourceInstanceId === instance.id || r.readReplicaSourceInstanceId === instance.arn);
        const elsewhere = replicas.filter((r) => r.region !== region.region).map((r) => r.region);
        const store: DataStore = {
          ...base,
          id: instance.arn,
          kind: 'rds-instance',
          name: instance.id,
          engine: instance.engine,
          zones: ref([instance.availabilityZone, instance.multiAz ? instance.secondaryAvailabilityZone : undefined]),
          ...(elsewhere.length > 0 ? { replicaRegions: [...new Set(elsewhere)] } : {}),
        };
        const primary = place(instance.availabilityZone);
        const standby = instance.multiAz ? place(instance.secondaryAvailabilityZone) : undefined;
        const sameRegionReplicas = replicas.filter((r) => r.region === region.region).map((r) => ({ id: r.instance.id, zone: place(r.instance.availabilityZone) }));
        models.push({ store, missing: missingOf('rds'), judge: (loss) => judgeInstance(instance, loss, { primary, standby, sameRegionReplicas, elsewhere, label }) });
      }

      for (const cluster of region.rds.clusters.filter((c) => isRdsEngine(c.engine))) {
        const members = cluster.members.map((m) => {
          const instance = region.rds.instances.find((i) => i.id === m.instanceId);
          return { id: m.instanceId, isWriter: m.isWriter, zoneName: instance?.availabilityZone, zone: place(instance?.availabilityZone) };
        });
        const aurora = isAurora(cluster.engine);
        const secondaries = allClusters.filter(
          ({ cluster: c, region: r }) => r !== region.region && ((cluster.globalClusterId !== undefined && c.globalClusterId === cluster.globalClusterId) || c.replicationSourceIdentifier === cluster.arn),
        );
        const store: DataStore = {
          ...base,
          id: cluster.arn,
          kind: aurora ? 'aurora-cluster' : 'rds-cluster',
          name: cluster.id,
          engine: cluster.engine,
          zones: ref(members.map((m) => m.zoneName)),
          ...(secondaries.length > 0 ? { replicaRegions: [...new Set(secondaries.map((s) => s.region))] } : {}),
        };
        models.push({ store, missing: missingOf('rds'), judge: (loss) => judgeCluster(cluster, loss, members, [...new Set(secondaries.map((s) => s.region))]) });
      }

      for (const group of region.elasticache.replicationGroups) {
        const shards = group.nodeGroups.map((nodeGroup) =>
          nodeGroup.members.map((m) => ({ id: m.cacheClusterId, role: m.role, zoneName: m.availabilityZone, zone: place(m.availabilityZone) })),
        );
        const store: DataStore = { ...base, id: group.arn, kind: 'elasticache-replication-group', name: group.id, ...(group.engine ? { engine: group.engine } : {}), zones: ref(shards.flat().map((m) => m.zoneName)) };
        models.push({ store, missing: missingOf('elasticache'), judge: (loss) => judgeReplicationGroup(group, loss, shards) });
      }

      for (const cache of region.elasticache.cacheClusters.filter((c) => c.replicationGroupId === undefined)) {
        const nodeZones = cache.nodeZones ?? (cache.availabilityZone && cache.availabilityZone !== 'Multiple' ? Array.from({ length: Math.max(1, cache.numNodes) }, () => cache.availabilityZone!) : undefined);
        const keys = nodeZones?.map((z) => place(z)!);
        const store: DataStore = { ...base, id: cache.arn, kind: 'elasticache-cache-cluster', name: cache.id, engine: cache.engine, zones: ref(nodeZones ?? []) };
        models.push({ store, missing: missingOf('elasticache'), judge: (loss) => judgeCache(cache, loss, keys) });
      }

      for (const cache of region.elasticache.serverlessCaches) {
        const store: DataStore = { ...base, id: cache.arn, kind: 'elasticache-serverless-cache', name: cache.name, engine: cache.engine, zones: [] };
        models.push({ store, missing: missingOf('elasticache'), judge: (loss) => judgeRegional(loss, cache.name, []) });
      }

      for (const table of region.dynamodb.tables) {
        const store: DataStore = { ...base, id: table.arn, kind: 'dynamodb-table', name: table.name, zones: [], ...(table.replicaRegions.length > 0 ? { replicaRegions: table.replicaRegions } : {}) };
        models.push({ store, missing: missingOf('dynamodb'), judge: (loss) => judgeRegional(loss, table.name, table.replicaRegions) });
      }
    }
  }
  return models;
}

/** The outcomes of one store in every scenario. */
export function dataStoreOutcomes(model: DataStoreModel, losses: readonly Loss[]): ScenarioOutcome[] {
  return losses.map((loss) => {
    // One literal per outcome, not a spread base: V8 builds spread objects slowly, and there is one per store and scenario.
    const outcome = (o: DataStoreOutcome, recoverySeconds: number | null, reasonId: string, reason: string): ScenarioOutcome => ({ subject: 'data-store', id: model.store.id, scenarioId: loss.id, outcome: o, recoverySeconds, reasonId, reason });
    if (loss.region !== model.store.region) return outcome('unaffected', null, 'notInScenario', `${model.store.name} is in ${model.store.region}.`);
    if (model.missing.length > 0) return outcome('unknown', null, 'dataMissing', `Not judged: data it needs was not collected (${model.missing.join(', ')}).`);
    const judgement = model.judge(loss);
    const judged = outcome(
      judgement.outcome,
      judgement.outcome === 'fails-over' || judgement.outcome === 'degraded' ? (judgement.recoverySeconds ?? null) : null,
      judgement.reasonId,
      judgement.reason,
    );
    if (judgement.fix) judged.fix = judgement.fix;
    return judged;
  });
}

const UNAFFECTED: Judgement = { outcome: 'unaffected', reasonId: 'notInScenario', reason: 'Nothing of it is in the lost zone.' };

function regionDown(name: string, copies: { regions: string[]; kind: string; fix: string }): Judgement {
  if (copies.regions.length > 0) {
    return {
      outcome: 'needs-action',
      reasonId: 'copyInAnotherRegion',
      reason: `${name} has ${copies.kind} in ${copies.regions.join(', ')}: a person must promote it, or the application switch to it.`,
      fix: 'Rehearse and automate the switch to the copy in the other region.',
    };
  }
  return { outcome: 'down', reasonId: 'noCopyElsewhere', reason: `${name} has no copy outside the lost region.`, fix: copies.fix };
}

function judgeInstance(
  instance: DbInstance,
  loss: Loss,
  where: { primary?: string; standby?: string; sameRegionReplicas: { id: string; zone?: string }[]; elsewhere: string[]; label: (zone?: string) => string },
): Judgement {
  const name = instance.id;
  const replicaOf = instance.readReplicaSourceInstanceId ?? instance.readReplicaSourceClusterId;
  if (!loss.zone) {
    if (replicaOf) return { outcome: 'needs-action', reasonId: 'replicaLost', reason: `Read replica ${name} is lost with its region; its source ${replicaOf} must take its reads.`, fix: 'Keep read replicas in more than one region or zone.' };
    return regionDown(name, { regions: where.elsewhere, kind: 'a cross-region read replica', fix: `Create a cross-region read replica of ${name} (or a snapshot copy) in another region.` });
  }
  if (where.primary === undefined) return { outcome: 'unknown', reasonId: 'zoneUnknown', reason: `The zone of ${name} is not known.` };
  if (instance.multiAz) {
    if (where.primary === loss.zone) {
      const standbyNote = where.standby === undefined ? ' (its standby zone is not known)' : '';
      return { outcome: 'fails-over', reasonId: 'multiAzFailover', reason: `${name} fails over to its standby${standbyNote}, typically within 60 to 120 s.`, recoverySeconds: RDS_MULTI_AZ_INSTANCE_FAILOVER_SECONDS };
    }
    if (where.standby === loss.zone) return { outcome: 'degraded', reasonId: 'standbyLost', reason: `${name} loses its standby: it serves, but cannot fail over until RDS replaces it.` };
    if (where.standby === undefined) return { outcome: 'unaffected', reasonId: 'standbyZoneUnknown', reason: `${name} runs elsewhere; the zone of its standby is not known, so it is taken as elsewhere too.` };
    return UNAFFECTED;
  }
  if (where.primary === loss.zone) {
    if (replicaOf) return { outcome: 'needs-action', reasonId: 'replicaLost', reason: `Read replica ${name} is lost; its source ${replicaOf} must take its reads.`, fix: `Turn Multi-AZ on for ${name}.` };
    const replica = where.sameRegionReplicas.find((r) => r.zone !== undefined && r.zone !== loss.zone);
    if (replica) return { outcome: 'needs-action', reasonId: 'promoteReplica', reason: `${name} runs in one zone; its read replica ${replica.id} survives but a person must promote it.`, fix: `Turn Multi-AZ on for ${name}: RDS then fails over without a person.` };
    return { outcome: 'down', reasonId: 'singleZone', reason: `${name} runs in one zone (${where.label(instance.availabilityZone)}) without Multi-AZ.`, fix: `Turn Multi-AZ on for ${name}.` };
  }
  if (where.sameRegionReplicas.some((r) => r.zone === loss.zone)) return { outcome: 'degraded', reasonId: 'replicaLost', reason: `${name} loses a read replica: read capacity drops until it is replaced.` };
  return UNAFFECTED;
}

function judgeCluster(cluster: DbCluster, loss: Loss, members: { id: string; isWriter: boolean; zone?: string }[], copyRegions: string[]): Judgement {
  const name = cluster.id;
  const aurora = isAurora(cluster.engine);
  if (!loss.zone) {
    return regionDown(name, {
      regions: copyRegions,
      kind: aurora ? 'an Aurora global database secondary or cross-region replica' : 'a cross-region replica',
      fix: aurora ? `Add ${name} to an Aurora global database with a secondary in another region.` : `Copy ${name}'s snapshots to another region, or replicate it there.`,
    });
  }
  if (isAuroraServerlessV1(cluster)) {
    return { outcome: 'fails-over', reasonId: 'serverlessRelocates', reason: `Aurora Serverless v1 ${name} moves its capacity to another zone if it ran in the lost one; AWS gives no time for it.`, recoverySeconds: null };
  }
  if (members.length === 0) return { outcome: 'down', reasonId: 'noInstance', reason: `${name} has no DB instance.`, fix: `Add a writer and a reader in another zone to ${name}.` };
  if (members.some((m) => m.zone === undefined)) return { outcome: 'unknown', reasonId: 'zoneUnknown', reason: `The zone of a member of ${name} is not known.` };
  const writers = members.filter((m) => m.isWriter);
  const readersElsewhere = members.filter((m) => !m.isWriter && m.zone !== loss.zone);
  if (writers.some((w) => w.zone === loss.zone)) {
    if (readersElsewhere.length > 0) {
      return aurora
        ? { outcome: 'fails-over', reasonId: 'auroraFailover', reason: `${name} promotes reader ${readersElsewhere[0]!.id}, typically in under 60 s.`, recoverySeconds: AURORA_FAILOVER_SECONDS }
        : { outcome: 'fails-over', reasonId: 'multiAzClusterFailover', reason: `${name} promotes reader ${readersElsewhere[0]!.id}, typically in under 35 s.`, recoverySeconds: RDS_MULTI_AZ_CLUSTER_FAILOVER_SECONDS };
    }
    return { outcome: 'down', reasonId: 'noReaderElsewhere', reason: `${name} has no reader outside the lost zone to promote.`, fix: `Add a reader of ${name} in another zone.` };
  }
  if (members.some((m) => m.zone === loss.zone)) return { outcome: 'degraded', reasonId: 'readerLost', reason: `${name} loses a reader: read capacity and a failover target until it is replaced.` };
  return UNAFFECTED;
}

function judgeReplicationGroup(group: ReplicationGroup, loss: Loss, shards: { id: string; role?: string; zone?: string }[][]): Judgement {
  const name = group.id;
  if (!loss.zone) return regionDown(name, { regions: [], kind: '', fix: `Add ${name} to an ElastiCache global datastore with a secondary in another region.` });
  if (shards.flat().some((m) => m.zone === undefined)) return { outcome: 'unknown', reasonId: 'zoneUnknown', reason: `The zone of a node of ${name} is not known.` };
  const automatic = group.automaticFailover === 'enabled';
  const verdicts = shards.map((members): Judgement => {
    const primaries = members.filter((m) => m.role === 'primary');
    // Cluster-mode groups report no role: any member of a shard may be its primary.
    const primaryLost = primaries.length > 0 ? primaries.some((m) => m.zone === loss.zone) : members.some((m) => m.zone === loss.zone);
    const survivors = members.filter((m) => m.zone !== loss.zone);
    if (!members.some((m) => m.zone === loss.zone)) return UNAFFECTED;
    if (!primaryLost) return { outcome: 'degraded', reasonId: 'replicaLost', reason: `${name} loses a replica: read capacity and a failover target until it is replaced.` };
    if (survivors.length === 0) return { outcome: 'down', reasonId: 'singleZone', reason: `A shard of ${name} has every node in the lost zone.`, fix: `Add replicas of ${name} in other zones, with automatic failover.` };
    if (automatic) return { outcome: 'fails-over', reasonId: 'cacheFailover', reason: `${name} promotes a replica in another zone (AWS gives no typical time).`, recoverySeconds: ELASTICACHE_FAILOVER_SECONDS };
    return { outcome: 'needs-action', reasonId: 'promoteReplica', reason: `${name} has a replica in another zone but automatic failover is off: a person must promote it.`, fix: `Turn automatic failover and Multi-AZ on for ${name}.` };
  });
  return worstJudgement(verdicts);
}

function judgeCache(cache: CacheCluster, loss: Loss, nodeZones: string[] | undefined): Judgement {
  const name = cache.id;
  if (!loss.zone) return regionDown(name, { regions: [], kind: '', fix: `Run ${name} in more than one region, or rebuild it from its source there.` });
  if (nodeZones === undefined) return { outcome: 'unknown', reasonId: 'zoneUnknown', reason: `The zones of the nodes of ${name} are not known.` };
  const lost = nodeZones.filter((z) => z === loss.zone).length;
  if (lost === 0) return UNAFFECTED;
  if (lost < nodeZones.length) return { outcome: 'degraded', reasonId: 'nodesLost', reason: `${name} loses ${lost} of ${nodeZones.length} nodes: their keys miss until they are replaced.` };
  return { outcome: 'down', reasonId: 'singleZone', reason: `Every node of ${name} is in the lost zone.`, fix: cache.engine === 'memcached' ? `Spread the nodes of ${name} over several zones.` : `Put ${name} in a replication group with a replica in another zone.` };
}

/** DynamoDB tables and serverless caches: a zone does not matter, a region does. */
function judgeRegional(loss: Loss, name: string, replicaRegions: readonly string[]): Judgement {
  if (loss.zone) return { outcome: 'unaffected', reasonId: 'regionalService', reason: `${name} is ${REGIONAL_SERVICE_NOTE}.` };
  return regionDown(name, { regions: [...replicaRegions], kind: 'a global-table replica', fix: `Make ${name} a global table with a replica in another region.` });
}

function worstJudgement(judgements: Judgement[]): Judgement {
  return [...judgements].sort((a, b) => OUTCOMES_WORST_FIRST.indexOf(a.outcome) - OUTCOMES_WORST_FIRST.indexOf(b.outcome))[0] ?? UNAFFECTED;
}

