// Types for the bench's simulated account, so that TypeScript tests can run it.
import type { Inventory } from '../src/model/inventory.js';

export type AccountShape = Record<string, number>;
export const SHAPE: AccountShape;
export const SMALL_SHAPE: AccountShape;

export interface SimulatedRun {
  inventory: Inventory;
  /** Per operation (`service:Operation`): requests AWS received, throttled and failed. */
  operations: { operation: string; requests: number; throttled: number; failed: number }[];
  /** AWS seconds of the scan, its floor, and their ratio. */
  awsWallS: number;
  floorS: number;
  ratio: number;
  throttled: number;
  gaps: Inventory['gaps'];
}

export function runSimulatedAccount(options?: { shape?: AccountShape; timeScale?: number; latencyMs?: number; maxApiRate?: number; randomThrottle?: number; seed?: number; busy?: number; drained?: boolean; unpaced?: boolean }): Promise<SimulatedRun>;
