import { describe, expect, it } from 'vitest';
import { parseAccountSelection, parseDuration, type LiveScanOptions } from '../../src/cli/account-options.js';
import { HaAuditError } from '../../src/model/errors.js';
import { runCli } from '../support/run-cli.js';

const base: LiveScanOptions = { accounts: [] };

describe('parseAccountSelection', () => {
  it('reads --accounts repeated and comma-separated, deduplicated, with --role-name', () => {
    expect(parseAccountSelection({ ...base, accounts: ['111111111111,222222222222', '111111111111'], roleName: 'Audit', maxAccountsInParallel: '8' })).toEqual({
      accounts: ['111111111111', '222222222222'],
      roleName: 'Audit',
      maxAccountsInParallel: 8,
    });
  });

  it('passes --role-arn with its external id and session name', () => {
    expect(parseAccountSelection({ ...base, roleArn: 'arn:aws-us-gov:iam::111111111111:role/path/Audit', externalId: 'x-1', roleSessionName: 'nightly' })).toEqual({
      roleArn: 'arn:aws-us-gov:iam::111111111111:role/path/Audit',
      externalId: 'x-1',
      roleSessionName: 'nightly',
    });
  });

  it.each<[string, Partial<LiveScanOptions>, RegExp]>([
    ['a malformed role ARN', { roleArn: 'arn:aws:iam::1111:role/Audit' }, /invalid --role-arn/],
    ['a user ARN for a role', { roleArn: 'arn:aws:iam::111111111111:user/Audit' }, /invalid --role-arn/],
    ['an account id of 11 digits', { accounts: ['11111111111'], roleName: 'Audit' }, /invalid account id "11111111111"/],
    ['--accounts without --role-name', { accounts: ['111111111111'] }, /--accounts needs --role-name/],
    ['--org without --role-name', { org: true }, /--org needs --role-name/],
    ['--role-name alone', { roleName: 'Audit' }, /--role-name is used only with --accounts or --org/],
    ['a role name given as an ARN', { accounts: ['111111111111'], roleName: 'arn:aws:iam::111111111111:role/Audit' }, /invalid --role-name/],
    ['--external-id without a role', { externalId: 'x' }, /--external-id is used only when a role is assumed/],
    ['a session name of one character', { roleArn: 'arn:aws:iam::111111111111:role/A', roleSessionName: 'x' }, /invalid --role-session-name/],
    ['zero accounts in parallel', { org: true, roleName: 'Audit', maxAccountsInParallel: '0' }, /invalid --max-accounts-in-parallel "0"/],
    ['a fraction of accounts in parallel', { org: true, roleName: 'Audit', maxAccountsInParallel: '2.5' }, /invalid --max-accounts-in-parallel/],
    ['accounts in parallel for one account (issue 14: it bounds nothing)', { maxAccountsInParallel: '2' }, /--max-accounts-in-parallel is used only with --accounts or --org/],
    ['accounts in parallel with --role-arn', { roleArn: 'arn:aws:iam::111111111111:role/A', maxAccountsInParallel: '2' }, /--max-accounts-in-parallel is used only with --accounts or --org/],
  ])('refuses %s', (_name, options, message) => {
    const attempt = () => parseAccountSelection({ ...base, ...options });
    expect(attempt).toThrow(HaAuditError);
    expect(attempt).toThrow(message);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['500ms', 500],
    ['1h30m', 5_400_000],
    ['2m30s', 150_000],
    ['1h0m5s', 3_605_000],
    ['1m500ms', 60_500],
  ])('%s is %d ms', (value, ms) => expect(parseDuration(value)).toBe(ms));

  it.each(['', '0', '-5s', '10 minutes', '1d', 'abc', '600h', '30m1h', '1h1h', '1h 30m', 'h', '0h0m'])('refuses "%s"', (value) => expect(() => parseDuration(value)).toThrow(/--timeout "/));
});

describe('ha-audit scan: account and region options (child process)', () => {
  it.each<[string, string[], RegExp]>([
    ['--all-regions with --region', ['--all-regions', '--region', 'us-east-1'], /option '--all-regions' cannot be used with option '--region/],
    ['--role-arn with --accounts', ['--role-arn', 'arn:aws:iam::111111111111:role/A', '--accounts', '222222222222', '--role-name', 'A'], /cannot be used with/],
    ['--org with --inventory', ['--org', '--role-name', 'A', '--inventory', 'fixtures/demo/inventory.json'], /^ha-audit: --(org|role-name) has no effect with --inventory/],
    ['a bad --timeout', ['--region', 'us-east-1', '--timeout', 'soon'], /^ha-audit: invalid --timeout "soon"; give a duration such as 90s, 15m, 1h or 1h30m$/],
    ['a bad account id', ['--region', 'us-east-1', '--accounts', '12', '--role-name', 'A'], /^ha-audit: invalid account id "12" in --accounts/],
    ['--max-accounts-in-parallel for one account', ['--region', 'us-east-1', '--max-accounts-in-parallel', '2'], /^ha-audit: --max-accounts-in-parallel is used only with --accounts or --org; /],
  ])('%s: exit 2 and one line', async (_name, args, message) => {
    const run = await runCli(['scan', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});
