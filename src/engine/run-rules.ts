import { iamAction } from '../model/operations.js';
import type { Gap, Inventory } from '../model/inventory.js';
import type { Remediation, ResourceRef, Result } from '../model/result.js';
import type { Evidence, FailExtra, ParamsSpec, ParamValues, Rule, RuleContext } from './define-rule.js';
import { formatMessage } from './message.js';
import { resolveParams, type ParamOverrides } from './params.js';
import { RegionScope } from './region-scope.js';

export interface RunOptions {
  rules: readonly Rule[];
  /** Per rule id, parameter overrides (validated against the rule's `params`). */
  params?: ParamOverrides;
}

/**
 * Runs every rule over every account and region of the inventory. A rule whose data has a gap
 * in a region gives one `error` result there instead of running; a rule that throws gives an
 * `error` result naming it, and the others still run.
 */
export function runRules(inventory: Inventory, options: RunOptions): Result[] {
  const resolved = options.rules.map((rule) => ({ rule, params: resolveParams(rule, options.params?.[rule.id]) }));
  const results: Result[] = [];
  for (const account of inventory.accounts) {
    for (const regionInventory of account.regions) {
      const scope = new RegionScope(account.accountId, regionInventory);
      const regionGaps = inventory.gaps.filter((g) => g.accountId === account.accountId && g.region === scope.region);
      for (const { rule, params } of resolved) {
        const missing = regionGaps.filter((g) => rule.uses.some((op) => op === `${g.service}:${g.operation}`));
        if (missing.length > 0) results.push(dataMissingResult(rule, scope, missing));
        else results.push(...checkRegion(rule, params, scope));
      }
    }
  }
  return results;
}

function checkRegion(rule: Rule, params: ParamValues<ParamsSpec>, scope: RegionScope): Result[] {
  const results: Result[] = [];
  const emit = (status: 'pass' | 'fail', resource: ResourceRef, messageId: string, data?: Record<string, string | number>, extra?: FailExtra) => {
    const template = rule.messages[messageId];
    if (template === undefined) throw new Error(`unknown message id "${messageId}"`);
    const result: Result = {
      ruleId: rule.id,
      status,
      severity: rule.severity,
      title: rule.title,
      messageId,
      message: formatMessage(template, data),
      resource,
    };
    if (status === 'fail') result.remediation = remediationOf(rule, extra?.commands);
    if (extra?.evidence && Object.keys(extra.evidence).length > 0) result.evidence = extra.evidence;
    results.push(result);
  };
  const context: RuleContext<ParamsSpec, Record<string, string>> = {
    params,
    pass: (resource, messageId, data?: Record<string, string | number>, extra?: { evidence?: Evidence }) =>
      emit('pass', resource, messageId, data, extra),
    fail: (resource, messageId, data?: Record<string, string | number>, extra?: FailExtra) =>
      emit('fail', resource, messageId, data, extra),
  };
  try {
    rule.check(scope, context);
  } catch (error) {
    results.push(crashResult(rule, scope, error));
  }
  return results;
}

function remediationOf(rule: Rule, commands: string[] = []): Remediation {
  return { summary: rule.remediation.summary, commands, docs: rule.remediation.docs };
}

function dataMissingResult(rule: Rule, scope: RegionScope, gaps: Gap[]): Result {
  const actions = [...new Set(gaps.map((g) => iamAction(g.service, g.operation)))];
  const causes = gaps.map((g) => `${iamAction(g.service, g.operation)} failed (${g.code})`);
  return {
    ruleId: rule.id,
    status: 'error',
    severity: rule.severity,
    title: rule.title,
    messageId: 'dataMissing',
    message: `Not evaluated in ${scope.region}: ${[...new Set(causes)].join('; ')}`,
    resource: scope.regionRef(),
    remediation: {
      summary: `Allow the scanning identity ${actions.join(', ')} in ${scope.region} (or fix the cause above) and scan again.`,
      commands: [],
      docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
    },
    evidence: { gaps: gaps.map(({ service, operation, code, message }) => ({ service, operation, code, message })) },
  };
}

function crashResult(rule: Rule, scope: RegionScope, error: unknown): Result {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ruleId: rule.id,
    status: 'error',
    severity: rule.severity,
    title: rule.title,
    messageId: 'ruleCrashed',
    message: `Rule ${rule.id} crashed in ${scope.region}: ${reason}`,
    resource: scope.regionRef(),
    evidence: { error: reason },
  };
}
