import type { AutoScalingGroup, CacheCluster, DbCluster, DbInstance, DynamoDbTable, LoadBalancer, ReplicationGroup, ServerlessCache, TargetGroup } from '../model/inventory.js';
import { RegionIndex } from '../model/region-index.js';
import type { ResourceRef } from '../model/result.js';

export type { TargetPlacement } from '../model/region-index.js';

/** One account and region of the inventory, as a rule sees it: its lookups, and the resources of its results. */
export class RegionScope extends RegionIndex {
  loadBalancerRef(lb: LoadBalancer): ResourceRef {
    return this.ref('elbv2:load-balancer', lb.arn, lb.arn, lb.name, lb.tags);
  }

  targetGroupRef(tg: TargetGroup): ResourceRef {
    return this.ref('elbv2:target-group', tg.arn, tg.arn, tg.name, tg.tags);
  }

  autoScalingGroupRef(group: AutoScalingGroup): ResourceRef {
    return this.ref('autoscaling:group', group.arn, group.arn, group.name, group.tags);
  }

  dbInstanceRef(instance: DbInstance): ResourceRef {
    return this.ref('rds:db-instance', instance.arn, instance.arn, instance.id, instance.tags);
  }

  dbClusterRef(cluster: DbCluster): ResourceRef {
    return this.ref('rds:db-cluster', cluster.arn, cluster.arn, cluster.id, cluster.tags);
  }

  replicationGroupRef(group: ReplicationGroup): ResourceRef {
    return this.ref('elasticache:replication-group', group.arn, group.arn, group.id, {});
  }

  cacheClusterRef(cluster: CacheCluster): ResourceRef {
    return this.ref('elasticache:cache-cluster', cluster.arn, cluster.arn, cluster.id, {});
  }

  serverlessCacheRef(cache: ServerlessCache): ResourceRef {
    return this.ref('elasticache:serverless-cache', cache.arn, cache.arn, cache.name, {});
  }

  dynamoDbTableRef(table: DynamoDbTable): ResourceRef {
    return this.ref('dynamodb:table', table.arn, table.arn, table.name, {});
  }

  /** The resource of a result about the whole region (an `error` when data is missing). */
  regionRef(): ResourceRef {
    return { type: 'aws:region', id: `${this.accountId}/${this.region}`, region: this.region, accountId: this.accountId };
  }

  private ref(type: string, id: string, arn: string, name: string, tags: Record<string, string>): ResourceRef {
    const ref: ResourceRef = { type, id, arn, name, region: this.region, accountId: this.accountId };
    if (Object.keys(tags).length > 0) ref.tags = tags;
    return ref;
  }
}
