import { groupBy } from '../collections.js';
import type { EntryPoint, Outcome, Resilience, Scenario, ScenarioOutcome } from '../model/resilience.js';

/** Outcomes from best to worst, as the model's type lists them. */
export const OUTCOME_ORDER: readonly Outcome[] = ['unaffected', 'survives', 'fails-over', 'degraded', 'unknown', 'needs-action', 'down'];

/** Outcomes in which an entry point keeps serving with enough capacity. */
const SERVING: ReadonlySet<Outcome> = new Set(['unaffected', 'survives', 'fails-over']);

export type Survival = 'yes' | 'no' | 'unknown';

export interface ScenarioColumn {
  scenario: Scenario;
  /** `us-east-1a (use1-az1)`, `use1-az1` when accounts name it differently, `us-east-1` for a region. */
  label: string;
}

export interface EntryPointRow {
  entryPoint: EntryPoint;
  /** Its outcome in each column's scenario (undefined where the model played none). */
  cells: (ScenarioOutcome | undefined)[];
  worst: Outcome | undefined;
  /** Keeps serving whichever single zone is lost. */
  anyZone: Survival;
  /** Keeps serving when a region it uses is lost. */
  region: Survival;
}

export interface ResilienceView {
  columns: ScenarioColumn[];
  /** Worst first, then by name. */
  rows: EntryPointRow[];
  count: { entryPoints: number; anyZone: Record<Survival, number>; region: Record<Survival, number> };
}

/** The matrix of the resilience section: entry points down, zones and regions across. */
export function resilienceView(resilience: Resilience): ResilienceView {
  const columns = sortScenarios(resilience.scenarios).map((scenario) => ({ scenario, label: scenarioLabel(scenario) }));
  const columnIndex = new Map(columns.map((c, i) => [c.scenario.id, i]));
  const byEntryPoint = new Map<string, (ScenarioOutcome | undefined)[]>();
  for (const outcome of resilience.outcomes) {
    if (outcome.subject !== 'entry-point') continue;
    const index = columnIndex.get(outcome.scenarioId);
    if (index === undefined) continue;
    let cells = byEntryPoint.get(outcome.id);
    if (!cells) byEntryPoint.set(outcome.id, (cells = new Array<ScenarioOutcome | undefined>(columns.length).fill(undefined)));
    cells[index] = outcome;
  }
  const rows = resilience.entryPoints.map((entryPoint): EntryPointRow => {
    const cells = byEntryPoint.get(entryPoint.id) ?? new Array<ScenarioOutcome | undefined>(columns.length).fill(undefined);
    const of = (kind: Scenario['kind']) => cells.filter((c, i) => c && columns[i]!.scenario.kind === kind).map((c) => c!.outcome);
    return { entryPoint, cells, worst: worstOf(cells.flatMap((c) => (c ? [c.outcome] : []))), anyZone: survival(of('zone')), region: survival(of('region')) };
  });
  const rank = (row: EntryPointRow) => (row.worst === undefined ? -1 : OUTCOME_ORDER.indexOf(row.worst));
  rows.sort((a, b) => rank(b) - rank(a) || compareText(a.entryPoint.name, b.entryPoint.name) || compareText(a.entryPoint.id, b.entryPoint.id));
  const tally = (pick: (row: EntryPointRow) => Survival) => {
    const count: Record<Survival, number> = { yes: 0, no: 0, unknown: 0 };
    for (const row of rows) count[pick(row)] += 1;
    return count;
  };
  return { columns, rows, count: { entryPoints: rows.length, anyZone: tally((r) => r.anyZone), region: tally((r) => r.region) } };
}

export function worstOf(outcomes: readonly Outcome[]): Outcome | undefined {
  let worst: Outcome | undefined;
  for (const outcome of outcomes) if (worst === undefined || OUTCOME_ORDER.indexOf(outcome) > OUTCOME_ORDER.indexOf(worst)) worst = outcome;
  return worst;
}

function survival(outcomes: Outcome[]): Survival {
  if (outcomes.some((o) => !SERVING.has(o) && o !== 'unknown')) return 'no';
  return outcomes.includes('unknown') ? 'unknown' : 'yes';
}

/** Share of the capacity left, `67%`, or undefined when the outcome has no capacity. */
export function capacityLeft(outcome: ScenarioOutcome): string | undefined {
  const capacity = outcome.capacity;
  if (!capacity || capacity.after === null || capacity.before <= 0) return undefined;
  return `${Math.round((capacity.after / capacity.before) * 100)}%`;
}

/** A matrix cell in a few characters: `✓` unaffected, `✓ 67%` survives, `◐ 33%` degraded, `✗` down, `?` unknown. */
export function cellText(outcome: ScenarioOutcome | undefined): string {
  if (!outcome) return '·';
  const left = capacityLeft(outcome);
  switch (outcome.outcome) {
    case 'unaffected':
      return '✓';
    case 'survives':
    case 'fails-over':
      return left ? `✓ ${left}` : '✓';
    case 'degraded':
      return left ? `◐ ${left}` : '◐';
    case 'down':
    case 'needs-action':
      return '✗';
    case 'unknown':
      return '?';
  }
}

/** `~90 s`, `~4 min`: recovery windows are estimates. */
export function duration(seconds: number): string {
  if (seconds < 120) return `~${Math.round(seconds)} s`;
  if (seconds < 7200) return `~${Math.round(seconds / 60)} min`;
  return `~${Math.round(seconds / 3600)} h`;
}

/** An outcome in a few words, then the model's reason: `survives (67% left, ~60 s): Losing us-east-1a leaves...`. */
export function outcomeSentence(outcome: ScenarioOutcome): string {
  const facts: string[] = [];
  const left = capacityLeft(outcome);
  if (left && outcome.outcome !== 'unaffected') facts.push(`${left} left`);
  if (outcome.recoverySeconds !== null && outcome.recoverySeconds > 0) facts.push(duration(outcome.recoverySeconds));
  return `${outcome.outcome}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}: ${outcome.reason}`;
}

function scenarioLabel(scenario: Scenario): string {
  if (scenario.kind === 'region') return scenario.region;
  const names = [...new Set((scenario.zoneNames ?? []).map((z) => z.zoneName))];
  if (scenario.zoneId && names.length === 1) return `${names[0]} (${scenario.zoneId})`;
  return scenario.zoneId ?? names.join(' / ') ?? scenario.id;
}

/** By region; in each region its zones (by id or name), then the region itself. */
function sortScenarios(scenarios: readonly Scenario[]): Scenario[] {
  const key = (s: Scenario) => `${s.region}\u0000${s.kind === 'zone' ? '0' : '1'}\u0000${s.kind === 'zone' ? scenarioLabel(s) : ''}`;
  return [...scenarios].sort((a, b) => compareText(key(a), key(b)));
}

/** Plain code-point order: fast, and the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The outcomes of a data store or an application (`id`: its name), every scenario's, indexed once for the report. */
export function subjectOutcomes(resilience: Resilience): (subject: 'data-store' | 'application', id: string) => ScenarioOutcome[] {
  const bySubject = groupBy(
    resilience.outcomes.filter((o) => o.subject !== 'entry-point'),
    (o) => `${o.subject}\u0000${o.id}`,
  );
  return (subject, id) => bySubject.get(`${subject}\u0000${id}`) ?? [];
}
