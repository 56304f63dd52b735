import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aws } from '../../src/engine/command.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import { parseInventory } from '../../src/model/inventory-file.js';
import type { AutoScalingGroup } from '../../src/model/inventory.js';

// A field added to the definition after an inventory was saved, as `Added` declares it: optional.
type GroupWithNewField = AutoScalingGroup & { suspendedProcesses?: string[] };

const suspendedRule = defineRule({
  id: 'test-suspended',
  title: 'No process is suspended',
  service: 'autoscaling',
  severity: 'high',
  uses: ['autoscaling:DescribeAutoScalingGroups'],
  params: {},
  messages: { running: '{{name}} runs every process', suspended: '{{name}} has suspended processes' },
  rationale: 'A test rule needing a field that old inventories lack.',
  remediation: { summary: 'Resume them.', docs: 'https://docs.aws.amazon.com/' },
  check(scope, { pass, fail, notCollected }) {
    for (const group of scope.autoScalingGroups as GroupWithNewField[]) {
      const ref = scope.autoScalingGroupRef(group);
      if (group.suspendedProcesses === undefined) notCollected(ref, 'suspendedProcesses');
      else if (group.suspendedProcesses.length === 0) pass(ref, 'running', { name: group.name });
      else fail(ref, 'suspended', { name: group.name }, { steps: [aws('autoscaling', 'resume-processes', '--auto-scaling-group-name', group.name)] });
    }
  },
});

describe('a rule needing a field the inventory was saved without', () => {
  it('gives error for each resource lacking it, naming the field', async () => {
    const inventory = await parseInventory(readFileSync('test/fixtures/inventory-v1-demo.json', 'utf8'), 'v1.json');
    const groups = inventory.accounts.flatMap((a) => a.regions.flatMap((r) => r.autoscaling.groups.map((g) => g.name)));
    const results = runRules(inventory, { rules: [suspendedRule] });
    expect(groups.length).toBeGreaterThan(0);
    expect(results.map((r) => [r.resource.name, r.status, r.messageId])).toEqual(groups.map((name) => [name, 'error', 'notCollected']));
    expect(results[0]!.evidence).toEqual({ field: 'suspendedProcesses' });
    expect(results[0]!.message).toMatch(/suspendedProcesses/);
  });

  it('judges the resources of an inventory that has it', async () => {
    const inventory = await parseInventory(readFileSync('test/fixtures/inventory-v1-demo.json', 'utf8'), 'v1.json');
    const groups = inventory.accounts[0]!.regions[0]!.autoscaling.groups as GroupWithNewField[];
    groups.forEach((group, index) => (group.suspendedProcesses = index === 0 ? ['AZRebalance'] : []));
    const results = runRules({ ...inventory, accounts: [{ ...inventory.accounts[0]!, regions: [inventory.accounts[0]!.regions[0]!] }] }, { rules: [suspendedRule] });
    expect(results.map((r) => r.status)).toEqual(groups.map((_, index) => (index === 0 ? 'fail' : 'pass')));
  });
});
