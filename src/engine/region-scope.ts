import type { AutoScalingGroup, CacheCluster, DbCluster, DbInstance, DynamoDbTable, LoadBalancer, ReplicationGroup, ServerlessCache, TargetGroup } from '../model/inventory.js';
import { RegionIndex } from '../model/region-index.js';
import type { ResourceRef } from '../model/result.js';

export type { TargetPlacement } from '../model/region-index.js';

/** One account and region of the inventory, as a rule sees it: its lookups, and the resources of its results. */
export class RegionScope extends RegionIndex {
  /** One ref per resource, shared by every result about it (an organisation's report has hundreds of thousands of results). */
  private readonly refs = new Map<object, ResourceRef>();

  loadBalancerRef(lb: LoadBalancer): ResourceRef {
    return this.ref(lb, 'elbv2:load-balancer', lb.arn, lb.name, lb.tags);
  }

  targetGroupRef(tg: TargetGroup): ResourceRef {
    return this.ref(tg, 'elbv2:target-group', tg.arn, tg.name, tg.tags);
  }

  autoScalingGroupRef(group: AutoScalingGroup): ResourceRef {
    return this.ref(group, 'autoscaling:group', group.arn, group.name, group.tags);
  }

  dbInstanceRef(instance: DbInstance): ResourceRef {
    return this.ref(instance, 'rds:db-instance', instance.arn, instance.id, instance.tags);
  }

  dbClusterRef(cluster: DbCluster): ResourceRef {
    return this.ref(cluster, 'rds:db-cluster', cluster.arn, cluster.id, cluster.tags);
  }

  replicationGroupRef(group: ReplicationGroup): ResourceRef {
    return this.ref(group, 'elasticache:replication-group', group.arn, group.id, {});
  }

  cacheClusterRef(cluster: CacheCluster): ResourceRef {
    return this.ref(cluster, 'elasticache:cache-cluster', cluster.arn, cluster.id, {});
  }

  serverlessCacheRef(cache: ServerlessCache): ResourceRef {
    return this.ref(cache, 'elasticache:serverless-cache', cache.arn, cache.name, {});
  }

  dynamoDbTableRef(table: DynamoDbTable): ResourceRef {
    return this.ref(table, 'dynamodb:table', table.arn, table.name, {});
  }

  /** The resource of a result about the whole region (an `error` when data is missing). */
  regionRef(): ResourceRef {
    return { type: 'aws:region', id: `${this.accountId}/${this.region}`, region: this.region, accountId: this.accountId };
  }

  private ref(resource: object, type: string, arn: string, name: string, tags: Record<string, string>): ResourceRef {
    let ref = this.refs.get(resource);
    if (ref === undefined) {
      // One literal with every property: adding `tags` afterwards would give each ref a separate property store.
      const { region, accountId } = this;
      ref = Object.keys(tags).length > 0 ? { type, id: arn, arn, name, region, accountId, tags } : { type, id: arn, arn, name, region, accountId };
      this.refs.set(resource, ref);
    }
    return ref;
  }
}
