// Types for the bench's generated inventory, so that TypeScript tests can use it.
import type { Inventory } from '../src/model/inventory.js';

export function generateInventory(count: number): Inventory;
