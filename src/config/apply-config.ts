import { selectRules } from '../engine/select-rules.js';
import type { Rule } from '../engine/define-rule.js';
import type { Config } from './config-schema.js';

/**
 * The rules a scan runs: those named by `--rule` if any (even ones the configuration turns off),
 * else every rule the configuration leaves on; each with the configuration's severity.
 */
export function rulesToRun(all: readonly Rule[], config: Config | undefined, requested: readonly string[]): Rule[] {
  const configured = all.map((rule) => {
    const severity = config?.rules[rule.id]?.severity;
    return severity && severity !== rule.severity ? { ...rule, severity } : rule;
  });
  return rulesNamed(requested) ? selectRules(configured, requested) : configured.filter((rule) => config?.rules[rule.id]?.enabled !== false);
}

/** Whether `--rule` names any rule (it is repeatable and takes comma-separated lists). */
export function rulesNamed(requested: readonly string[]): boolean {
  return requested.some((value) => value.split(',').some((id) => id.trim() !== ''));
}
