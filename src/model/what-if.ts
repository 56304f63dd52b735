/**
 * The output of `ha-audit what-if` (RESILIENCE.md): one zone or region loss, what it takes down
 * or degrades (worst first, each with the reason, the capacity left, the recovery time and the
 * fix that would have prevented it), and how many keep serving. `schema/what-if.schema.json`
 * describes the same structure; the JSON format is this object.
 */

import type { Gap } from './inventory.js';
import type { Outcome, Refill, Scenario } from './resilience.js';

export const WHAT_IF_SCHEMA_VERSION = 1;

export type WhatIfSubject = 'entry-point' | 'data-store' | 'application';

/** One entry point, data store or application in the scenario. */
export interface WhatIfItem {
  subject: WhatIfSubject;
  /** Entry point id (record group or load balancer ARN), data store ARN, or application name. */
  id: string;
  name: string;
  /** Entry points and data stores. */
  accountId?: string;
  /** `global` for record groups. */
  region?: string;
  /** `record-group`, `load-balancer`, or the data store's kind (`rds-instance`...). */
  kind?: string;
  outcome: Outcome;
  /** Entry points and applications: serving targets before and right after the loss (null: unknown). */
  capacity?: { before: number; after: number | null };
  /** `67%` of the capacity left, when known. */
  capacityLeft?: string;
  /** Estimated seconds until it serves again; null when none or not computable (the reason says which). */
  recoverySeconds: number | null;
  refill?: Refill;
  reasonId: string;
  reason: string;
  /** What would have prevented it, in one sentence. */
  fix?: string;
  /** The commands of that fix, with the resources' real identifiers (placeholders in `<...>`). */
  commands?: string[];
  causedBy?: string[];
}

export interface WhatIf {
  format: 'ha-audit-what-if';
  schemaVersion: typeof WHAT_IF_SCHEMA_VERSION;
  tool: { name: string; version: string };
  source: 'live' | 'inventory';
  accounts: string[];
  regions: string[];
  /** The scenario played, as the resilience model names it; `label` as a person reads it. */
  scenario: Scenario & { label: string };
  /** What the user asked for: `--zone us-east-1a`. */
  asked: { zone?: string; region?: string };
  minCapacityShare: number;
  /** Recovery times are estimates. */
  note: string;
  /** `down`, `needs-action`, `degraded`, then `unknown` (data not collected), worst first. */
  affected: WhatIfItem[];
  /** Entry points served outside the scan in this scenario: listed, not judged. */
  notJudged: WhatIfItem[];
  /** Those that keep serving (`unaffected`, `survives`, `fails-over`), by subject and outcome. */
  survive: Record<WhatIfSubject, { unaffected: number; survives: number; 'fails-over': number; total: number }>;
  /** Every subject judged in the scenario, by subject. */
  total: Record<WhatIfSubject, number>;
  /** False when data the model reads could not be collected: the answer may miss something (exit 3). */
  complete: boolean;
  /** The collection gaps of operations the model reads. */
  gaps: Gap[];
  /** 0 every one keeps serving; 1 something is down, degraded or needs a person; 3 incomplete. */
  exitCode: 0 | 1 | 3;
}
