import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { operationsFor } from '../../src/collect/collection-plan.js';
import type { Rule } from '../../src/engine/define-rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { Inventory } from '../../src/model/inventory.js';
import { iamPolicy, OPTIONAL_OPERATIONS } from '../../src/cli/iam-policy-command.js';
import type { CollectOptions } from '../../src/collect/collect-inventory.js';
import { iamAction, NOT_COLLECTED, OPERATIONS, RESILIENCE_MODEL_OPERATIONS, type Operation } from '../../src/model/operations.js';
import { recordFullScan } from '../support/full-scan.js';
import { runCli } from '../support/run-cli.js';

describe('the policy covers exactly what a full mocked scan calls', () => {
  /** The IAM action of every command a scan sends, on every client: STS, Organizations, Route 53, each region's. */
  async function actionsOfAScan(options: Partial<CollectOptions>): Promise<Set<string>> {
    const { commands, inventory } = await recordFullScan(options);
    expect(inventory.gaps).toEqual([]);
    return new Set(commands.map((command) => iamAction(...(command.split(':') as [string, string]))));
  }

  it('a scan of two regions: the policy allows each action called, and lists nothing else', async () => {
    const called = await actionsOfAScan({ regions: ['us-east-1', 'eu-west-1'] });
    const allowed = iamPolicy().Statement[0].Action;
    expect([...called].filter((action) => !allowed.includes(action)), 'called but not allowed').toEqual([]);
    expect(allowed.filter((action) => !called.has(action)), 'allowed but never called').toEqual([]);
  });

  it('a scan with --org and --all-regions: the policy of iam-policy --org --all-regions, exactly', async () => {
    const called = await actionsOfAScan({ org: true, roleName: 'OrganizationAccountAccessRole', allRegions: true });
    expect(called).toContain('organizations:ListAccounts');
    expect(called).toContain('ec2:DescribeRegions');
    expect([...called].sort()).toEqual(iamPolicy({ org: true, allRegions: true }).Statement[0].Action);
  });
});

describe('--rule: a scan collects only what the rules read, and the policy allows exactly that', () => {
  const regions = ['us-east-1', 'eu-west-1'];
  // Tags are the report's decoration, read only when a suppression matches by tag.
  const verdicts = (inventory: Inventory, rule: Rule) => runRules(inventory, { rules: [rule] }).map(({ resource: { tags: _tags, ...resource }, ...result }) => ({ ...result, resource }));
  let full: Inventory;
  beforeAll(async () => {
    full = (await recordFullScan({ regions })).inventory;
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: the calls are the policy of iam-policy --rule, the verdicts those of a full scan', async (_, rule) => {
    const collects = operationsFor([rule], { model: false });
    const { commands, inventory } = await recordFullScan({ regions, collects });
    const called = new Set(commands.map((command) => iamAction(...(command.split(':') as [string, string]))));
    expect([...called].sort()).toEqual(iamPolicy({ rules: [rule] }).Statement[0].Action);
    for (const operation of rule.uses) expect(called).toContain(iamAction(...(operation.split(':') as [string, string])));
    // What was left out is recorded as such, and none of it is what the rule reads.
    expect(inventory.gaps.every((gap) => gap.code === NOT_COLLECTED && !collects.has(`${gap.service}:${gap.operation}` as Operation))).toBe(true);
    expect(verdicts(inventory, rule)).toEqual(verdicts(full, rule));
  });

  it('with --org and --all-regions: the narrowed scan also lists accounts and regions, as the narrowed policy with those flags allows', async () => {
    const rule = rules.find((r) => r.id === 'elb-multi-az')!;
    const { commands, inventory } = await recordFullScan({ org: true, roleName: 'Audit', allRegions: true, collects: operationsFor([rule], { model: false }) });
    expect(inventory.accounts[0]!.regions.map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
    const called = new Set(commands.map((command) => iamAction(...(command.split(':') as [string, string]))));
    expect([...called].sort()).toEqual(iamPolicy({ rules: [rule], org: true, allRegions: true }).Statement[0].Action);
  });

  it('several rules: the union of what each reads, with what it needs first', () => {
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const actions = iamPolicy({ rules: [byId.get('elb-multi-az')!, byId.get('dynamodb-pitr')!] }).Statement[0].Action;
    expect(actions).toEqual([
      'dynamodb:DescribeContinuousBackups',
      'dynamodb:DescribeTable',
      'dynamodb:ListTables',
      'elasticloadbalancing:DescribeLoadBalancers',
      'iam:ListAccountAliases',
      'sts:GetCallerIdentity',
    ]);
    // Target health needs the target groups; the instances' zones need the targets.
    expect([...operationsFor([{ uses: ['ec2:DescribeInstances'] }], { model: false })].sort()).toEqual([
      'ec2:DescribeInstances',
      'elbv2:DescribeTargetGroups',
      'elbv2:DescribeTargetHealth',
      'iam:ListAccountAliases',
      'sts:GetCallerIdentity',
    ]);
  });

  it('tags only when a suppression matches by tag, and only of what is listed anyway; the resilience model adds what it reads', () => {
    const elb: { uses: Operation[] }[] = [{ uses: ['elbv2:DescribeLoadBalancers'] }];
    expect(operationsFor(elb, { model: false, tags: true })).toContain('elbv2:DescribeTags');
    expect(operationsFor(elb, { model: false })).not.toContain('elbv2:DescribeTags');
    expect(operationsFor([{ uses: ['rds:DescribeDBInstances'] }], { model: false, tags: true })).not.toContain('elbv2:DescribeTags');
    expect([...operationsFor([], { model: true })].sort()).toEqual(['sts:GetCallerIdentity', 'iam:ListAccountAliases', ...RESILIENCE_MODEL_OPERATIONS].sort());
    // Neither tags, nor scaling policies, nor backups: the model reads only what paths and stores are made of.
    expect(RESILIENCE_MODEL_OPERATIONS).not.toContain('elbv2:DescribeTags');
    expect(RESILIENCE_MODEL_OPERATIONS).not.toContain('dynamodb:DescribeContinuousBackups');
  });
});

describe('iamPolicy', () => {
  const every = Object.entries(OPERATIONS).flatMap(([service, operations]) => operations.map((operation) => iamAction(service, operation)));

  it('one read-only statement, its actions sorted and unique, named as IAM names them', () => {
    const policy = iamPolicy();
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Sid: 'HaAuditReadOnly', Effect: 'Allow', Resource: '*' });
    const actions = policy.Statement[0].Action;
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toContain('elasticloadbalancing:DescribeTargetHealth');
    for (const action of actions) expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Za-z]+$/);
  });

  it('the operations of --org and --all-regions only when asked for', () => {
    const optional = Object.keys(OPTIONAL_OPERATIONS).map((operation) => iamAction(...(operation.split(':') as [string, string])));
    expect(optional.sort()).toEqual(['ec2:DescribeRegions', 'organizations:ListAccounts']);
    expect(iamPolicy().Statement[0].Action).toEqual(every.filter((action) => !optional.includes(action)).sort());
    expect(iamPolicy({ org: true }).Statement[0].Action).toContain('organizations:ListAccounts');
    expect(iamPolicy({ org: true }).Statement[0].Action).not.toContain('ec2:DescribeRegions');
    expect(iamPolicy({ allRegions: true }).Statement[0].Action).toContain('ec2:DescribeRegions');
    // The organisation names every account: no alias is asked with --org.
    expect(iamPolicy().Statement[0].Action).toContain('iam:ListAccountAliases');
    expect(iamPolicy({ org: true, allRegions: true }).Statement[0].Action).toEqual(every.filter((action) => action !== 'iam:ListAccountAliases').sort());
  });
});

describe('ha-audit iam-policy (child process)', () => {
  const forbidSdk = ['--import', './test/support/forbid-aws-sdk.mjs'];

  it('prints the policy as JSON, without loading the AWS SDK', async () => {
    const run = await runCli(['iam-policy'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(iamPolicy());
  });

  it('--org and --all-regions add their actions', async () => {
    const run = await runCli(['iam-policy', '--org', '--all-regions'], { nodeArgs: forbidSdk });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(iamPolicy({ org: true, allRegions: true }));
  });

  it('an unknown option is a usage error', async () => {
    const run = await runCli(['iam-policy', '--regions']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ha-audit: unknown option '--regions'/);
  });
});
