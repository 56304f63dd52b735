import { rules } from '../../rules/index.js';
import { HaAuditError } from '../model/errors.js';
import { iamAction } from '../model/operations.js';
import { bestPractice } from '../model/well-architected.js';
import { closest } from '../closest.js';

/** `ha-audit rules`: id, severity and title of every rule (or all their metadata as JSON). */
export function listRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    const described = rules.map(({ id, title, service, severity, params, rationale, remediation, uses, wellArchitected }) => ({
      id,
      title,
      service,
      severity,
      params,
      rationale,
      remediation,
      uses,
      wellArchitected: (wellArchitected ?? []).map(bestPractice),
    }));
    return JSON.stringify(described, null, 2) + '\n';
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = [`${'ID'.padEnd(width)}  SEVERITY  TITLE`];
  for (const rule of rules) lines.push(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(8)}  ${rule.title}`);
  return lines.join('\n') + '\n';
}

/** `ha-audit rules ID`: everything the rule says about itself, and the best practices it gives evidence for. */
export function explainRule(id: string, format: 'text' | 'json'): string {
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const guess = closest(id, rules.map((r) => r.id));
    throw new HaAuditError('usage', `unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : ''}`, 'run `ha-audit rules` to list the rule ids');
  }
  const practices = (rule.wellArchitected ?? []).map(bestPractice);
  if (format === 'json') {
    const { title, service, severity, params, rationale, remediation, uses, messages } = rule;
    return JSON.stringify({ id, title, service, severity, params, messages, rationale, remediation, uses, wellArchitected: practices }, null, 2) + '\n';
  }
  const lines = [`${rule.id}: ${rule.title}`, `Severity ${rule.severity}, service ${rule.service}.`, '', rule.rationale, '', `Fix: ${rule.remediation.summary}`, `Docs: ${rule.remediation.docs}`];
  const params = Object.entries(rule.params);
  if (params.length > 0) {
    lines.push('', 'Parameters (configuration file, rules.<id>.params):');
    for (const [name, spec] of params) lines.push(`  ${name} = ${spec.default}  ${spec.description}`);
  }
  lines.push('', `Reads: ${rule.uses.map((op) => iamAction(...(op.split(':') as [string, string]))).join(', ')} (a failed call makes the rule report error, never pass).`);
  lines.push('', 'AWS Well-Architected Reliability best practices it gives evidence for:');
  for (const practice of practices) lines.push(`  ${practice.id} ${practice.title}`, `    ${practice.url}`);
  return lines.join('\n') + '\n';
}
