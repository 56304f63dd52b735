import type { SuppressionNotice } from '../model/report.js';
import type { Result } from '../model/result.js';

/** A suppression of the configuration: the failing results it matches are accepted, for a reason. */
export interface Suppression {
  /** A rule id, or `*` for every rule. */
  rule: string;
  /** Matched against the resource's ARN and its id; `*` matches any run of characters. */
  resource?: string;
  /** Matched against the resource's tags; `*` in the value matches any run of characters. */
  tag?: { key: string; value: string };
  reason: string;
  /** `YYYY-MM-DD`: the suppression applies through that day (UTC), not after. */
  expires?: string;
  /** Where it is written (`.ha-audit.yml:20`), so that a warning points at it. */
  source: string;
}

export interface SuppressionOptions {
  /** `YYYY-MM-DD` (UTC): injected so that expiry can be tested. */
  today: string;
  /** The rules this scan ran: a suppression of a rule that did not run is not judged unused. */
  rulesRun: ReadonlySet<string>;
  /** False when `--rule` narrowed the scan: `*` suppressions are then not judged unused. */
  everyRuleRan: boolean;
}

export interface SuppressionOutcome {
  /** The results, failing ones that a suppression matches turned `suppressed`. */
  results: Result[];
  expired: SuppressionNotice[];
  unused: SuppressionNotice[];
}

/**
 * Applies the suppressions to the failing results (the first matching suppression wins). Passing
 * and `error` results are never suppressed: an audit that could not see something must say so.
 */
export function applySuppressions(results: readonly Result[], suppressions: readonly Suppression[], options: SuppressionOptions): SuppressionOutcome {
  const compiled = suppressions.map((suppression) => ({
    suppression,
    matches: matcher(suppression),
    active: isActive(suppression, options.today),
    matched: [] as number[],
  }));
  const output = results.map((result, index) => {
    if (result.status !== 'fail') return result;
    let applied: Suppression | undefined;
    for (const entry of compiled) {
      if (!entry.matches(result)) continue;
      entry.matched.push(index);
      if (entry.active) applied ??= entry.suppression;
    }
    if (!applied) return result;
    return {
      ...result,
      status: 'suppressed' as const,
      suppression: { reason: applied.reason, ...(applied.expires ? { expires: applied.expires } : {}), matchedBy: describeMatch(notice(applied)) },
    };
  });

  const erroredRules = new Set(results.filter((r) => r.status === 'error').map((r) => r.ruleId));
  const judgeable = (s: Suppression) =>
    s.rule === '*' ? options.everyRuleRan && erroredRules.size === 0 : options.rulesRun.has(s.rule) && !erroredRules.has(s.rule);
  return {
    results: output,
    // Those an expired suppression would have accepted and no other one does: they fail again.
    expired: compiled.filter((e) => !e.active).map((e) => ({ ...notice(e.suppression), matches: e.matched.filter((i) => output[i]!.status === 'fail').length })),
    unused: compiled.filter((e) => e.active && e.matched.length === 0 && judgeable(e.suppression)).map((e) => notice(e.suppression)),
  };
}

/** Valid through the day of `expires`, in UTC: `YYYY-MM-DD` strings compare as dates. */
export function isActive(suppression: Suppression, today: string): boolean {
  return suppression.expires === undefined || today <= suppression.expires;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function matcher(suppression: Suppression): (result: Result) => boolean {
  const resource = suppression.resource === undefined ? undefined : globPattern(suppression.resource);
  const tagValue = suppression.tag === undefined ? undefined : globPattern(suppression.tag.value);
  return (result) => {
    if (suppression.rule !== '*' && suppression.rule !== result.ruleId) return false;
    const { arn, id, tags } = result.resource;
    if (resource && !resource.test(id) && !(arn !== undefined && resource.test(arn))) return false;
    if (suppression.tag && tagValue) {
      const value = tags?.[suppression.tag.key];
      if (value === undefined || !tagValue.test(value)) return false;
    }
    return true;
  };
}

/**
 * `*` matches any run of characters (ARNs hold `/` and `:`, so no path semantics); everything
 * else is literal; the whole value must match.
 */
export function globPattern(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[\\^$.|?+()[\]{}]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

/** `rule=tg-stickiness resource=arn:aws:...:targetgroup/legacy-*`, as written in the configuration. */
export function describeMatch(suppression: Pick<SuppressionNotice, 'rule' | 'resource' | 'tag'>): string {
  const parts = [`rule=${suppression.rule}`];
  if (suppression.resource !== undefined) parts.push(`resource=${suppression.resource}`);
  if (suppression.tag !== undefined) parts.push(`tag=${suppression.tag}`);
  return parts.join(' ');
}

function notice(suppression: Suppression): SuppressionNotice {
  return {
    source: suppression.source,
    rule: suppression.rule,
    ...(suppression.resource !== undefined ? { resource: suppression.resource } : {}),
    ...(suppression.tag ? { tag: `${suppression.tag.key}=${suppression.tag.value}` } : {}),
    reason: suppression.reason,
    ...(suppression.expires ? { expires: suppression.expires } : {}),
  };
}
