import { pushAll } from '../collections.js';
import { iamAction } from '../model/operations.js';
import { GLOBAL_REGION, type Gap, type Inventory } from '../model/inventory.js';
import type { Remediation, ResourceRef, Result } from '../model/result.js';
import type { Evidence, FailExtra, ParamsSpec, ParamValues, Rule, RuleContext } from './define-rule.js';
import { formatMessage } from './message.js';
import { inRegion } from './command.js';
import { resolveParams, type ParamOverrides } from './params.js';
import { AccountScope } from './account-scope.js';
import { DnsResolver } from '../model/dns-resolver.js';
import { RegionScope } from './region-scope.js';
import { ResilienceScope } from './resilience-scope.js';
import type { Resilience } from '../model/resilience.js';
import { buildResilience } from '../resilience/model.js';

export interface RunOptions {
  rules: readonly Rule[];
  /** Per rule id, parameter overrides (validated against the rule's `params`). */
  params?: ParamOverrides;
  /** The resilience model of this inventory (default: with default settings). */
  model?: () => Resilience;
}

/**
 * Runs every rule over every account and region of the inventory. A rule whose data has a gap
 * in a region gives one `error` result there instead of running; a rule that throws gives an
 * `error` result naming it, and the others still run.
 */
export function runRules(inventory: Inventory, options: RunOptions): Result[] {
  const resolved = options.rules.map((rule) => ({ rule, params: resolveParams(rule, options.params?.[rule.id]) }));
  const results: Result[] = [];
  const resilienceRules = resolved.filter(({ rule }) => rule.level === 'resilience');
  // Memory, for a large organisation: the model is built first, and each stage's working set is
  // garbage before the next one's (the model's: every region's index and every entry point's ways
  // through; the account rules': the DNS resolution of every record of the scan), so that none
  // lies beside the results. A model that throws is a crash of the rules that read it, below.
  let model: { built: Resilience } | { error: unknown } | undefined;
  if (resilienceRules.length > 0 && inventory.accounts.length > 0) {
    try {
      model = { built: options.model ? options.model() : buildResilience(inventory) };
    } catch (error) {
      model = { error };
    }
  }
  const dns = new DnsResolver(inventory.accounts);
  for (const account of inventory.accounts) {
    const accountGaps = inventory.gaps.filter((g) => g.accountId === account.accountId);
    const accountScope = new AccountScope(account, dns, inventory.accounts);
    // An account that could not be entered (its role could not be assumed) leaves every rule unevaluated there.
    const unreachable = accountGaps.filter((g) => g.service === 'sts');
    if (unreachable.length > 0) {
      for (const { rule } of resolved) results.push(dataMissingResult(rule, accountScope.accountRef(), unreachable));
      continue;
    }
    for (const { rule, params } of resolved) {
      if (rule.level !== 'account') continue;
      // An account rule reads the global service and may follow its aliases into any region.
      const missing = gapsOf(rule, accountGaps);
      if (missing.length > 0) results.push(dataMissingResult(rule, accountScope.accountRef(), missing));
      else pushAll(results, runCheck(rule, params, accountScope.accountRef(), (context) => rule.check(accountScope, context)));
    }
    for (const regionInventory of account.regions) {
      const scope = new RegionScope(account.accountId, regionInventory);
      const regionGaps = accountGaps.filter((g) => g.region === scope.region);
      for (const { rule, params } of resolved) {
        if (rule.level !== 'region') continue;
        const missing = gapsOf(rule, regionGaps);
        if (missing.length > 0) results.push(dataMissingResult(rule, scope.regionRef(), missing));
        else pushAll(results, runCheck(rule, params, scope.regionRef(), (context) => rule.check(scope, context)));
      }
    }
  }
  if (model) {
    // Once for the scan: an entry point may lead from a DNS account to load balancers of others.
    // Gaps do not stop these rules: the model makes what they hide `unknown`, and the rule says so.
    const built = model;
    let scope: ResilienceScope | undefined;
    const scopeOf = () => {
      if ('error' in built) throw built.error;
      // Scopes of its own: the account rules' are garbage by now, and these rules' fixes read few records.
      return (scope ??= ResilienceScope.of(built.built, inventory));
    };
    const where: ResourceRef = { type: 'aws:scan', id: 'resilience-model', region: GLOBAL_REGION, accountId: inventory.accounts[0]!.accountId };
    for (const { rule, params } of resilienceRules) {
      if (rule.level === 'resilience') pushAll(results, runCheck(rule, params, where, (context) => rule.check(scopeOf(), context)));
    }
  }
  return results;
}

function gapsOf(rule: Rule, gaps: Gap[]): Gap[] {
  return gaps.filter((g) => rule.uses.some((op) => op === `${g.service}:${g.operation}`));
}

/** Runs one check over one scope; `where` is the resource of a crash result. */
function runCheck(rule: Rule, params: ParamValues<ParamsSpec>, where: ResourceRef, check: (context: RuleContext<ParamsSpec, Record<string, string>>) => void): Result[] {
  const results: Result[] = [];
  const emit = (status: 'pass' | 'fail', resource: ResourceRef, messageId: string, data?: Record<string, string | number>, extra?: FailExtra) => {
    const template = rule.messages[messageId];
    if (template === undefined) throw new Error(`unknown message id "${messageId}"`);
    const hints = extra?.hints?.filter((hint) => hint !== '');
    const evidence = extra?.evidence;
    // One literal: properties added afterwards would give each result a separate property store,
    // and an organisation's report holds hundreds of thousands of results.
    results.push({
      ruleId: rule.id,
      status,
      severity: rule.severity,
      title: rule.title,
      messageId,
      message: formatMessage(template, data),
      resource,
      ...(status === 'fail' ? { remediation: remediationOf(rule, resource, extra) } : {}),
      ...(hints && hints.length > 0 ? { hints: [...hints] } : {}),
      ...(evidence && Object.keys(evidence).length > 0 ? { evidence } : {}),
    });
  };
  const context: RuleContext<ParamsSpec, Record<string, string>> = {
    params,
    pass: (resource, messageId, data?: Record<string, string | number>, extra?: { evidence?: Evidence }) =>
      emit('pass', resource, messageId, data, extra),
    fail: (resource, messageId, data?: Record<string, string | number>, extra?: FailExtra) =>
      emit('fail', resource, messageId, data, extra),
    notCollected: (resource, field) => results.push(notCollectedResult(rule, resource, field)),
    notEvaluated: (resource, why, evidence) => results.push(notEvaluatedResult(rule, resource, why, evidence)),
  };
  try {
    check(context);
  } catch (error) {
    results.push(crashResult(rule, where, error));
  }
  return results;
}

/**
 * The fix of a failing result. Each step runs in the resource's region, not in whatever region
 * the user's shell defaults to: a report of several regions must not send a fix to the wrong one.
 */
function remediationOf(rule: Rule, resource: ResourceRef, extra: FailExtra = {}): Remediation {
  const steps = (extra.steps ?? []).map((step) => (resource.region === GLOBAL_REGION ? step : inRegion(step, resource.region)));
  const remediation: Remediation = { summary: rule.remediation.summary, steps, docs: rule.remediation.docs };
  if (extra.warning) remediation.warning = extra.warning;
  return remediation;
}

function dataMissingResult(rule: Rule, where: ResourceRef, gaps: Gap[]): Result {
  const actions = [...new Set(gaps.map((g) => iamAction(g.service, g.operation)))];
  const causes = gaps.map((g) => `${iamAction(g.service, g.operation)} failed${g.region === where.region ? '' : ` in ${g.region}`} (${g.code})`);
  return {
    ruleId: rule.id,
    status: 'error',
    severity: rule.severity,
    title: rule.title,
    messageId: 'dataMissing',
    message: `Not evaluated in ${scopeLabel(where)}: ${[...new Set(causes)].join('; ')}`,
    resource: where,
    remediation: {
      summary: `Allow the scanning identity ${actions.join(', ')} (or fix the cause above) and scan again.`,
      steps: [],
      docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
    },
    evidence: { gaps: gaps.map(({ region, service, operation, code, message }) => ({ region, service, operation, code, message })) },
  };
}

/** A resource whose inventory lacks a field the rule needs: saved before ha-audit collected it. */
function notCollectedResult(rule: Rule, resource: ResourceRef, field: string): Result {
  return {
    ruleId: rule.id,
    status: 'error',
    severity: rule.severity,
    title: rule.title,
    messageId: 'notCollected',
    message: `Not evaluated: the inventory has no ${field} for ${resource.name ?? resource.id} (saved before ha-audit collected it); scan again to collect it`,
    resource,
    evidence: { field },
  };
}

/** A resource the rule could not judge from the data collected (`why` says what was missing). */
function notEvaluatedResult(rule: Rule, resource: ResourceRef, why: string, evidence?: Evidence): Result {
  const result: Result = {
    ruleId: rule.id,
    status: 'error',
    severity: rule.severity,
    title: rule.title,
    messageId: 'notEvaluated',
    message: `Not evaluated: ${why}`,
    resource,
  };
  if (evidence && Object.keys(evidence).length > 0) result.evidence = evidence;
  return result;
}

function crashResult(rule: Rule, where: ResourceRef, error: unknown): Result {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ruleId: rule.id,
    status: 'error',
    severity: rule.severity,
    title: rule.title,
    messageId: 'ruleCrashed',
    message: `Rule ${rule.id} crashed in ${scopeLabel(where)}: ${reason}`,
    resource: where,
    evidence: { error: reason },
  };
}

/** `us-east-1` for a region, `account 123456789012` for an account-level rule. */
function scopeLabel(where: ResourceRef): string {
  return where.type === 'aws:region' ? where.region : `account ${where.accountId}`;
}
