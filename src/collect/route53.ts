import type { Route53Client } from '@aws-sdk/client-route-53';
import type { Route53Inventory } from '../model/inventory.js';
import type { RegionCalls } from './region-calls.js';

// PLACEHOLDER: being written (issue 3/4). Returns nothing yet.
const EMPTY = { hostedZones: [], healthChecks: [] };
export async function collectRoute53(client: Route53Client, calls: RegionCalls): Promise<Route53Inventory> {
  void client;
  void calls;
  return Promise.resolve(EMPTY);
}
