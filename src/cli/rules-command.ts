import { rules } from '../../rules/index.js';

/** `ha-audit rules`: id, severity and title of every rule (or all their metadata as JSON). */
export function listRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    const described = rules.map(({ id, title, service, severity, params, rationale, remediation, uses }) => ({
      id,
      title,
      service,
      severity,
      params,
      rationale,
      remediation,
      uses,
    }));
    return JSON.stringify(described, null, 2) + '\n';
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = [`${'ID'.padEnd(width)}  SEVERITY  TITLE`];
  for (const rule of rules) lines.push(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(8)}  ${rule.title}`);
  return lines.join('\n') + '\n';
}
