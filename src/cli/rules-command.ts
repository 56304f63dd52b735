import { rules } from '../../rules/index.js';
import { configuredRules, type ConfiguredRule } from '../config/apply-config.js';
import type { Config } from '../config/config-schema.js';
import { selectRules } from '../engine/select-rules.js';
import { iamAction } from '../model/operations.js';
import { bestPractice } from '../model/well-architected.js';
import { visible } from '../visible-text.js';

/*
 * `ha-audit rules`, as the configuration file sets them (`--config`, else `.ha-audit.yml` of
 * the working directory; `--no-config` for the rules' own settings): a rule it turns off is
 * shown off, a severity it sets replaces the rule's own, as a scan would apply them.
 */

/** `ha-audit rules`: id, severity and title of every rule (or all their metadata as JSON). */
export function listRules(format: 'text' | 'json', config?: Config): string {
  const configured = configuredRules(rules, config);
  if (format === 'json') {
    const described = configured.map((entry) => {
      const { id, title, service, params, rationale, remediation, uses, wellArchitected } = entry.rule;
      return { id, title, service, ...settingsOf(entry), params, rationale, remediation, uses, wellArchitected: (wellArchitected ?? []).map(bestPractice) };
    });
    return JSON.stringify(described, null, 2) + '\n';
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = [`${'ID'.padEnd(width)}  SEVERITY  TITLE`];
  for (const { rule, enabled } of configured) lines.push(`${rule.id.padEnd(width)}  ${(enabled ? rule.severity : 'off').padEnd(8)}  ${rule.title}`);
  const changed = configured.filter((entry) => changesOf(entry).length > 0);
  if (config && changed.length > 0) {
    lines.push('', `As ${visible(config.file)} sets them (\`--no-config\` shows the rules' own settings):`);
    for (const entry of changed) lines.push(`  ${entry.rule.id} ${changesOf(entry).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/** `ha-audit rules ID`: everything the rule says about itself, and the best practices it gives evidence for. */
export function explainRule(id: string, format: 'text' | 'json', config?: Config): string {
  // The same error as `--rule` for an unknown id, with the same suggestion.
  const own = selectRules(rules, [id])[0]!;
  const entry = configuredRules([own], config)[0]!;
  const { rule } = entry;
  const practices = (rule.wellArchitected ?? []).map(bestPractice);
  const params = Object.entries(rule.params).map(([name, spec]) => ({ name, spec, value: config?.rules[rule.id]?.params[name] }));
  if (format === 'json') {
    const { title, service, rationale, remediation, uses, messages } = rule;
    return JSON.stringify({ id: rule.id, title, service, ...settingsOf(entry), params: rule.params, messages, rationale, remediation, uses, wellArchitected: practices }, null, 2) + '\n';
  }
  const lines = [`${rule.id}: ${rule.title}`, `Severity ${rule.severity}, service ${rule.service}.`];
  const changes = changesOf(entry);
  if (config && changes.length > 0) lines.push(`${visible(config.file)}: ${changes.join(', ')}.`);
  lines.push('', rule.rationale, '', `Fix: ${rule.remediation.summary}`, `Docs: ${rule.remediation.docs}`);
  if (params.length > 0) {
    lines.push('', 'Parameters (configuration file, rules.<id>.params):');
    for (const { name, spec, value } of params) {
      lines.push(`  ${name} = ${value ?? spec.default}  ${spec.description}${value !== undefined && value !== spec.default ? ` (default ${spec.default}; set by ${visible(config!.file)})` : ''}`);
    }
  }
  lines.push('', `Reads: ${rule.uses.map((op) => iamAction(...(op.split(':') as [string, string]))).join(', ')} (a failed call makes the rule report error, never pass).`);
  lines.push('', 'AWS Well-Architected Reliability best practices it gives evidence for:');
  for (const practice of practices) lines.push(`  ${practice.id} ${practice.title}`, `    ${practice.url}`);
  return lines.join('\n') + '\n';
}

/** In JSON: whether the rule runs, its severity as configured, and its own when they differ. */
function settingsOf({ rule, enabled }: ConfiguredRule): { enabled: boolean; severity: string; ruleSeverity?: string } {
  const own = rules.find((r) => r.id === rule.id)!.severity;
  return { enabled, severity: rule.severity, ...(own !== rule.severity ? { ruleSeverity: own } : {}) };
}

/** What the configuration changes of a rule: `off (...)`, `severity critical (the rule's own: high)`. */
function changesOf({ rule, enabled }: ConfiguredRule): string[] {
  const own = rules.find((r) => r.id === rule.id)!.severity;
  return [...(enabled ? [] : ['off (a scan runs it only when --rule names it)']), ...(own !== rule.severity ? [`severity ${rule.severity} (the rule's own: ${own})`] : [])];
}
