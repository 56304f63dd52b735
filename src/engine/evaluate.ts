import type { Inventory } from '../model/inventory.js';
import { NOT_COLLECTED, type Operation } from '../model/operations.js';
import type { ScanReport } from '../model/report.js';
import type { Resilience, ResilienceSettings } from '../model/resilience.js';
import { buildResilience } from '../resilience/model.js';
import { compareWithBaseline, type Baseline } from './baseline.js';
import type { Rule } from './define-rule.js';
import type { ParamOverrides } from './params.js';
import { runRules } from './run-rules.js';
import { buildReport, type InventoryScope } from './scan-report.js';
import type { Result } from '../model/result.js';
import { exitCodeFor, type FailOn } from './summary.js';
import { applySuppressions, utcDate, type Suppression } from './suppressions.js';

/** The configuration as the engine reads it; a validated `.ha-audit.yml` (`Config`) is one. */
export interface EvaluationConfig {
  /** As named in messages (`.ha-audit.yml`); the report records it. */
  file: string;
  /** Per rule id: its parameters. */
  rules: Readonly<Record<string, { params: Readonly<Record<string, unknown>> }>>;
  suppressions: readonly Suppression[];
  /** The resilience model's settings (`resilience:`). */
  resilience?: ResilienceSettings;
}

export interface Evaluation {
  inventory: Inventory;
  /** The rules to run, with the configuration's severities already applied. */
  rules: readonly Rule[];
  config?: EvaluationConfig;
  /** An earlier report to compare with (`--baseline`). */
  baseline?: Baseline;
  /** False when `--rule` narrowed the scan: a `*` suppression is then not judged unused. Default true. */
  everyRuleRan?: boolean;
  source: ScanReport['scan']['source'];
  /** When the scan began (before collecting); suppressions expire against its UTC day. */
  startedAt: Date;
  /** Default: when the evaluation ends. */
  finishedAt?: Date;
  /** The gate to judge the report by (`--fail-on`, `--fail-on-new-only`): its verdict is recorded in the report. */
  gate?: { failOn: FailOn; failOnNewOnly: boolean };
  /** Put the resilience model in the report even when no `app-*` rule runs (the HTML and Markdown reports, `what-if`). */
  withResilience?: boolean;
}

/**
 * The whole evaluation, from an inventory to the finished report: the rules with the
 * configuration's parameters, then its suppressions, then the comparison with the baseline
 * (which sees suppressed results as failing: accepting a risk does not fix it). Pure but for
 * the clock when `finishedAt` is not given; every command that judges an inventory calls it, or
 * (`scan`) its two halves, `judge` and `reportOf`.
 */
export function evaluate(evaluation: Evaluation): ScanReport {
  return reportOf(judge(evaluation.inventory, evaluation), evaluation);
}

/** What the rules and the model made of an inventory, and the little of it the report still needs. */
export interface Judgement {
  results: Result[];
  /** When an `app-*` rule read it or the report must show it, and it could be built. */
  model?: Resilience;
  scope: InventoryScope;
}

/**
 * The first half of `evaluate`: what reads the inventory (the rules, the model). The second,
 * `reportOf`, does not: `scan` lets an organisation's inventory (a third of its heap) go between
 * the two, before a baseline is compared and the report is built.
 */
export function judge(given: Inventory, evaluation: Omit<Evaluation, 'inventory'>): Judgement {
  const { rules, config } = evaluation;
  const inventory = withGapsReadBy(given, rules);
  // The model runs once, when an `app-*` rule reads it or the report must show it.
  let model: Resilience | undefined;
  const modelOf = () => (model ??= buildResilience(inventory, config?.resilience ?? {}));
  const results = runRules(inventory, { rules, params: paramOverrides(config), model: modelOf });
  const appRulesRan = rules.some((rule) => rule.level === 'resilience');
  if (evaluation.withResilience || appRulesRan) {
    try {
      modelOf();
    } catch (error) {
      // The rules that read the model already report its crash (`ruleCrashed`); without them it is a bug to show.
      if (!appRulesRan) throw error;
    }
  }
  return { results, ...(model ? { model } : {}), scope: scopeOf(inventory) };
}

/** The second half of `evaluate`: suppressions, the baseline, the report and the gate's verdict. */
export function reportOf(judgement: Judgement, evaluation: Omit<Evaluation, 'inventory'>): ScanReport {
  const { rules, config, baseline } = evaluation;
  const { scope } = judgement;
  let results = judgement.results;
  let suppressions: ScanReport['scan']['suppressions'];
  if (config && config.suppressions.length > 0) {
    const outcome = applySuppressions(results, config.suppressions, {
      today: utcDate(evaluation.startedAt),
      rulesRun: new Set(rules.map((r) => r.id)),
      everyRuleRan: evaluation.everyRuleRan ?? true,
    });
    results = outcome.results;
    suppressions = { expired: outcome.expired, unused: outcome.unused };
  }
  let baselineSummary: ScanReport['scan']['baseline'];
  if (baseline) {
    const comparison = compareWithBaseline(results, baseline, {
      rules: new Set(rules.map((r) => r.id)),
      accounts: new Set(scope.accounts.map((a) => a.accountId)),
      regions: new Set(scope.accounts.flatMap((a) => a.regions.map((r) => r.region))),
    });
    results = comparison.results;
    baselineSummary = { file: baseline.file, new: comparison.new, existing: comparison.existing, resolved: comparison.resolved };
  }
  const report = buildReport({
    inventory: scope,
    results,
    rules,
    source: evaluation.source,
    startedAt: evaluation.startedAt,
    finishedAt: evaluation.finishedAt ?? new Date(),
    ...(config ? { config: config.file } : {}),
    ...(baselineSummary ? { baseline: baselineSummary } : {}),
    ...(suppressions ? { suppressions } : {}),
  });
  if (judgement.model) report.resilience = judgement.model;
  if (evaluation.gate) {
    const { failOn, failOnNewOnly } = evaluation.gate;
    report.scan.gate = { failOn, exitCode: exitCodeFor(report.findings, failOn, report.scan.complete, { newOnly: failOnNewOnly }), failOnNewOnly };
  }
  return report;
}

/** The accounts (their names and regions, copied), the accounts skipped and the gaps (the inventory's own lists): nothing else of it. */
function scopeOf(inventory: Inventory): InventoryScope {
  return {
    accounts: inventory.accounts.map(({ accountId, name, regions }) => ({ accountId, ...(name !== undefined ? { name } : {}), regions: regions.map(({ region }) => ({ region })) })),
    ...(inventory.skippedAccounts ? { skippedAccounts: inventory.skippedAccounts } : {}),
    gaps: inventory.gaps,
  };
}

/**
 * The inventory without the `NotCollected` gaps of a narrowed scan (`--rule`) that no rule run
 * here reads: the scan left that data out on purpose, it is no blind spot of this evaluation. A
 * rule that does read it still sees its gap, and gives `error`.
 */
function withGapsReadBy(inventory: Inventory, rules: readonly Rule[]): Inventory {
  const read = new Set(rules.flatMap((rule) => rule.uses));
  const gaps = inventory.gaps.filter((gap) => gap.code !== NOT_COLLECTED || read.has(`${gap.service}:${gap.operation}` as Operation));
  return gaps.length === inventory.gaps.length ? inventory : { ...inventory, gaps };
}

/** The configuration's parameters, per rule id, for `runRules`. */
export function paramOverrides(config: EvaluationConfig | undefined): ParamOverrides {
  return Object.fromEntries(Object.entries(config?.rules ?? {}).map(([id, settings]) => [id, settings.params]));
}
