import { describe, expect, it } from 'vitest';
import { iamPolicy, OPTIONAL_OPERATIONS } from '../../src/cli/iam-policy-command.js';
import type { CollectOptions } from '../../src/collect/collect-inventory.js';
import { iamAction, OPERATIONS } from '../../src/model/operations.js';
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
    expect(iamPolicy({ org: true, allRegions: true }).Statement[0].Action).toEqual([...every].sort());
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
