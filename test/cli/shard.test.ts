import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import { GLOBAL_REGION, type AccountInventory, type Inventory } from '../../src/model/inventory.js';
import { shardOf } from '../../src/model/shard.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws.js';
import { expectValidReport } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

// A small organisation on the wire-level fake: DNS in the caller's account, load balancers and
// data stores in a member account, data stores only in another. One process scanning it all is
// compared with three shards evaluated together.
const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const CALLER = '123456789012';
const MEMBERS = ['111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const SCOPE = ['--accounts', [CALLER, ...MEMBERS].join(','), '--role-name', 'Auditor', '--region', REGIONS.join(',')];

type Report = {
  scan: { complete: boolean; accounts: string[]; gaps: { accountId: string; region: string; service: string; code: string; class?: string }[] };
  findings: { ruleId: string; status: string; messageId: string; resource: { id: string; region: string; accountId: string } }[];
};
const key = (f: Report['findings'][number]) => `${f.ruleId} ${f.status} ${f.messageId} ${f.resource.accountId} ${f.resource.region} ${f.resource.id}`;

/** The demo account's contents as another account's (its id in every ARN). */
function asAccount(account: AccountInventory, accountId: string): AccountInventory {
  return JSON.parse(JSON.stringify(account).replaceAll(account.accountId, accountId)) as AccountInventory;
}

let fake: FakeAws;
let dir: string;
let env: Record<string, string>;
let whole: Report;
const shardFiles = [1, 2, 3].map((i) => `shard-${i}.json`);

beforeAll(async () => {
  const demo = await loadInventory('fixtures/demo/inventory.json');
  const account = demo.accounts[0]!;
  const dnsOnly: AccountInventory = { ...account, regions: [] };
  const lbAccount = { ...asAccount(account, MEMBERS[0]!), route53: { hostedZones: [], healthChecks: [] } };
  const dataAccount = asAccount({ ...account, route53: { hostedZones: [], healthChecks: [] }, regions: account.regions.map((r) => ({ ...r, elbv2: { loadBalancers: [], targetGroups: [] } })) }, MEMBERS[1]!);
  fake = await startFakeAws({ inventory: { ...demo, accounts: [dnsOnly] }, members: [lbAccount, dataAccount] });
  dir = mkdtempSync(join(tmpdir(), 'ha-audit-shards-'));
  env = { ...credentials, AWS_ENDPOINT_URL: fake.url };
  const run = await runCli(['scan', ...SCOPE, '--format', 'json'], { env });
  expect(run.stderr).toBe('');
  whole = expectValidReport(run.stdout) as Report;
  // Each shard alone, so that its calls can be told apart.
  for (const [i, file] of shardFiles.entries()) {
    const before = fake.requests.length;
    const shard = await runCli(['scan', ...SCOPE, '--shard', `${i + 1}/3`, '--save-inventory', join(dir, file)], { env });
    expect(shard.code, shard.stderr).toBe(0);
    expect(shard.stderr).toMatch(new RegExp(`^ha-audit: shard ${i + 1}/3 of scan [0-9a-f]{16}: `));
    // IAM (the account's alias) is global like Route 53: it goes with the account's global pair.
    touched.push(new Set(fake.requests.slice(before).filter((r) => r.service !== 'sts').map((r) => `${r.accountId}|${r.service === 'iam' ? 'global' : r.region}`)));
  }
}, 60_000);

afterAll(async () => {
  await fake.close();
});

const touched: Set<string>[] = [];
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Inventory;
const merge = (files: string[], extra: string[] = []) => runCli(['scan', ...files.flatMap((f) => ['--inventory', join(dir, f)]), ...extra, '--format', 'json']);

describe('a sharded scan (--shard I/N) of a simulated organisation', () => {
  it('the organisation has DNS in one account and load balancers in another, and the whole scan judges them together', () => {
    expect(whole.scan.complete).toBe(true);
    expect(whole.scan.accounts.sort()).toEqual([CALLER, ...MEMBERS].sort());
    const dns = whole.findings.filter((f) => f.ruleId.startsWith('r53-'));
    expect(new Set(dns.map((f) => f.resource.accountId))).toEqual(new Set([CALLER]));
    const app = whole.findings.filter((f) => f.ruleId.startsWith('app-') && f.status !== 'error');
    expect(app.length).toBeGreaterThan(0);
  });

  it('each shard collects exactly its share of the pairs, Route 53 of each account in one shard, and records it', () => {
    const inventories = shardFiles.map(read);
    const ids = new Set(inventories.map((i) => i.shard!.scanId));
    expect(ids.size).toBe(1);
    const all = [CALLER, ...MEMBERS].flatMap((a) => [GLOBAL_REGION, ...REGIONS].map((r) => `${a}|${r}`));
    const owned = inventories.map((i) => i.shard!.owns.flatMap((a) => a.regions.map((r) => `${a.accountId}|${r}`)));
    // A partition: every pair in exactly one shard, as the hash says.
    expect(owned.flat().sort()).toEqual([...all].sort());
    owned.forEach((pairs, i) => {
      for (const pair of pairs) expect(shardOf(pair.split('|')[0]!, pair.split('|')[1]!, 3)).toBe(i + 1);
      // Its calls (but STS) went to its pairs only.
      expect([...touched[i]!].every((pair) => pairs.includes(pair)), `${[...touched[i]!].join(' ')} / ${pairs.join(' ')}`).toBe(true);
      expect(inventories[i]!.shard).toMatchObject({ index: i + 1, count: 3 });
      expect(inventories[i]!.shard!.scope.map((a) => a.accountId).sort()).toEqual([CALLER, ...MEMBERS].sort());
    });
    expect(touched.every((pairs) => pairs.size > 0)).toBe(true);
  });

  it('evaluating every shard together gives the findings of one process scanning everything', async () => {
    const run = await merge([...shardFiles].reverse());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const merged = expectValidReport(run.stdout) as Report;
    expect(merged.scan.complete).toBe(true);
    expect(merged.findings.map(key).sort()).toEqual(whole.findings.map(key).sort());
  });

  it('what-if plays a loss on every shard together as on the live organisation', async () => {
    const scope = SCOPE.map((option) => (option === '--region' ? '--scan-region' : option));
    const live = await runCli(['what-if', '--zone', 'use1-az1', ...scope, '--format', 'json'], { env });
    const sharded = await runCli(['what-if', '--zone', 'use1-az1', ...shardFiles.flatMap((f) => ['--inventory', join(dir, f)]), '--format', 'json']);
    expect(sharded.stderr).toBe('');
    expect(sharded.code).toBe(live.code);
    const played = (run: { stdout: string }) => {
      const { affected, notJudged, survive, total, complete } = JSON.parse(run.stdout) as Record<string, unknown[]>;
      return { affected, notJudged, survive, total, complete };
    };
    expect(played(sharded).complete).toBe(true);
    expect(played(sharded).affected!.length).toBeGreaterThan(0);
    expect(played(sharded)).toEqual(played(live));
  });

  it('a missing shard leaves its share as gaps: exit 3, MissingShard over exactly its pairs', async () => {
    const run = await merge(shardFiles.slice(0, 2));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^ha-audit: warning: shard 3 of 3 of scan [0-9a-f]{16} not given: .*\n$/);
    const report = expectValidReport(run.stdout) as Report;
    const missing = report.scan.gaps.filter((g) => g.code === 'MissingShard');
    expect(missing.length).toBe(report.scan.gaps.length);
    expect(missing.every((g) => g.class === 'missing-shard')).toBe(true);
    const third = read(shardFiles[2]!).shard!.owns.flatMap((a) => a.regions.map((r) => `${a.accountId}|${r}`));
    expect(new Set(missing.map((g) => `${g.accountId}|${g.region}`))).toEqual(new Set(third));
    // What the two shards hold is judged as in the whole scan; nothing of the third passes.
    const inThird = (f: Report['findings'][number]) => third.includes(`${f.resource.accountId}|${f.resource.region}`);
    expect(report.findings.filter((f) => inThird(f) && f.status === 'pass' && !f.ruleId.startsWith('app-'))).toEqual([]);
  });

  it('refuses a shard given twice (overlapping shares), and a plain inventory among shards: exit 2, one line', async () => {
    const twice = await merge([shardFiles[0]!, shardFiles[0]!, shardFiles[1]!]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^ha-audit: inventories .*shard-1\.json and .*shard-1\.json are both shard 1\/3 of scan [0-9a-f]{16}; .*\n$/);
    const mixed = await runCli(['scan', '--inventory', join(dir, shardFiles[0]!), '--inventory', 'fixtures/demo/inventory.json']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.split('\n')).toHaveLength(2);
  });
});
