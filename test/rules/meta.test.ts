import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import type { Rule } from '../../src/engine/define-rule.js';
import { OPERATIONS } from '../../src/model/operations.js';
import { SEVERITIES } from '../../src/model/severity.js';
import { packageRoot } from '../../src/package-info.js';
import { renderRuleReference } from '../../src/report/rule-docs.js';

// ESLint's build check, for ha-audit: a rule is complete or the build is red.
const root = packageRoot();
const ruleFiles = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const knownOperations = new Set(Object.entries(OPERATIONS).flatMap(([service, ops]) => ops.map((op) => `${service}:${op}`)));

describe('the rule catalogue', () => {
  it('registers every rule file, once, sorted by id', () => {
    expect(rules.map((r) => `${r.id}.ts`).sort()).toEqual(ruleFiles.sort());
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('documents every rule: docs/rules.md is generated from the rules (run `npm run docs`)', () => {
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(renderRuleReference(rules));
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as [string, Rule]))('%s', (id, rule) => {
  it('is the default export of rules/<id>.ts', async () => {
    const module = (await import(join(root, 'rules', `${id}.ts`))) as { default: Rule };
    expect(module.default).toBe(rule);
    expect(basename(`${id}.ts`, '.ts')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it('has a test file and passing and failing fixtures', () => {
    expect(existsSync(join(root, 'test', 'rules', `${id}.test.ts`))).toBe(true);
    const fixtures = existsSync(join(root, 'fixtures', id)) ? readdirSync(join(root, 'fixtures', id)) : [];
    expect(fixtures).toContain('pass.json');
    expect(fixtures.some((f) => /^fail.*\.json$/.test(f))).toBe(true);
  });

  it('exercises each of its parameters in its test table', () => {
    const test = readFileSync(join(root, 'test', 'rules', `${id}.test.ts`), 'utf8');
    for (const name of Object.keys(rule.params)) expect(test, `a case sets ${name}`).toMatch(new RegExp(`params:\\s*\\{[^}]*\\b${name}\\b`));
  });

  it('has a title, rationale, remediation and messages', () => {
    expect(rule.title.trim()).not.toBe('');
    expect(rule.rationale.trim().length).toBeGreaterThan(40);
    expect(rule.remediation.summary.trim()).not.toBe('');
    expect(rule.remediation.docs).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(SEVERITIES).toContain(rule.severity);
    expect(Object.keys(rule.messages).length).toBeGreaterThanOrEqual(2);
    for (const template of Object.values(rule.messages)) expect(template.trim()).not.toBe('');
  });

  it('names the Well-Architected Reliability best practices it gives evidence for (the compliance mapping of the reports)', () => {
    expect(rule.wellArchitected?.length, `${rule.id}: add wellArchitected (src/model/well-architected.ts)`).toBeGreaterThan(0);
    expect(new Set(rule.wellArchitected).size).toBe(rule.wellArchitected!.length);
  });

  it('names only operations the collectors know, and parameters with sane defaults', () => {
    expect(rule.uses.length).toBeGreaterThan(0);
    for (const op of rule.uses) expect(knownOperations).toContain(op);
    for (const spec of Object.values(rule.params)) {
      expect(spec.default).toBeGreaterThanOrEqual(spec.min);
      if (spec.max !== undefined) expect(spec.default).toBeLessThanOrEqual(spec.max);
      expect(spec.description.trim()).not.toBe('');
    }
  });
});
