import { HaAuditError } from '../model/errors.js';
import type { Inventory } from '../model/inventory.js';
import { RESILIENCE_MODEL_OPERATIONS } from '../model/operations.js';
import { NOT_JUDGED_REASONS, worstFirst, type Outcome, type Resilience, type Scenario, type ScenarioOutcome } from '../model/resilience.js';
import { WHAT_IF_SCHEMA_VERSION, type WhatIf, type WhatIfItem, type WhatIfSubject } from '../model/what-if.js';

const FAILING: ReadonlySet<Outcome> = new Set(['down', 'needs-action', 'degraded']);
const SUBJECTS: readonly WhatIfSubject[] = ['entry-point', 'data-store', 'application'];

export interface WhatIfAsked {
  zone?: string;
  region?: string;
}

/** `use1-az1 (us-east-1a)`, or the region's name. */
export function scenarioLabel(scenario: Scenario): string {
  if (scenario.kind === 'region') return scenario.region;
  const names = [...new Set((scenario.zoneNames ?? []).map((z) => z.zoneName))];
  if (!scenario.zoneId) return names.join(', ');
  return names.length > 0 ? `${scenario.zoneId} (${names.join(', ')})` : scenario.zoneId;
}

/**
 * The scenario `--zone` or `--region` names. A zone id (`use1-az1`) is the same physical zone in
 * every account; a zone name (`us-east-1a`) is not, so a name is taken only from a scan of one
 * account. A zone of the scan that holds nothing the model plays is a scenario in which nothing
 * is lost. Anything else is a usage error listing what the scan knows.
 */
export function findScenario(resilience: Resilience, inventory: Inventory, asked: WhatIfAsked): Scenario {
  if (asked.region !== undefined) {
    const wanted = asked.region.trim().toLowerCase();
    const found = resilience.scenarios.find((s) => s.kind === 'region' && s.region === wanted);
    if (found) return found;
    const regions = resilience.scenarios.filter((s) => s.kind === 'region').map((s) => s.region);
    throw new HaAuditError('usage', `region ${asked.region} is not in the scan`, `it holds: ${regions.join(', ') || 'no region'}`);
  }
  const wanted = (asked.zone ?? '').trim().toLowerCase();
  const zones = resilience.scenarios.filter((s) => s.kind === 'zone');
  const byId = zones.find((s) => s.zoneId === wanted);
  if (byId) return byId;
  // Every zone the inventory knows, as each account names it: DescribeAvailabilityZones and the subnets.
  const known = knownZones(inventory);
  const idMatch = known.find((z) => z.zoneId === wanted);
  if (idMatch) return emptyScenario(idMatch.region, idMatch.zoneId!, known.filter((z) => z.zoneId === idMatch.zoneId));
  const named = known.filter((z) => z.zoneName === wanted);
  const namedInScenarios = zones.filter((s) => s.zoneNames?.some((z) => z.zoneName === wanted));
  if (named.length > 0 || namedInScenarios.length > 0) {
    if (inventory.accounts.length > 1) {
      const means = named.map((z) => `${z.zoneId ?? 'an unknown zone id'} in ${z.accountId}`);
      throw new HaAuditError('usage', `zone names differ between the ${inventory.accounts.length} accounts of the scan: ${asked.zone} is ${means.join(', ') || 'not named alike'}`, 'give the zone id (--zone use1-az1)');
    }
    if (namedInScenarios.length > 0) return namedInScenarios[0]!;
    const zone = named[0]!;
    if (zone.zoneId) return emptyScenario(zone.region, zone.zoneId, named);
    return { id: `zone:${zone.region}/${zone.accountId}:${zone.zoneName}`, kind: 'zone', region: zone.region, zoneNames: [{ accountId: zone.accountId, zoneName: zone.zoneName }] };
  }
  const list = [...new Set([...zones.map(scenarioLabel), ...known.map((z) => (z.zoneId ? `${z.zoneId} (${z.zoneName})` : z.zoneName))])].sort();
  throw new HaAuditError('usage', `zone ${asked.zone} is not in the scan`, `give a zone id or name it holds: ${list.join(', ') || 'none'}`);
}

interface KnownZone {
  accountId: string;
  region: string;
  zoneName: string;
  zoneId?: string;
}

function knownZones(inventory: Inventory): KnownZone[] {
  const zones = new Map<string, KnownZone>();
  for (const account of inventory.accounts) {
    for (const region of account.regions) {
      const add = (zoneName: string, zoneId: string | undefined) => {
        const key = `${account.accountId}|${region.region}|${zoneName}`;
        const existing = zones.get(key);
        if (!existing || (!existing.zoneId && zoneId)) zones.set(key, { accountId: account.accountId, region: region.region, zoneName, ...(zoneId ? { zoneId } : {}) });
      };
      for (const zone of region.ec2.availabilityZones ?? []) add(zone.zoneName, zone.zoneId);
      for (const subnet of region.ec2.subnets) add(subnet.availabilityZone, subnet.availabilityZoneId);
    }
  }
  return [...zones.values()];
}

function emptyScenario(region: string, zoneId: string, names: readonly KnownZone[]): Scenario {
  return { id: `zone:${region}/${zoneId}`, kind: 'zone', region, zoneId, zoneNames: names.map((z) => ({ accountId: z.accountId, zoneName: z.zoneName })) };
}

export interface WhatIfInput {
  resilience: Resilience;
  inventory: Inventory;
  scenario: Scenario;
  asked: WhatIfAsked;
  source: WhatIf['source'];
  tool: WhatIf['tool'];
  /** The commands that would have prevented an outcome (the `app-*` rules' fixes, in the rules layer). */
  commandsOf: (outcome: ScenarioOutcome) => string[];
}

/**
 * What one loss does: every entry point, data store and application with its outcome in the
 * scenario; the failing ones worst first with their fix, the others counted. A subject with no
 * outcome in it (a zone that holds nothing of the scan) is unaffected.
 */
export function buildWhatIf(input: WhatIfInput): WhatIf {
  const { resilience, inventory, scenario } = input;
  const inScenario = new Map<string, ScenarioOutcome>();
  for (const outcome of resilience.outcomes) if (outcome.scenarioId === scenario.id) inScenario.set(`${outcome.subject}\u0000${outcome.id}`, outcome);

  const subjects: { subject: WhatIfSubject; id: string; name: string; accountId?: string; region?: string; kind?: string }[] = [
    ...resilience.entryPoints.map((e) => ({ subject: 'entry-point' as const, id: e.id, name: e.name, accountId: e.accountId, region: e.region, kind: e.kind })),
    ...resilience.dataStores.map((d) => ({ subject: 'data-store' as const, id: d.id, name: d.name, accountId: d.accountId, region: d.region, kind: d.kind })),
    ...resilience.applications.map((a) => ({ subject: 'application' as const, id: a.name, name: a.name })),
  ];
  const affected: WhatIfItem[] = [];
  const notJudged: WhatIfItem[] = [];
  const survive = Object.fromEntries(SUBJECTS.map((s) => [s, { unaffected: 0, survives: 0, 'fails-over': 0, total: 0 }])) as WhatIf['survive'];
  const total = Object.fromEntries(SUBJECTS.map((s) => [s, 0])) as WhatIf['total'];
  for (const subject of subjects) {
    total[subject.subject] += 1;
    const outcome = inScenario.get(`${subject.subject}\u0000${subject.id}`);
    const kept = outcome?.outcome ?? 'unaffected';
    if (kept === 'unaffected' || kept === 'survives' || kept === 'fails-over') {
      survive[subject.subject][kept] += 1;
      survive[subject.subject].total += 1;
      continue;
    }
    const item = itemOf(subject, outcome!, FAILING.has(kept) ? input.commandsOf(outcome!) : []);
    if (kept === 'unknown' && NOT_JUDGED_REASONS.has(outcome!.reasonId)) notJudged.push(item);
    else affected.push(item);
  }
  const order = (item: WhatIfItem) => SUBJECTS.indexOf(item.subject);
  affected.sort((a, b) => worstFirst(a, b) || order(a) - order(b) || compare(a.name, b.name) || compare(a.id, b.id));
  notJudged.sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));

  // Data the model reads that could not be collected may hide an entry point or a path: never a silent pass.
  const read = new Set<string>(RESILIENCE_MODEL_OPERATIONS);
  const gaps = inventory.gaps.filter((g) => read.has(`${g.service}:${g.operation}`));
  const complete = gaps.length === 0 && !affected.some((i) => i.outcome === 'unknown');
  const exitCode = !complete ? 3 : affected.some((i) => FAILING.has(i.outcome)) ? 1 : 0;
  return {
    format: 'ha-audit-what-if',
    schemaVersion: WHAT_IF_SCHEMA_VERSION,
    tool: input.tool,
    source: input.source,
    accounts: inventory.accounts.map((a) => a.accountId),
    regions: [...new Set(inventory.accounts.flatMap((a) => a.regions.map((r) => r.region)))].sort(),
    scenario: { ...scenario, label: scenarioLabel(scenario) },
    asked: input.asked,
    minCapacityShare: resilience.minCapacityShare,
    note: resilience.note,
    affected,
    notJudged,
    survive,
    total,
    complete,
    gaps,
    exitCode,
  };
}

function itemOf(subject: Pick<WhatIfItem, 'subject' | 'id' | 'name' | 'accountId' | 'region' | 'kind'>, outcome: ScenarioOutcome, commands: string[]): WhatIfItem {
  const capacity = outcome.capacity;
  const left = capacity && capacity.after !== null && capacity.before > 0 ? `${Math.round((100 * capacity.after) / capacity.before)}%` : undefined;
  return {
    ...subject,
    outcome: outcome.outcome,
    ...(capacity ? { capacity } : {}),
    ...(left ? { capacityLeft: left } : {}),
    recoverySeconds: outcome.recoverySeconds,
    ...(outcome.refill ? { refill: outcome.refill } : {}),
    reasonId: outcome.reasonId,
    reason: outcome.reason,
    ...(outcome.fix ? { fix: outcome.fix } : {}),
    ...(commands.length > 0 ? { commands } : {}),
    ...(outcome.causedBy ? { causedBy: outcome.causedBy } : {}),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
