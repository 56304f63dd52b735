import { OUTCOMES_WORST_FIRST, type Application, type ApplicationConfig, type DataStore, type EntryPoint, type Outcome, type ScenarioOutcome } from '../model/resilience.js';

/** The entry points and data stores an application names; names that match nothing are kept, not dropped. */
export function applicationOf(config: ApplicationConfig, entryPoints: readonly EntryPoint[], stores: readonly DataStore[]): Application {
  const unmatched: string[] = [];
  const entries = new Set<string>();
  for (const wanted of config.entryPoints) {
    const name = wanted.toLowerCase().replace(/\.$/, '');
    const found = entryPoints.filter((e) => e.id === wanted || e.name.toLowerCase() === name);
    if (found.length === 0) unmatched.push(wanted);
    found.forEach((e) => entries.add(e.id));
  }
  const dataStores = new Set<string>();
  for (const wanted of config.dependsOn) {
    const found = stores.filter((s) => s.id === wanted || s.name === wanted);
    if (found.length === 0) unmatched.push(wanted);
    found.forEach((s) => dataStores.add(s.id));
  }
  return { name: config.name, entryPoints: [...entries], dataStores: [...dataStores], unmatched };
}

/** An application in one scenario: the worst of its parts. Capacity adds up its entry points'. */
export function applicationOutcome(application: Application, scenarioId: string, parts: readonly ScenarioOutcome[], names: ReadonlyMap<string, string>): ScenarioOutcome {
  const base = { subject: 'application' as const, id: application.name, scenarioId };
  if (parts.length === 0) {
    return { ...base, outcome: 'unknown', recoverySeconds: null, reasonId: 'nothingMatched', reason: `Application ${application.name} names nothing the scan found (${application.unmatched.join(', ')}).` };
  }
  const worst = [...parts].sort((a, b) => rank(a.outcome) - rank(b.outcome))[0]!;
  const entries = parts.filter((p) => p.subject === 'entry-point' && p.capacity);
  const capacity = entries.length > 0 ? { before: sum(entries.map((p) => p.capacity!.before)), after: entries.some((p) => p.capacity!.after === null) ? null : sum(entries.map((p) => p.capacity!.after!)) } : undefined;
  const serving = worst.outcome === 'survives' || worst.outcome === 'fails-over' || worst.outcome === 'degraded';
  const times = parts.map((p) => p.recoverySeconds);
  const recoverySeconds = serving && !times.some((t) => t === null && parts.some((p) => p.recoverySeconds === null && p.outcome !== 'unaffected')) ? Math.max(0, ...times.filter((t): t is number => t !== null)) : null;
  const reason = worst.outcome === 'unaffected' ? `Nothing of ${application.name} is in this scenario.` : `${names.get(worst.id) ?? worst.id} is ${worst.outcome}: ${worst.reason}`;
  return {
    ...base,
    outcome: worst.outcome,
    ...(capacity ? { capacity } : {}),
    recoverySeconds,
    reasonId: 'worstOfParts',
    reason,
    ...(worst.fix ? { fix: worst.fix } : {}),
  };
}

function rank(outcome: Outcome): number {
  return OUTCOMES_WORST_FIRST.indexOf(outcome);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
