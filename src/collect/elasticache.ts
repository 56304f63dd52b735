import type { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import type { ElastiCacheInventory } from '../model/inventory.js';
import type { RegionCalls } from './region-calls.js';

// PLACEHOLDER: being written (issue 3/4). Returns nothing yet.
const EMPTY = { replicationGroups: [], cacheClusters: [], serverlessCaches: [] };
export async function collectElastiCache(client: ElastiCacheClient, calls: RegionCalls): Promise<ElastiCacheInventory> {
  void client;
  void calls;
  return Promise.resolve(EMPTY);
}
