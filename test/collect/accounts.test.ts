import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { ListHealthChecksCommand, ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rules } from '../../rules/index.js';
import { listOrganizationAccounts, partitionOf, planAccounts } from '../../src/collect/accounts.js';
import { collectInventory, ScanStopped, type CollectEvent, type CollectOptions } from '../../src/collect/collect-inventory.js';
import { RegionCalls } from '../../src/collect/region-calls.js';
import { runRules } from '../../src/engine/run-rules.js';
import { exitCodeFor } from '../../src/engine/summary.js';
import { HaAuditError } from '../../src/model/errors.js';
import { scanIdOf } from '../../src/model/shard.js';
import { accessDenied, awsError, loadBalancer, responseMetadata } from '../support/aws-responses.js';
import { mockedRegions } from '../support/mocked-region.js';

const mockedRegion = mockedRegions();
// One stub per client class for the whole file: a second mockClient of a class replaces the first.
const organizations = mockClient(OrganizationsClient);
const sts = mockClient(STSClient);
// Route 53 answers empty: these tests are about accounts and regions.
const route53 = mockClient(Route53Client);
// Each account's alias, by the key id of its credentials (see keyOf).
const iam = mockClient(IAMClient);
afterAll(() => {
  organizations.restore();
  sts.restore();
  route53.restore();
  iam.restore();
});
const CALLER = '111111111111';
const MEMBER_A = '222222222222';
const MEMBER_B = '333333333333';

describe('planAccounts', () => {
  const caller = { accountId: CALLER, partition: 'aws' };

  it('scans the caller alone by default', () => {
    expect(planAccounts({}, caller)).toEqual([{ kind: 'caller' }]);
  });

  it('assumes --role-arn as given', () => {
    const roleArn = `arn:aws:iam::${MEMBER_A}:role/Auditor`;
    expect(planAccounts({ roleArn }, caller)).toEqual([{ kind: 'role', roleArn }]);
  });

  it('builds each role ARN from --role-name, in the caller partition, and keeps the caller own credentials for its own account', () => {
    expect(planAccounts({ accounts: [MEMBER_A, CALLER, MEMBER_A], roleName: 'Audit' }, { accountId: CALLER, partition: 'aws-cn' })).toEqual([
      { kind: 'role', accountId: MEMBER_A, roleArn: `arn:aws-cn:iam::${MEMBER_A}:role/Audit` },
      { kind: 'caller' },
    ]);
  });

  it('takes the organisation accounts with --org', () => {
    expect(planAccounts({ org: true, roleName: 'Audit' }, caller, [MEMBER_B])).toEqual([{ kind: 'role', accountId: MEMBER_B, roleArn: `arn:aws:iam::${MEMBER_B}:role/Audit` }]);
  });

  it('refuses --accounts without --role-name', () => {
    expect(() => planAccounts({ accounts: [MEMBER_A] }, caller)).toThrow(HaAuditError);
  });

  it('reads the partition of an ARN', () => {
    expect(partitionOf('arn:aws-us-gov:iam::111111111111:user/x')).toBe('aws-us-gov');
    expect(partitionOf(undefined)).toBe('aws');
  });
});

describe('listOrganizationAccounts', () => {
  afterEach(() => organizations.reset());

  const account = (id: string, state: string, legacyStatusOnly = false) => ({
    Id: id,
    Arn: `arn:aws:organizations::${CALLER}:account/o-exampleorgid/${id}`,
    Email: `aws+${id}@example.com`,
    Name: `account-${id}`,
    ...(legacyStatusOnly ? { Status: state } : { State: state, Status: state }),
    JoinedMethod: 'CREATED',
    JoinedTimestamp: new Date('2024-03-01T10:00:00Z'),
  });

  it('follows NextToken at 20 a page and keeps only active accounts', async () => {
    const all = Array.from({ length: 45 }, (_, i) => account(String(100000000000 + i), i === 7 ? 'SUSPENDED' : i === 30 ? 'PENDING_CLOSURE' : 'ACTIVE', i === 44));
    organizations.on(ListAccountsCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
      const offset = input.NextToken ? Number(input.NextToken.replace('token-', '')) : 0;
      const size = input.MaxResults ?? 20;
      const end = offset + size;
      return { Accounts: all.slice(offset, end), ...(end < all.length ? { NextToken: `token-${end}` } : {}), $metadata: responseMetadata() };
    });
    const { active, skipped } = await listOrganizationAccounts(new OrganizationsClient({ region: 'us-east-1' }), new RegionCalls(CALLER, 'global'));
    expect(organizations.commandCalls(ListAccountsCommand).map((c) => c.args[0].input)).toEqual([
      { MaxResults: 20 },
      { MaxResults: 20, NextToken: 'token-20' },
      { MaxResults: 20, NextToken: 'token-40' },
    ]);
    expect(active).toHaveLength(43);
    expect(active).toContain('100000000044');
    expect(skipped).toEqual([
      { accountId: '100000000007', name: 'account-100000000007', state: 'SUSPENDED' },
      { accountId: '100000000030', name: 'account-100000000030', state: 'PENDING_CLOSURE' },
    ]);
  });
});

describe('collectInventory across accounts and regions', () => {

  /** Assumed-role credentials carry their account in the key id, so the fake STS knows who calls. */
  const keyOf = (account: string) => `ASIA${account}`;

  beforeEach(() => {
    sts.reset();
    organizations.reset();
    route53.reset();
    route53.on(ListHostedZonesCommand).resolves({ HostedZones: [], IsTruncated: false, MaxItems: 100, $metadata: responseMetadata() });
    route53.on(ListHealthChecksCommand).resolves({ HealthChecks: [], IsTruncated: false, Marker: '', MaxItems: 1000, $metadata: responseMetadata() });
    iam.reset();
    // The caller's account has an alias, MEMBER_A none; MEMBER_B's role may not read it.
    iam.on(ListAccountAliasesCommand).callsFake(async (_input: unknown, getClient: () => IAMClient) => {
      const account = (await getClient().config.credentials()).accessKeyId.slice(4);
      if (account === MEMBER_B) throw accessDenied(`User: arn:aws:sts::${MEMBER_B}:assumed-role/Audit/ha-audit is not authorized to perform: iam:ListAccountAliases on resource: *`);
      return { AccountAliases: account === CALLER ? ['acme-<b>prod</b>'] : [], IsTruncated: false, $metadata: responseMetadata() };
    });
    vi.stubEnv('AWS_ACCESS_KEY_ID', `AKIA${CALLER}`);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    sts.on(AssumeRoleCommand).callsFake((input: { RoleArn: string; RoleSessionName: string }) => {
      const account = input.RoleArn.split(':')[4]!;
      if (account === MEMBER_B) throw accessDenied(`User: arn:aws:iam::${CALLER}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
      return {
        Credentials: { AccessKeyId: keyOf(account), SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(Date.now() + 3_600_000) },
        AssumedRoleUser: { AssumedRoleId: `AROA:${input.RoleSessionName}`, Arn: `arn:aws:sts::${account}:assumed-role/Audit/${input.RoleSessionName}` },
        $metadata: responseMetadata(),
      };
    });
    sts.on(GetCallerIdentityCommand).callsFake(async (_input: unknown, getClient: () => STSClient) => {
      const { accessKeyId } = await getClient().config.credentials();
      const account = accessKeyId.slice(4);
      return { UserId: 'AIDAEXAMPLE', Account: account, Arn: `arn:aws:iam::${account}:user/auditor`, $metadata: responseMetadata() };
    });
  });
  afterEach(() => vi.unstubAllEnvs());

  /** Each account has one load balancer per region, named after both. */
  const clientsFor = (region: string, accountId: string) => mockedRegion({ loadBalancers: [loadBalancer(`lb-${accountId}-${region}`, { region })] }, { region }).clients;
  /** `--org --role-name Audit` in us-east-1, with these options too. */
  const collectOrg = (extra: Partial<CollectOptions> = {}) =>
    collectInventory({ regions: ['us-east-1'], org: true, roleName: 'Audit', clientsFor, organizationsClient: () => new OrganizationsClient({ region: 'us-east-1' }), ...extra });

  it('scans two accounts through the same role name; every result carries its own account', async () => {
    const inventory = await collectInventory({ regions: ['us-east-1'], accounts: [MEMBER_A, CALLER], roleName: 'Audit', clientsFor });
    expect(inventory.gaps).toEqual([]);
    expect(inventory.accounts.map((a) => [a.accountId, a.regions[0]!.elbv2.loadBalancers.map((lb) => lb.name)])).toEqual([
      [MEMBER_A, [`lb-${MEMBER_A}-us-east-1`]],
      [CALLER, [`lb-${CALLER}-us-east-1`]],
    ]);
    const assumed = sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input);
    expect(assumed).toEqual([{ RoleArn: `arn:aws:iam::${MEMBER_A}:role/Audit`, RoleSessionName: 'ha-audit' }]);

    const results = runRules(inventory, { rules });
    for (const result of results.filter((r) => r.resource.name?.startsWith('lb-'))) {
      expect(result.resource.name).toContain(result.resource.accountId);
    }
    expect(new Set(results.map((r) => r.resource.accountId))).toEqual(new Set([MEMBER_A, CALLER]));
  });

  it('passes --external-id and --role-session-name to AssumeRole', async () => {
    const roleArn = `arn:aws:iam::${MEMBER_A}:role/Audit`;
    await collectInventory({ regions: ['us-east-1'], roleArn, externalId: 'ext-123', roleSessionName: 'nightly', clientsFor });
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toEqual({ RoleArn: roleArn, RoleSessionName: 'nightly', ExternalId: 'ext-123' });
  });

  it('an account whose role cannot be assumed is a gap: the other accounts are scanned, its rules give error, exit 3', async () => {
    const inventory = await collectInventory({ regions: ['us-east-1'], accounts: [MEMBER_A, MEMBER_B], roleName: 'Audit', clientsFor });
    expect(inventory.accounts.map((a) => a.accountId)).toEqual([MEMBER_A, MEMBER_B]);
    expect(inventory.accounts[1]!.regions).toEqual([]);
    expect(inventory.gaps).toEqual([expect.objectContaining({ accountId: MEMBER_B, region: 'global', service: 'sts', operation: 'AssumeRole', code: 'AccessDenied' })]);
    const results = runRules(inventory, { rules });
    const memberB = results.filter((r) => r.resource.accountId === MEMBER_B);
    expect(memberB).toHaveLength(rules.length);
    expect(memberB.every((r) => r.status === 'error' && r.messageId === 'dataMissing')).toBe(true);
    expect(results.some((r) => r.resource.accountId === MEMBER_A && r.status !== 'error')).toBe(true);
    expect(exitCodeFor(results, 'none', inventory.gaps.length === 0)).toBe(3);
  });

  it('a single --role-arn that cannot be assumed ends the scan with a clear error', async () => {
    const failure = await collectInventory({ regions: ['us-east-1'], roleArn: `arn:aws:iam::${MEMBER_B}:role/Audit`, clientsFor }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HaAuditError);
    expect((failure as HaAuditError).message).toMatch(/cannot assume role arn:aws:iam::333333333333:role\/Audit \(AccessDenied/);
  });

  it('--org scans the active accounts of a paginated ListAccounts and skips a suspended one', async () => {
    const member = (id: string, state: 'ACTIVE' | 'SUSPENDED') => ({ Id: id, Name: `n-${id}`, State: state, Status: state });
    organizations
      .on(ListAccountsCommand, { MaxResults: 20 })
      .resolvesOnce({ Accounts: [member(CALLER, 'ACTIVE'), member(MEMBER_B, 'SUSPENDED')], NextToken: 'page-2', $metadata: responseMetadata() })
      .on(ListAccountsCommand, { MaxResults: 20, NextToken: 'page-2' })
      .resolves({ Accounts: [member(MEMBER_A, 'ACTIVE')], $metadata: responseMetadata() });
    const events: CollectEvent[] = [];
    const inventory = await collectOrg({ onEvent: (e) => events.push(e) });
    expect(inventory.accounts.map((a) => a.accountId).sort()).toEqual([CALLER, MEMBER_A]);
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([`arn:aws:iam::${MEMBER_A}:role/Audit`]);
    expect(events).toContainEqual({ type: 'account-skipped', accountId: MEMBER_B, reason: 'SUSPENDED' });
    // The organisation names its accounts: no alias is asked; the skipped one is recorded, not a gap.
    expect(Object.fromEntries(inventory.accounts.map((a) => [a.accountId, a.name]))).toEqual({ [CALLER]: `n-${CALLER}`, [MEMBER_A]: `n-${MEMBER_A}` });
    expect(iam.commandCalls(ListAccountAliasesCommand)).toHaveLength(0);
    expect(inventory.skippedAccounts).toEqual([{ accountId: MEMBER_B, name: `n-${MEMBER_B}`, state: 'SUSPENDED' }]);
    expect(inventory.gaps).toEqual([]);
  });

  it('--org records every state that is not ACTIVE (State, or the retired Status alone), and names an account whose role fails', async () => {
    const [closed, closing, pending, unreachable] = ['555555555551', '555555555552', '555555555553', MEMBER_B];
    organizations.on(ListAccountsCommand).resolves({
      Accounts: [
        { Id: CALLER, Name: 'management', State: 'ACTIVE' },
        { Id: closed, Name: 'old', State: 'CLOSED' },
        { Id: closing, Name: 'closing', Status: 'PENDING_CLOSURE' },
        { Id: pending, Name: 'new', State: 'PENDING_ACTIVATION' },
        { Id: unreachable, Name: 'locked', State: 'ACTIVE', Status: 'ACTIVE' },
      ],
      $metadata: responseMetadata(),
    });
    const debug: string[] = [];
    const inventory = await collectOrg({ debug: (line) => debug.push(line) });
    expect(inventory.skippedAccounts).toEqual([
      { accountId: closed, name: 'old', state: 'CLOSED' },
      { accountId: closing, name: 'closing', state: 'PENDING_CLOSURE' },
      { accountId: pending, name: 'new', state: 'PENDING_ACTIVATION' },
    ]);
    expect(inventory.accounts.find((a) => a.accountId === unreachable)).toMatchObject({ name: 'locked', regions: [] });
    expect(inventory.gaps).toEqual([expect.objectContaining({ accountId: unreachable, service: 'sts', operation: 'AssumeRole' })]);
    // Every --debug line about an account names it.
    for (const id of [closed, closing, pending, unreachable]) expect(debug.some((line) => line.startsWith(`account ${id} (`))).toBe(true);
  });

  it('names an account by its alias without --org; a denied ListAccountAliases leaves it unnamed and is no gap', async () => {
    iam.on(ListAccountAliasesCommand).callsFake(async (_input: unknown, getClient: () => IAMClient) => {
      const account = (await getClient().config.credentials()).accessKeyId.slice(4);
      if (account === MEMBER_A) throw accessDenied(`User: arn:aws:sts::${MEMBER_A}:assumed-role/Audit/ha-audit is not authorized to perform: iam:ListAccountAliases on resource: *`);
      return { AccountAliases: account === CALLER ? ['acme-<b>prod</b>'] : [], IsTruncated: false, $metadata: responseMetadata() };
    });
    const debug: string[] = [];
    const inventory = await collectInventory({ regions: ['us-east-1'], accounts: [CALLER, MEMBER_A], roleName: 'Audit', clientsFor, debug: (line) => debug.push(line) });
    expect(inventory.accounts.map((a) => [a.accountId, a.name])).toEqual([
      [CALLER, 'acme-<b>prod</b>'],
      [MEMBER_A, undefined],
    ]);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.skippedAccounts).toBeUndefined();
    expect(iam.commandCalls(ListAccountAliasesCommand)).toHaveLength(2);
    expect(debug).toContainEqual(expect.stringMatching(new RegExp(`^account ${MEMBER_A}: no name, iam:ListAccountAliases failed \\(AccessDenied`)));
  });

  it('--org without the right to list accounts fails clearly', async () => {
    organizations.on(ListAccountsCommand).rejects(awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'));
    const failure = await collectOrg().catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ name: 'HaAuditError', message: expect.stringContaining('AWSOrganizationsNotInUseException') });
  });

  it('--all-regions scans the regions EC2 says are enabled', async () => {
    const regionsAsked: string[] = [];
    const inventory = await collectInventory({
      regions: [],
      allRegions: true,
      clientsFor: (region, accountId) => {
        regionsAsked.push(region);
        const fake = mockedRegion({}, { region });
        if (region === 'us-east-1' && accountId === CALLER) {
          fake.ec2.on(DescribeRegionsCommand, { AllRegions: false }).resolves({
            Regions: [
              { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
              { RegionName: 'ap-east-1', Endpoint: 'ec2.ap-east-1.amazonaws.com', OptInStatus: 'opted-in' },
              { RegionName: 'eu-south-1', Endpoint: 'ec2.eu-south-1.amazonaws.com', OptInStatus: 'not-opted-in' },
            ],
            $metadata: responseMetadata(),
          });
        }
        return fake.clients;
      },
    });
    expect(inventory.accounts[0]!.regions.map((r) => r.region)).toEqual(['ap-east-1', 'us-east-1']);
    expect(regionsAsked).not.toContain('eu-south-1');
  });

  it('--org --all-regions --shard: each shard lists the regions of every account, collects only its pairs, and records its share under the scan id of the organisation', async () => {
    const member = (id: string) => ({ Id: id, Name: `n-${id}`, State: 'ACTIVE' as const, Arn: `arn:aws:organizations::${CALLER}:account/o-exampleorgid/${id}` });
    organizations.on(ListAccountsCommand).resolves({ Accounts: [member(CALLER), member(MEMBER_A), member(MEMBER_B)], $metadata: responseMetadata() });
    const enabled = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const collected: string[] = [];
    const clients = (region: string, accountId: string) => {
      const fake = mockedRegion({ loadBalancers: [loadBalancer(`lb-${accountId}-${region}`, { region })] }, { region });
      fake.ec2.on(DescribeRegionsCommand).resolves({ Regions: enabled.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })), $metadata: responseMetadata() });
      fake.elbv2.on(DescribeLoadBalancersCommand).callsFake(() => {
        collected.push(`${accountId}|${region}`);
        return { LoadBalancers: [], $metadata: responseMetadata() };
      });
      return fake.clients;
    };
    const shards = [];
    for (const index of [1, 2, 3]) {
      shards.push(await collectInventory({ regions: [], allRegions: true, org: true, roleName: 'Audit', clientsFor: clients, organizationsClient: () => new OrganizationsClient({ region: 'us-east-1' }), shard: { index, count: 3 } }));
    }
    const records = shards.map((s) => s.shard!);
    expect(new Set(records.map((r) => r.scanId)).size).toBe(1);
    expect(records[0]!.scanId).toBe(scanIdOf({ organizationId: 'o-exampleorgid', accounts: [], regions: 'all', operations: 'all', count: 3 }));
    // Member B's role cannot be assumed: its scope has no region, its Route 53 pair is one shard's, and every shard that tried says why.
    expect(records[0]!.scope).toEqual([CALLER, MEMBER_A, MEMBER_B].map((accountId) => ({ accountId, regions: accountId === MEMBER_B ? [] : [...enabled].sort() })));
    const owned = records.flatMap((r) => r.owns.flatMap((a) => a.regions.filter((region) => region !== 'global').map((region) => `${a.accountId}|${region}`)));
    expect(owned.sort()).toEqual([CALLER, MEMBER_A].flatMap((a) => enabled.map((r) => `${a}|${r}`)).sort());
    expect(collected.sort()).toEqual(owned.sort());
    for (const [i, inventory] of shards.entries()) {
      for (const account of inventory.accounts) {
        const share = records[i]!.owns.find((a) => a.accountId === account.accountId)?.regions ?? [];
        expect(account.regions.map((r) => r.region)).toEqual(share.filter((r) => r !== 'global'));
      }
    }
    expect(shards.every((s) => s.gaps.every((g) => g.accountId === MEMBER_B && g.operation === 'AssumeRole'))).toBe(true);
  });

  it('collects regions concurrently: every region has started before the first one ends', async () => {
    const events: CollectEvent[] = [];
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
    await collectInventory({
      regions,
      clientsFor: (region) => mockedRegion({}, { region, latencyMs: { DescribeLoadBalancers: 100, DescribeTargetGroups: 100, DescribeSubnets: 100 } }).clients,
      onEvent: (e) => events.push(e),
    });
    const order = events.filter((e) => e.type === 'scope-started' || e.type === 'scope-finished').map((e) => `${e.type}:${'region' in e ? e.region : ''}`);
    const firstEnd = order.findIndex((e) => e.startsWith('scope-finished'));
    const startedBefore = order.slice(0, firstEnd).filter((e) => e.startsWith('scope-started') && !e.endsWith(':global'));
    expect(startedBefore.map((e) => e.split(':')[1]).sort()).toEqual([...regions].sort());
  });

  it('collects accounts concurrently, at most --max-accounts-in-parallel at once', async () => {
    const accounts = Array.from({ length: 5 }, (_, i) => String(444444444440 + i));
    let inFlight = 0;
    let peak = 0;
    await collectInventory({
      regions: ['us-east-1'],
      accounts,
      roleName: 'Audit',
      maxAccountsInParallel: 2,
      clientsFor: (region) => mockedRegion({}, { region, latencyMs: { DescribeLoadBalancers: 50 } }).clients,
      onEvent: (event) => {
        if (event.type === 'scopes-planned') peak = Math.max(peak, ++inFlight);
        // An account is done when its last scope (the region, slower than Route 53 here) ends.
        if (event.type === 'scope-finished' && event.region !== 'global') inFlight -= 1;
      },
    });
    expect(peak).toBe(2);
  });

  it('closes every client of a region once the region is collected', async () => {
    const destroyed: string[] = [];
    await collectInventory({
      regions: ['us-east-1', 'eu-west-1'],
      clientsFor: (region) => {
        const clients = mockedRegion({}, { region }).clients;
        for (const [service, client] of Object.entries(clients)) vi.spyOn(client, 'destroy').mockImplementation(() => void destroyed.push(`${region} ${service}`));
        return clients;
      },
    });
    expect(destroyed.sort()).toEqual(['eu-west-1', 'us-east-1'].flatMap((region) => ['autoscaling', 'dynamodb', 'ec2', 'elasticache', 'elbv2', 'rds'].map((s) => `${region} ${s}`)));
  });

  it('a stop (--timeout) cuts the calls in flight into gaps and returns what was collected', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const collection = collectInventory({
      regions: ['us-east-1'],
      signal: controller.signal,
      clientsFor: (region) => mockedRegion({ loadBalancers: [loadBalancer('quick-alb', { region })] }, { region, latencyMs: { DescribeTargetGroups: 10_000 } }).clients,
    });
    setTimeout(() => controller.abort(new ScanStopped('ScanTimeout', 'the scan reached --timeout 1s')), 200);
    const inventory = await collection;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(inventory.accounts[0]!.regions[0]!.elbv2.loadBalancers.map((lb) => lb.name)).toEqual(['quick-alb']);
    expect(inventory.gaps).toContainEqual(expect.objectContaining({ service: 'elbv2', operation: 'DescribeTargetGroups', code: 'ScanTimeout', message: 'the scan reached --timeout 1s', class: 'stopped' }));
  });
});
