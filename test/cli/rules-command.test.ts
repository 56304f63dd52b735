import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { explainRule, listRules } from '../../src/cli/rules-command.js';
import { parseConfig } from '../../src/config/config-schema.js';
import { runCli } from '../support/run-cli.js';

const CONFIG = ['rules:', '  tg-stickiness: false', '  rds-backups:', '    severity: critical', '  elb-multi-az:', '    params: { minAzs: 3 }', ''].join('\n');
const config = parseConfig(CONFIG, '.ha-audit.yml', rules);
type Listed = { id: string; enabled: boolean; severity: string; ruleSeverity?: string };

describe('ha-audit rules with a configuration', () => {
  it('text: a rule turned off shows off, a severity set replaces the rule’s own, and a note says what the file changed', () => {
    const text = listRules('text', config);
    expect(text).toMatch(/^tg-stickiness\s+off\s+Target groups/m);
    expect(text).toMatch(/^rds-backups\s+critical\s+RDS databases/m);
    expect(text).toMatch(/^elb-multi-az\s+high\s+/m);
    expect(text).toContain("\nAs .ha-audit.yml sets them (`--no-config` shows the rules' own settings):\n  rds-backups severity critical (the rule's own: medium)\n  tg-stickiness off");
  });

  it('JSON: enabled, the severity a scan gives, and the rule’s own when they differ', () => {
    const listed = JSON.parse(listRules('json', config)) as Listed[];
    const byId = new Map(listed.map((rule) => [rule.id, rule]));
    expect(byId.get('tg-stickiness')).toMatchObject({ enabled: false, severity: 'medium' });
    expect(byId.get('rds-backups')).toMatchObject({ enabled: true, severity: 'critical', ruleSeverity: 'medium' });
    expect(byId.get('elb-multi-az')).not.toHaveProperty('ruleSeverity');
  });

  it('without a configuration, the rules’ own settings and no note', () => {
    const text = listRules('text');
    expect(text).toMatch(/^tg-stickiness\s+medium\s+/m);
    expect(text).not.toContain('sets them');
    expect((JSON.parse(listRules('json')) as Listed[]).every((rule) => rule.enabled && rule.ruleSeverity === undefined)).toBe(true);
  });

  it('one rule explained: its configured severity and parameters', () => {
    expect(explainRule('rds-backups', 'text', config)).toMatch(/^rds-backups: .*\nSeverity critical, service rds\.\n\.ha-audit\.yml: severity critical \(the rule's own: medium\)\.\n/);
    expect(explainRule('elb-multi-az', 'text', config)).toMatch(/\n {2}minAzs = 3 {2}.* \(default 2; set by \.ha-audit\.yml\)\n/);
    expect(JSON.parse(explainRule('tg-stickiness', 'json', config))).toMatchObject({ enabled: false });
  });

  it('through the CLI: .ha-audit.yml of the working directory, --config and --no-config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-rules-'));
    writeFileSync(join(dir, '.ha-audit.yml'), CONFIG);
    writeFileSync(join(dir, 'other.yml'), 'rules:\n  elb-multi-az: { severity: low }\n');
    const [folder, other, none, broken] = await Promise.all([
      runCli(['rules'], { cwd: dir }),
      runCli(['rules', '--config', 'other.yml'], { cwd: dir }),
      runCli(['rules', '--no-config'], { cwd: dir }),
      runCli(['rules', '--config', 'missing.yml'], { cwd: dir }),
    ]);
    expect(folder.stdout).toMatch(/^tg-stickiness\s+off\s+/m);
    expect(other.stdout).toMatch(/^elb-multi-az\s+low\s+/m);
    expect(other.stdout).toMatch(/^tg-stickiness\s+medium\s+/m);
    expect(none.stdout).toBe(listRules('text'));
    expect(broken).toMatchObject({ code: 2, stdout: '' });
  });
});
