import type { RDSClient } from '@aws-sdk/client-rds';
import type { RdsInventory } from '../model/inventory.js';
import type { RegionCalls } from './region-calls.js';

// PLACEHOLDER: being written (issue 3/4). Returns nothing yet.
const EMPTY = { instances: [], clusters: [] };
export async function collectRds(client: RDSClient, calls: RegionCalls): Promise<RdsInventory> {
  void client;
  void calls;
  return Promise.resolve(EMPTY);
}
