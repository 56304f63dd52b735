import { selectRules } from '../engine/select-rules.js';
import type { Rule } from '../engine/define-rule.js';
import type { Config } from './config-schema.js';

/** A rule as the configuration sets it: its severity replaced, and whether it is on. */
export interface ConfiguredRule {
  rule: Rule;
  enabled: boolean;
}

/** Every rule with the configuration's severity, and whether the configuration leaves it on. */
export function configuredRules(all: readonly Rule[], config: Config | undefined): ConfiguredRule[] {
  return all.map((rule) => {
    const settings = config?.rules[rule.id];
    const severity = settings?.severity;
    return { rule: severity && severity !== rule.severity ? { ...rule, severity } : rule, enabled: settings?.enabled !== false };
  });
}

/**
 * The rules a scan runs: those named by `--rule` if any (even ones the configuration turns off),
 * else every rule the configuration leaves on; each with the configuration's severity.
 */
export function rulesToRun(all: readonly Rule[], config: Config | undefined, requested: readonly string[]): Rule[] {
  const configured = configuredRules(all, config);
  return rulesNamed(requested) ? selectRules(configured.map((c) => c.rule), requested) : configured.filter((c) => c.enabled).map((c) => c.rule);
}

/** Whether `--rule` names any rule (it is repeatable and takes comma-separated lists). */
export function rulesNamed(requested: readonly string[]): boolean {
  return requested.some((value) => value.split(',').some((id) => id.trim() !== ''));
}
