import { aws } from '../../src/engine/command.js';
import { describe, expect, it } from 'vitest';
import { defineResilienceRule, defineRule } from '../../src/engine/define-rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { Inventory, RegionInventory } from '../../src/model/inventory.js';
import { HaAuditError } from '../../src/model/errors.js';
import { emptyRegionInventory, emptyRoute53Inventory } from '../../src/model/inventory.js';

function region(name: string, loadBalancerNames: string[]): RegionInventory {
  return {
    ...emptyRegionInventory(name),
    elbv2: {
      loadBalancers: loadBalancerNames.map((lbName) => ({
        arn: `arn:aws:elasticloadbalancing:${name}:111122223333:loadbalancer/app/${lbName}/1`,
        name: lbName,
        type: 'application',
        dnsName: `${lbName}.${name}.elb.amazonaws.com`,
        scheme: 'internet-facing',
        availabilityZones: [{ zoneName: `${name}a` }],
        attributes: {},
        listeners: [],
        tags: {},
      })),
      targetGroups: [],
    },
    autoscaling: { groups: [] },
    ec2: { instances: [], subnets: [] },
  };
}

function inventory(gaps: Inventory['gaps'] = []): Inventory {
  return {
    format: 'ha-audit-inventory',
    formatVersion: 1,
    collectedAt: '2026-11-20T09:00:00.000Z',
    accounts: [{ accountId: '111122223333', route53: emptyRoute53Inventory(), regions: [region('us-east-1', ['a', 'b']), region('eu-west-1', ['c'])] }],
    gaps,
  };
}

const namesRule = defineRule({
  id: 'test-names',
  title: 'Names are short',
  service: 'elbv2',
  severity: 'low',
  uses: ['elbv2:DescribeLoadBalancers'],
  params: { maxLength: { type: 'integer', default: 0, min: 0, max: 10, description: 'longest name' } },
  messages: { short: '{{name}} is short', long: '{{name}} is longer than {{max}}' },
  rationale: 'A test rule.',
  remediation: { summary: 'Rename it.', docs: 'https://docs.aws.amazon.com/' },
  check(scope, { params, pass, fail }) {
    for (const lb of scope.loadBalancers) {
      if (lb.name.length <= params.maxLength) pass(scope.loadBalancerRef(lb), 'short', { name: lb.name });
      else fail(scope.loadBalancerRef(lb), 'long', { name: lb.name, max: params.maxLength }, { steps: [aws('elbv2', 'rename', lb.name)], warning: 'Renaming breaks clients.', evidence: { length: lb.name.length } });
    }
  },
});

const crashingRule = defineRule({
  id: 'test-crash',
  title: 'Crashes in one region',
  service: 'elbv2',
  severity: 'high',
  uses: ['elbv2:DescribeLoadBalancers'],
  params: {},
  messages: { ok: '{{name}} ok' },
  rationale: 'A test rule.',
  remediation: { summary: 'None.', docs: 'https://docs.aws.amazon.com/' },
  check(scope, { pass }) {
    if (scope.region === 'eu-west-1') throw new TypeError('boom');
    for (const lb of scope.loadBalancers) pass(scope.loadBalancerRef(lb), 'ok', { name: lb.name });
  },
});

describe('runRules', () => {
  it('emits one result per resource with the rule metadata, message and remediation', () => {
    const results = runRules(inventory(), { rules: [namesRule] });
    expect(results.map((r) => [r.status, r.resource.name, r.message])).toEqual([
      ['fail', 'a', 'a is longer than 0'],
      ['fail', 'b', 'b is longer than 0'],
      ['fail', 'c', 'c is longer than 0'],
    ]);
    expect(results[0]).toMatchObject({
      ruleId: 'test-names',
      severity: 'low',
      title: 'Names are short',
      messageId: 'long',
      resource: { type: 'elbv2:load-balancer', region: 'us-east-1', accountId: '111122223333', arn: expect.stringMatching(/^arn:aws:elasticloadbalancing:/) },
      remediation: {
        summary: 'Rename it.',
        steps: [{ argv: ['aws', 'elbv2', 'rename', 'a', '--region', 'us-east-1'], placeholders: [] }],
        warning: 'Renaming breaks clients.',
        docs: 'https://docs.aws.amazon.com/',
      },
      evidence: { length: 1 },
    });
    // The command lines are rendered from the steps when a report is written, not held beside them.
    expect(results[0]!.remediation).not.toHaveProperty('commands');
  });

  it('carries the hints of a failure, without empty ones; none, no field', () => {
    const hinting = defineRule({
      id: 'test-hints',
      title: 'Hints',
      service: 'elbv2',
      severity: 'low',
      uses: ['elbv2:DescribeLoadBalancers'],
      params: {},
      messages: { long: '{{name}} is longer than {{max}}' },
      rationale: 'A test rule.',
      remediation: { summary: 'Rename it.', docs: 'https://docs.aws.amazon.com/' },
      check(scope, { fail }) {
        for (const lb of scope.loadBalancers) fail(scope.loadBalancerRef(lb), 'long', { name: lb.name, max: 0 }, { hints: lb.name === 'a' ? ['', `Rename ${lb.name}`] : [''] });
      },
    });
    const results = runRules(inventory(), { rules: [hinting] });
    expect(results.map((r) => [r.resource.name, r.hints])).toEqual([
      ['a', ['Rename a']],
      ['b', undefined],
      ['c', undefined],
    ]);
    expect(results[1]).not.toHaveProperty('hints');
  });

  it('applies parameter overrides and rejects unknown or out-of-range ones', () => {
    expect(runRules(inventory(), { rules: [namesRule], params: { 'test-names': { maxLength: 1 } } }).map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    expect(() => runRules(inventory(), { rules: [namesRule], params: { 'test-names': { maxLen: 1 } } })).toThrow(/has no parameter "maxLen".*/);
    expect(() => runRules(inventory(), { rules: [namesRule], params: { 'test-names': { maxLength: 11 } } })).toThrow(HaAuditError);
    expect(() => runRules(inventory(), { rules: [namesRule], params: { 'test-names': { maxLength: 1.5 } } })).toThrow(/must be an integer from 0 to 10/);
  });

  it('turns a gap in the data a rule uses into one error result for that region, never a pass', () => {
    const gap = { accountId: '111122223333', region: 'us-east-1', service: 'elbv2', operation: 'DescribeLoadBalancers', code: 'AccessDenied', message: 'not authorized' };
    const results = runRules(inventory([gap]), { rules: [namesRule] });
    expect(results.map((r) => [r.status, r.resource.region, r.messageId])).toEqual([
      ['error', 'us-east-1', 'dataMissing'],
      ['fail', 'eu-west-1', 'long'],
    ]);
    expect(results[0]!.message).toBe('Not evaluated in us-east-1: elasticloadbalancing:DescribeLoadBalancers failed (AccessDenied)');
    expect(results[0]!.resource).toEqual({ type: 'aws:region', id: '111122223333/us-east-1', region: 'us-east-1', accountId: '111122223333' });
    expect(results[0]!.remediation!.summary).toContain('elasticloadbalancing:DescribeLoadBalancers');
  });

  it('ignores gaps in data the rule does not use', () => {
    const gap = { accountId: '111122223333', region: 'us-east-1', service: 'autoscaling', operation: 'DescribePolicies', code: 'AccessDenied', message: 'x' };
    expect(runRules(inventory([gap]), { rules: [namesRule] }).map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
  });

  it('turns a crashing rule into an error result naming it, and keeps running the others', () => {
    const results = runRules(inventory(), { rules: [crashingRule, namesRule] });
    const errors = results.filter((r) => r.status === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: 'test-crash', messageId: 'ruleCrashed', resource: { region: 'eu-west-1' } });
    expect(errors[0]!.message).toBe('Rule test-crash crashed in eu-west-1: TypeError: boom');
    expect(results.filter((r) => r.ruleId === 'test-names')).toHaveLength(3);
    expect(results.filter((r) => r.ruleId === 'test-crash' && r.status === 'pass')).toHaveLength(2);
  });

  it('reports a message template with missing data as a crash of the rule', () => {
    const broken = defineRule({ ...namesRule, id: 'test-broken', check: (scope, { pass }) => pass(scope.regionRef(), 'short', {} as never) });
    const results = runRules(inventory(), { rules: [broken] });
    expect(results.every((r) => r.status === 'error' && r.messageId === 'ruleCrashed')).toBe(true);
    expect(results[0]!.message).toContain('lacks "name"');
  });

  it('gives every result about one resource the same ref (an organisation has hundreds of thousands)', () => {
    const results = runRules(inventory(), { rules: [namesRule, crashingRule] });
    const aboutA = results.filter((r) => r.resource.name === 'a');
    expect(aboutA.map((r) => r.ruleId)).toEqual(['test-names', 'test-crash']);
    expect(aboutA[0]!.resource).toBe(aboutA[1]!.resource);
  });

  it('takes a rule with more results than a call can have arguments', () => {
    const manyRule = defineRule({
      id: 'test-many',
      title: 'Many results',
      service: 'elbv2',
      severity: 'low',
      uses: ['elbv2:DescribeLoadBalancers'],
      params: {},
      messages: { short: '{{name}} is short' },
      rationale: 'A test rule.',
      remediation: { summary: 'None.', docs: 'https://docs.aws.amazon.com/' },
      check(scope, { pass }) {
        const lb = scope.loadBalancers[0];
        if (lb) for (let i = 0; i < 200_000; i++) pass(scope.loadBalancerRef(lb), 'short', { name: lb.name });
      },
    });
    expect(runRules(inventory(), { rules: [manyRule] })).toHaveLength(400_000);
  });

  it('turns a resilience model that throws into an error result of each rule that reads it, and runs the others', () => {
    const modelRule = (id: string) =>
      defineResilienceRule({
        id,
        title: 'Reads the model',
        service: 'route53',
        severity: 'medium',
        uses: [],
        params: {},
        messages: { ok: 'ok' },
        rationale: 'A test rule.',
        remediation: { summary: 'None.', docs: 'https://docs.aws.amazon.com/' },
        check(scope) {
          expect(scope.resilience).toBeDefined();
        },
      });
    const results = runRules(inventory(), {
      rules: [modelRule('test-model-a'), namesRule, modelRule('test-model-b')],
      model: () => {
        throw new TypeError('model boom');
      },
    });
    expect(results.filter((r) => r.messageId === 'ruleCrashed').map((r) => [r.ruleId, r.message])).toEqual([
      ['test-model-a', expect.stringContaining('TypeError: model boom')],
      ['test-model-b', expect.stringContaining('TypeError: model boom')],
    ]);
    expect(results.filter((r) => r.ruleId === 'test-names')).toHaveLength(3);
  });
});
