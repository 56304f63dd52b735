import type { Inventory } from '../model/inventory.js';
import type { Application, DataStore, EntryPoint, Resilience, ResilienceSettings, Scenario, ScenarioOutcome } from '../model/resilience.js';
import { DnsResolver } from '../model/dns-resolver.js';
import { applicationOf, applicationOutcome } from './applications.js';
import { dataStoreOutcomes, dataStores } from './data-stores.js';
import { EntryEvaluator, type Loss } from './entry-outcomes.js';
import { RESILIENCE_NOTE } from './recovery.js';
import { Topology } from './topology.js';
import { ZoneIndex } from './zones.js';

export type { ResilienceSettings };

export const DEFAULT_MIN_CAPACITY_SHARE = 0.5;

/**
 * The resilience model (RESILIENCE.md): a pure function of the inventory. It finds the entry
 * points and their paths, plays the loss of every zone and region that holds something of the
 * scan, and judges every entry point, data store and application in each.
 */
export function buildResilience(inventory: Inventory, settings: ResilienceSettings = {}, dns: DnsResolver = DnsResolver.of(inventory)): Resilience {
  const minCapacityShare = settings.minCapacityShare ?? DEFAULT_MIN_CAPACITY_SHARE;
  const zones = new ZoneIndex(inventory.accounts);
  const topology = new Topology(inventory, zones, dns);
  const stores = dataStores(inventory, zones);
  const scenarios = zones.scenarios();
  const losses = scenarios.map(lossOf);

  const byEntry = new Map<string, ScenarioOutcome[]>(topology.entries.map((e) => [e.entryPoint.id, []]));
  for (const loss of losses) {
    const evaluator = new EntryEvaluator(loss, minCapacityShare, zones);
    for (const entry of topology.entries) byEntry.get(entry.entryPoint.id)!.push(evaluator.outcome(entry));
  }
  const entryOutcomes = [...byEntry.values()].flat();
  const storeOutcomes = stores.flatMap((store) => dataStoreOutcomes(store, losses));

  const entryPoints = topology.entries.map((e) => e.entryPoint);
  const dataStoreList = stores.map((s) => s.store);
  const applications = (settings.applications ?? []).map((config) => applicationOf(config, entryPoints, dataStoreList));
  const applicationOutcomes = applications.length === 0 ? [] : applicationOutcomesOf(applications, losses, [...entryOutcomes, ...storeOutcomes], entryPoints, dataStoreList);

  return {
    minCapacityShare,
    note: RESILIENCE_NOTE,
    entryPoints,
    scenarios,
    outcomes: [...entryOutcomes, ...storeOutcomes, ...applicationOutcomes],
    dataStores: dataStoreList,
    applications,
  };
}

/** Each application's outcome per scenario, from its parts' (indexed only when the configuration names applications). */
function applicationOutcomesOf(applications: Application[], losses: Loss[], outcomes: ScenarioOutcome[], entryPoints: EntryPoint[], stores: DataStore[]): ScenarioOutcome[] {
  const names = new Map<string, string>([...entryPoints.map((e) => [e.id, e.name] as const), ...stores.map((s) => [s.id, s.name] as const)]);
  const outcomesOf = new Map<string, ScenarioOutcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.id}|${outcome.scenarioId}`;
    const list = outcomesOf.get(key);
    if (list) list.push(outcome);
    else outcomesOf.set(key, [outcome]);
  }
  return applications.flatMap((application) =>
    losses.map((loss) => {
      const parts = [...application.entryPoints, ...application.dataStores].flatMap((id) => outcomesOf.get(`${id}|${loss.id}`) ?? []);
      return applicationOutcome(application, loss.id, parts, names);
    }),
  );
}

/** A scenario as the evaluation reads it, with the name sentences give it: `use1-az1 (us-east-1a)`, `us-east-1`. */
export function lossOf(scenario: Scenario): Loss {
  if (scenario.kind === 'region') return { id: scenario.id, region: scenario.region, label: scenario.region };
  const key = scenario.id.slice(`zone:${scenario.region}/`.length);
  return { id: scenario.id, region: scenario.region, zone: key, label: scenarioLabel(scenario) };
}

/** `use1-az1 (us-east-1a)`; with several accounts naming it differently, every name. */
export function scenarioLabel(scenario: Scenario): string {
  if (scenario.kind === 'region') return scenario.region;
  const names = [...new Set((scenario.zoneNames ?? []).map((z) => z.zoneName))];
  if (!scenario.zoneId) return names.join(', ');
  return names.length > 0 ? `${scenario.zoneId} (${names.join(', ')})` : scenario.zoneId;
}
