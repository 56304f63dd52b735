import type { WhatIf, WhatIfItem } from '../../src/model/what-if.js';

/** One affected or not-judged item of a what-if answer. */
export function item(name: string, outcome: WhatIfItem['outcome'], extra: Partial<WhatIfItem> = {}): WhatIfItem {
  return { subject: 'entry-point', id: `id-${name}`, name, accountId: '111122223333', region: 'us-east-1', outcome, recoverySeconds: null, reasonId: 'r', reason: `reason of ${name}`, ...extra };
}

/** A what-if answer of account 111122223333 losing use1-az1, with these items. */
export function whatIf(affected: WhatIfItem[], notJudged: WhatIfItem[] = [], exitCode: WhatIf['exitCode'] = 1): WhatIf {
  const kept = { unaffected: 1, survives: 2, 'fails-over': 0, total: 3 };
  return {
    format: 'ha-audit-what-if',
    schemaVersion: 1,
    tool: { name: 'ha-audit', version: 't' },
    source: 'inventory',
    accounts: ['111122223333'],
    regions: ['us-east-1'],
    scenario: { id: 'zone:us-east-1/use1-az1', kind: 'zone', region: 'us-east-1', zoneId: 'use1-az1', label: 'use1-az1 (us-east-1a)' },
    asked: { zone: 'use1-az1' },
    minCapacityShare: 0.5,
    note: 'Estimates.',
    affected,
    notJudged,
    survive: { 'entry-point': kept, 'data-store': { unaffected: 0, survives: 0, 'fails-over': 0, total: 0 }, application: { unaffected: 0, survives: 0, 'fails-over': 0, total: 0 } },
    total: { 'entry-point': 3 + affected.length, 'data-store': 0, application: 0 },
    complete: exitCode !== 3,
    gaps: [],
    exitCode,
  };
}
