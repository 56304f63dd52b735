import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { formatMessage } from '../../src/engine/message.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import { packageRoot } from '../../src/package-info.js';
import type { Result } from '../../src/model/result.js';

/** One row of a rule's test table: a fixture, optional parameters, and exactly what it yields. */
export interface RuleCase {
  name: string;
  /** File of `fixtures/<rule id>/`. */
  fixture: string;
  params?: Record<string, number>;
  /** Failing results: the resource's name (or id when it has no name) and the message id. */
  fail: { resource: string; messageId: string }[];
  /** Resources that pass, by name (or id). */
  pass: string[];
  /** Resources the rule cannot judge (`notCollected`: an inventory saved before a field existed). */
  error?: { resource: string; messageId: string }[];
  /** Failing resources whose fix no command can make (the message says why). */
  noCommand?: string[];
  /** Extra assertions on the results of this case. */
  check?: (results: Result[]) => void;
}

/** Every inventory of `fixtures/`, relative to it: the demo's first, then every rule's. */
export function fixtureInventories(): string[] {
  const root = join(packageRoot(), 'fixtures');
  return [
    'demo/inventory.json',
    ...readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'demo')
      .flatMap((dir) => readdirSync(join(root, dir.name)).filter((f) => f.endsWith('.json')).map((f) => `${dir.name}/${f}`)),
  ];
}

export function fixturePath(ruleId: string, file: string): string {
  return join(packageRoot(), 'fixtures', ruleId, file);
}

/** The result about the resource of that name; fails the test when there is none. */
export function byName(results: Result[], name: string): Result {
  const result = results.find((r) => r.resource.name === name);
  expect(result, `a result for ${name}`).toBeDefined();
  return result!;
}

/** The argument vectors of a result's fix, without `aws` and the `--region` every regional step ends with. */
export function argvOf(results: Result[], name: string): string[][] {
  return byName(results, name).remediation!.steps!.map((step) => {
    const argv = step.argv.slice(1);
    const region = argv.indexOf('--region');
    return region >= 0 && region === argv.length - 2 ? argv.slice(0, region) : argv;
  });
}

/**
 * As ESLint's RuleTester `{ messageId, data }`: the result carries that message id, and its
 * message is the rule's own template filled with that data. The wording can change; the facts
 * the message states cannot.
 */
export function expectMessage(result: Result, messageId: string, data: Record<string, string | number> = {}): void {
  expect(result.messageId).toBe(messageId);
  const template = rules.find((r) => r.id === result.ruleId)?.messages[messageId];
  expect(template, `${result.ruleId} has a message ${messageId}`).toBeDefined();
  expect(result.message).toBe(formatMessage(template!, data));
}

/** An `error` result of the engine: the gaps that left the rule without data, as `region service:Operation code`. */
export function expectDataMissing(result: Result, gaps: string[]): void {
  expect(result).toMatchObject({ status: 'error', messageId: 'dataMissing' });
  const recorded = (result.evidence?.gaps ?? []) as { region: string; service: string; operation: string; code: string }[];
  expect(recorded.map((g) => `${g.region} ${g.service}:${g.operation} ${g.code}`)).toEqual(gaps);
}

const label = (r: Result) => r.resource.name ?? r.resource.id;
const byLabel = <T extends { resource: string }>(a: T, b: T) => a.resource.localeCompare(b.resource);

/**
 * Runs one rule over each case's fixture (loaded through the same validating loader as
 * `--inventory`) and compares the failing and passing resources exactly. Every failing result
 * must carry a remediation with at least one `aws` command and a documentation link.
 */
export function testRule(ruleId: string, cases: RuleCase[]): void {
  const rule = rules.find((r) => r.id === ruleId);
  describe(ruleId, () => {
    it('is registered', () => expect(rule).toBeDefined());
    for (const c of cases) {
      it(c.name, async () => {
        const inventory = await loadInventory(fixturePath(ruleId, c.fixture));
        const results = runRules(inventory, { rules: [rule!], params: c.params ? { [ruleId]: c.params } : {} });
        const errors = results.filter((r) => r.status === 'error').map((r) => ({ resource: label(r), messageId: r.messageId }));
        expect(errors.sort(byLabel)).toEqual([...(c.error ?? [])].sort(byLabel));
        const fails = results.filter((r) => r.status === 'fail').map((r) => ({ resource: label(r), messageId: r.messageId }));
        expect(fails.sort(byLabel)).toEqual([...c.fail].sort(byLabel));
        expect(results.filter((r) => r.status === 'pass').map(label).sort()).toEqual([...c.pass].sort());
        for (const result of results) {
          expect(result.ruleId).toBe(ruleId);
          expect(result.severity).toBe(rule!.severity);
          expect(result.message).not.toMatch(/\{\{|undefined|NaN/);
          if (result.status !== 'fail') continue;
          const { steps = [] } = result.remediation!;
          const expectsCommand = !(c.noCommand ?? []).includes(label(result));
          expect(steps.length > 0, `${label(result)} has a remediation command`).toBe(expectsCommand);
          for (const step of steps) {
            expect(step.argv.slice(0, 3).join(' ')).toMatch(/^aws [a-z0-9-]+ [a-z-]+$/);
            // A fix goes to the resource's own region, whatever the user's default is.
            if (result.resource.region !== 'global') expect(step.argv.slice(step.argv.indexOf('--region'))).toEqual(['--region', result.resource.region]);
          }
          expect(result.remediation!.docs).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
        }
        c.check?.(results);
      });
    }
  });
}

/** The command lines of a result's fix, as every report prints them (none without a fix). */
export { resultCommands as commandsOf } from '../../src/engine/shell.js';
