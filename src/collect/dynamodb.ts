import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDbInventory } from '../model/inventory.js';
import type { RegionCalls } from './region-calls.js';

// PLACEHOLDER: being written (issue 3/4). Returns nothing yet.
const EMPTY = { tables: [] };
export async function collectDynamoDb(client: DynamoDBClient, calls: RegionCalls): Promise<DynamoDbInventory> {
  void client;
  void calls;
  return Promise.resolve(EMPTY);
}
