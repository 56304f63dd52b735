// A live scan of a simulated organisation (`npm run bench` runs it in child processes, one per
// case, so that each measures its own memory): `collectInventory --org` from dist/ drives real SDK
// clients against the simulated AWS of bench-account.mjs, one simulated account and region per
// scope, each with AWS's own token buckets (per account and region; Route 53 and IAM per account).
// Organizations and STS (ListAccounts, AssumeRole) are mocked and answer at once.
//
//   node --expose-gc scripts/bench-org.mjs [--accounts 200] [--regions us-east-1,eu-west-1]
//        [--parallel 16] [--time-scale 10] [--latency-ms 50] [--no-evaluate] [--live-heap] [--json]
//        [--shard I/N --save-inventory FILE]
//   node --expose-gc scripts/bench-org.mjs --merge s1.json,s2.json,...   evaluates the shards together
//   node --expose-gc scripts/bench-org.mjs --bench [--accounts 40]        the figures of `npm run bench`, alone
//        (BENCH_ORG_LARGE_ACCOUNTS=N: the organisation measured whole in one process under a 1 GB heap; default 2000, 0 skips)
//
// --live-heap also collects the garbage once a second and samples the heap then: what the scan
// needs (its live objects), not how far V8 lets garbage pile up before collecting, which is what
// the 20 ms samples of `heapUsed` see (it grows with the heap V8 chooses, not with the need).
//
// --time-scale N as in bench-account.mjs: AWS's rates × N, latency and ha-audit's waits ÷ N;
// times are reported in AWS seconds. The organisation's accounts all serve the same generated
// small account (ORG_SHAPE): the simulator's memory stays the same whatever the number of
// accounts, so the growth of the heap is the scanner's (each account's inventory is its own copy).
//
// --shard I/N collects only that shard's share (as `scan --shard I/N`) and saves it with the
// collector's own serialisation; --merge reads the shards as `scan --inventory A --inventory B`
// does (parse, merge, evaluate). `benchOrganization` runs N shards as concurrent children.
import { spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { rules } from '../dist/rules/index.js';
import { clientConfig, watchAttempts } from '../dist/src/collect/aws-clients.js';
import { collectInventory } from '../dist/src/collect/collect-inventory.js';
import { evaluate, judge, reportOf } from '../dist/src/engine/evaluate.js';
import { parseInventory, serializeInventoryPieces } from '../dist/src/model/inventory-file.js';
import { renderJsonChunks } from '../dist/src/report/json.js';
import { mergeInventories } from '../dist/src/model/merge-inventories.js';
import { AWS_BUCKETS, generateAccount, SimulatedAws } from './bench-account.mjs';

/** A small account, as the issue gives it: 10 load balancers, 40 target groups... */
export const ORG_SHAPE = {
  loadBalancers: 10,
  networkLoadBalancers: 2,
  targetGroups: 40,
  unattachedTargetGroups: 2,
  listenerRules: 20,
  autoScalingGroups: 10,
  hostedZones: 1,
  recordsPerZone: 40,
  healthChecks: 4,
  dbInstances: 2,
  auroraClusters: 1,
  replicationGroups: 1,
  tables: 3,
};

const FIRST_ACCOUNT = 100_000_000_000;
const MB = 1024 * 1024;

/**
 * One scan of a simulated organisation of `accounts` accounts (the first is the caller's, the
 * management account), each in `regions`, at most `parallel` accounts at once.
 */
export async function runSimulatedOrganization({ accounts = 200, regions = ['us-east-1', 'eu-west-1'], parallel = 16, timeScale = 10, latencyMs = 50, evaluateToo = true, keepInventory = false, liveHeap = false, shard, saveInventory } = {}) {
  const ids = Array.from({ length: accounts }, (_, i) => String(FIRST_ACCOUNT + i));
  const caller = ids[0];
  // Each scope (account and region, or an account's global services) is its own small account,
  // with names of its own (DNS names are unique in AWS), generated when the scan reaches it and
  // dropped once the scan has closed its clients: the simulator's memory follows --parallel, and
  // the growth of the heap with the number of accounts is the scanner's.
  // The variant is the scope's own (not the order the scan reaches it): a shard sees the same accounts as one process.
  const scopes = new Map();
  const variantOf = (accountId, scope) => (Number(accountId) - FIRST_ACCOUNT) * (regions.length + 1) + regions.indexOf(scope) + 2;
  const awsOf = (accountId, scope) => {
    const key = `${accountId}/${scope}`;
    if (!scopes.has(key)) scopes.set(key, { aws: new SimulatedAws(generateAccount(ORG_SHAPE, variantOf(accountId, scope), { accountId, region: scope === 'global' ? 'us-east-1' : scope }), { latencyMs, timeScale, busy: 0, drained: false, randomThrottle: 0, seed: 1 }), open: 0 });
    return scopes.get(key);
  };
  const credentials = async () => ({ accessKeyId: `AKIA${caller}`, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  const simulated = (Client, service, region, scope) => {
    const client = watchAttempts(new Client(clientConfig(region, credentials, { timeScale })));
    client.middlewareStack.add(scope.aws.middleware(service), { step: 'deserialize', priority: 'high', name: 'simulatedAws' });
    scope.open += 1;
    const destroy = client.destroy.bind(client);
    client.destroy = () => {
      destroy();
      // The scan is done with the scope: its generated account goes (its counts stay).
      if (--scope.open === 0) scope.aws.handlers = undefined;
    };
    return client;
  };

  // The organisation and the roles: the management account lists every account, 20 a page, and
  // assumed-role credentials carry their account in the key id, so STS knows who calls.
  // Not aws-sdk-client-mock: its sinon stubs keep every call's arguments and stack (and, through
  // them, the scan's closures and their data) after restore(), which the memory figures would count.
  const restoreOrganizations = answer(OrganizationsClient, (command) => {
    if (!(command instanceof ListAccountsCommand)) throw new Error(`bench-org: unexpected ${command.constructor.name}`);
    const { NextToken, MaxResults = 20 } = command.input;
    const start = NextToken ? Number(NextToken) : 0;
    const end = start + MaxResults;
    const page = ids.slice(start, end).map((Id, i) => ({ Id, Name: `team-${start + i}`, State: 'ACTIVE', Status: 'ACTIVE', Email: `aws+${Id}@example.com` }));
    return { Accounts: page, ...(end < ids.length ? { NextToken: String(end) } : {}) };
  });
  const restoreSts = answer(STSClient, async (command, client) => {
    if (command instanceof AssumeRoleCommand) {
      const { RoleArn, RoleSessionName } = command.input;
      const account = RoleArn.split(':')[4];
      return {
        Credentials: { AccessKeyId: `ASIA${account}`, SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(Date.now() + 3_600_000) },
        AssumedRoleUser: { AssumedRoleId: `AROAEXAMPLE:${RoleSessionName}`, Arn: `arn:aws:sts::${account}:assumed-role/Audit/${RoleSessionName}` },
      };
    }
    if (command instanceof GetCallerIdentityCommand) {
      const { accessKeyId } = await client.config.credentials();
      const account = accessKeyId.slice(4);
      return { Account: account, Arn: `arn:aws:iam::${account}:user/auditor`, UserId: 'AIDAEXAMPLE' };
    }
    throw new Error(`bench-org: unexpected ${command.constructor.name}`);
  });
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: `AKIA${caller}`, AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_REGION: regions[0] });

  const { baseHeap, peak, sample, sampler } = peakSampler();
  let liveMax = baseHeap;
  const sampleLive = () => {
    globalThis.gc();
    liveMax = Math.max(liveMax, process.memoryUsage().heapUsed);
  };
  const liveSampler = liveHeap ? setInterval(sampleLive, 1000) : undefined;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let inventory;
  try {
    inventory = await collectInventory({
      regions,
      org: true,
      roleName: 'Audit',
      maxAccountsInParallel: parallel,
      timeScale,
      ...(shard ? { shard } : {}),
      organizationsClient: () => new OrganizationsClient({ region: 'us-east-1' }),
      clientsFor: (region, accountId) => {
        const aws = awsOf(accountId, region);
        return {
          elbv2: simulated(ElasticLoadBalancingV2Client, 'elbv2', region, aws),
          autoscaling: simulated(AutoScalingClient, 'autoscaling', region, aws),
          ec2: simulated(EC2Client, 'ec2', region, aws),
          rds: simulated(RDSClient, 'rds', region, aws),
          elasticache: simulated(ElastiCacheClient, 'elasticache', region, aws),
          dynamodb: simulated(DynamoDBClient, 'dynamodb', region, aws),
        };
      },
      globalClients: (accountId) => {
        const aws = awsOf(accountId, 'global');
        return { route53: simulated(Route53Client, 'route53', 'us-east-1', aws), iam: simulated(IAMClient, 'iam', 'us-east-1', aws) };
      },
    });
  } finally {
    restoreOrganizations();
    restoreSts();
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  sample();
  const collectPeak = { ...peak };
  globalThis.gc?.();
  // What the process holds once collected: the inventory, which the evaluation reads whole.
  const retainedHeap = process.memoryUsage().heapUsed - baseHeap;
  if (saveInventory) writeFileSync(saveInventory, [...(await serializeInventoryPieces(inventory))].join(''));

  // Calls and the floor: per scope, per service, (calls - AWS's burst) / AWS's rate, the largest;
  // an account lasts as long as its slowest scope (its regions and Route 53 run at once); the
  // rate limits of accounts are independent, so `parallel` accounts go at once, in rounds.
  let calls = 0;
  let throttled = 0;
  const accountFloor = new Map();
  for (const [key, { aws }] of scopes) {
    const accountId = key.split('/')[0];
    const perService = {};
    for (const [operation, stat] of aws.stats) {
      const service = operation.split(':')[0];
      calls += stat.requests - stat.throttled;
      throttled += stat.throttled;
      perService[service] = (perService[service] ?? 0) + stat.requests - stat.throttled;
    }
    const floor = Math.max(0, ...Object.entries(perService).map(([service, n]) => Math.max(0, n - AWS_BUCKETS[service].burst) / AWS_BUCKETS[service].rate));
    accountFloor.set(accountId, Math.max(accountFloor.get(accountId) ?? 0, floor));
  }
  const slowestAccountFloorS = Math.max(...accountFloor.values());
  const rounds = Math.ceil(inventory.accounts.length / parallel);
  const figures = { accounts: inventory.accounts.length, gaps: inventory.gaps.length, named: inventory.accounts.filter((a) => a.name).length };
  // The simulated accounts are done with: what the process holds from here on is the scan's.
  scopes.clear();

  let evaluation;
  if (evaluateToo) {
    const now = new Date();
    const t = performance.now();
    // As `scan` does, the inventory is judged in a frame of its own and let go: neither the
    // baseline's comparison nor the report's writing holds it.
    const settings = { rules, source: 'live', startedAt: now, finishedAt: now };
    const judged = () => {
      const taken = inventory;
      if (!keepInventory) inventory = undefined;
      return judge(taken, settings);
    };
    const report = reportOf(judged(), settings);
    sample();
    // The finished report, held to be written.
    globalThis.gc?.();
    const withReportHeap = process.memoryUsage().heapUsed - baseHeap;
    liveMax = Math.max(liveMax, withReportHeap + baseHeap);
    const errors = {};
    for (const r of report.findings) if (r.status === 'error') errors[`${r.ruleId}:${r.messageId}`] = (errors[`${r.ruleId}:${r.messageId}`] ?? 0) + 1;
    const seconds = (performance.now() - t) / 1000;
    // The JSON report, as `scan --format json --output FILE` writes it (a piece at a time), counted, not kept.
    let jsonBytes = 0;
    for (const piece of renderJsonChunks(report)) jsonBytes += Buffer.byteLength(piece);
    sample();
    evaluation = { withReportHeapMB: withReportHeap / MB, findings: report.findings.length, digest: findingsDigest(report), complete: report.scan.complete, errors, seconds, jsonReportMB: jsonBytes / MB };
  }
  clearInterval(sampler);
  clearInterval(liveSampler);

  const awsWallS = (wallMs / 1000) * timeScale;
  return {
    accounts: figures.accounts,
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    regions,
    parallel,
    timeScale,
    latencyMs,
    awsWallS,
    measuredS: wallMs / 1000,
    // The SDK's work per call (serialising, signing, middleware) and the simulator's: when this
    // nears the measured time × the cores free, the machine, not AWS, bounds the run.
    cpuS: (cpu.user + cpu.system) / 1e6,
    calls,
    throttled,
    gaps: figures.gaps,
    named: figures.named,
    slowestAccountFloorS,
    rounds,
    floorS: slowestAccountFloorS * rounds,
    ratio: awsWallS / (slowestAccountFloorS * rounds),
    peakHeapMB: (collectPeak.heap - baseHeap) / MB,
    peakRssMB: collectPeak.rss / MB,
    retainedHeapMB: retainedHeap / MB,
    peakHeapWithEvaluationMB: (peak.heap - baseHeap) / MB,
    peakRssWithEvaluationMB: peak.rss / MB,
    ...(liveHeap ? { peakLiveHeapMB: (liveMax - baseHeap) / MB } : {}),
    baseHeapMB: baseHeap / MB,
    evaluation,
    ...(keepInventory ? { inventory } : {}),
  };
}

/** Every client of the class answers `send` with `respond(command, client)`; returns the undo. */
function answer(Client, respond) {
  const send = Client.prototype.send;
  Client.prototype.send = async function (command) {
    return { $metadata: {}, ...(await respond(command, this)) };
  };
  return () => {
    Client.prototype.send = send;
  };
}

/**
 * The findings as a set: SHA-256 of the sorted SHA-256s of every result's JSON (the order of
 * accounts may differ between runs). Each result's JSON is hashed at once and dropped: 914,000 of
 * them at 2,000 accounts would be 600 MB, more than the scan.
 */
function findingsDigest(report) {
  const each = report.findings.map((r) => createHash('sha256').update(JSON.stringify(r)).digest('base64')).sort();
  const hash = createHash('sha256');
  for (const digest of each) hash.update(digest);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The heap and RSS high-water marks of this process from now on (sampled every 20 ms, and at
 * each `sample()`), above the heap after a collection (`baseHeap`); `clearInterval(sampler)` stops it.
 */
function peakSampler() {
  globalThis.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  const peak = { heap: baseHeap, rss: process.memoryUsage().rss };
  const sample = () => {
    const { heapUsed, rss } = process.memoryUsage();
    peak.heap = Math.max(peak.heap, heapUsed);
    peak.rss = Math.max(peak.rss, rss);
  };
  return { baseHeap, peak, sample, sampler: setInterval(sample, 20) };
}

/** `scan --inventory s1.json --inventory s2.json ...`: the shards read, merged and evaluated together. */
export async function evaluateShards(files) {
  const { baseHeap, peak, sample, sampler } = peakSampler();
  const started = performance.now();
  const read = [];
  for (const file of files) read.push({ file, inventory: await parseInventory(readFileSync(file, 'utf8'), file) });
  const inventory = mergeInventories(read);
  read.length = 0;
  globalThis.gc?.();
  const inventoryHeap = process.memoryUsage().heapUsed - baseHeap;
  const now = new Date();
  const report = evaluate({ inventory, rules, source: 'inventory', startedAt: now, finishedAt: now });
  const seconds = (performance.now() - started) / 1000;
  sample();
  globalThis.gc?.();
  const withReportHeap = process.memoryUsage().heapUsed - baseHeap;
  let jsonBytes = 0;
  for (const piece of renderJsonChunks(report)) jsonBytes += Buffer.byteLength(piece);
  sample();
  clearInterval(sampler);
  return {
    shards: files.length,
    accounts: inventory.accounts.length,
    gaps: inventory.gaps.length,
    findings: report.findings.length,
    digest: findingsDigest(report),
    complete: report.scan.complete,
    seconds,
    inventoryHeapMB: inventoryHeap / MB,
    withReportHeapMB: withReportHeap / MB,
    jsonReportMB: jsonBytes / MB,
    peakHeapMB: (peak.heap - baseHeap) / MB,
    peakRssMB: peak.rss / MB,
  };
}

/** One child process of this script, its JSON result. */
function runChild(args, { sync, nodeOptions = [] }) {
  const argv = ['--expose-gc', ...nodeOptions, fileURLToPath(import.meta.url), '--json', ...args];
  const parse = (status, stdout, stderr) => {
    if (status !== 0) throw new Error(`bench-org ${args.join(' ')} exited ${status}: ${stderr}`);
    return JSON.parse(stdout.trim().split('\n').at(-1));
  };
  if (sync) {
    const run = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 24 });
    return parse(run.status, run.stdout, run.stderr);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      try {
        resolve(parse(status, stdout, stderr));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * `--shard 1/N` … `N/N` as N concurrent children against the same simulated organisation, then
 * one child evaluating their inventories together. Throws unless the findings equal `single`'s.
 */
export async function runShards({ accounts, parallel, timeScale, count = 4, single }) {
  const dir = mkdtempSync(join(tmpdir(), 'ha-audit-bench-shards-'));
  try {
    const files = Array.from({ length: count }, (_, i) => join(dir, `shard-${i + 1}.json`));
    const shards = await Promise.all(
      files.map((file, i) => runChild(['--time-scale', String(timeScale), '--accounts', String(accounts), '--parallel', String(parallel), '--no-evaluate', '--shard', `${i + 1}/${count}`, '--save-inventory', file], { sync: false })),
    );
    const merge = runChild(['--merge', files.join(',')], { sync: true });
    if (merge.findings !== single.evaluation.findings || merge.digest !== single.evaluation.digest || merge.complete !== single.evaluation.complete) {
      throw new Error(
        `the ${count} shards merged do not give the single run's findings: ${merge.findings} results (digest ${merge.digest}, ${merge.complete ? 'complete' : 'incomplete'}) against ${single.evaluation.findings} (digest ${single.evaluation.digest}, ${single.evaluation.complete ? 'complete' : 'incomplete'})`,
      );
    }
    return { shards, merge };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The organisation's figures as `npm run bench` prints them: one child process per case (each
 * measures its own memory): --max-accounts-in-parallel 4, 16 and 64, then a quarter of the
 * organisation for the memory's growth per account.
 */
export async function benchOrganization({ accounts = 200, timeScale = 10, largeAccounts = 2000 } = {}) {
  const runOrganization = (args) => runChild(['--time-scale', String(timeScale), ...args], { sync: true });
  // The evaluation (every rule over every account) runs once, with --parallel 16.
  const runs = [4, 16, 64].map((parallel) => runOrganization(['--accounts', String(accounts), '--parallel', String(parallel), ...(parallel === 16 ? ['--live-heap'] : ['--no-evaluate'])]));
  // Four shards at once, each --parallel 16 (as the single run that evaluates), then their merge.
  const sharded = await runShards({ accounts, parallel: 16, timeScale, count: 4, single: runs[1] });
  const small = runOrganization(['--accounts', String(Math.max(10, Math.round(accounts / 4))), '--parallel', '16', '--live-heap']);
  const large = runs[1];
  const seconds = (s) => `${s.toFixed(0)} s`;
  const lines = [
    `Live scan of a simulated organisation (--org): ${accounts} accounts × ${large.regions.length} regions (${large.regions.join(', ')}), each 10 load balancers, 40 target groups, 10 Auto Scaling groups, a zone of 40 records, 2 DB instances, 3 tables; 50 ms a call; AWS's buckets per account and region`,
    `  time scaled ×${timeScale} (times in AWS seconds); floor = the slowest account's floor (${large.slowestAccountFloorS.toFixed(1)} s) × rounds (accounts ÷ parallel, rounded up)`,
    '  --max-accounts-in-parallel   wall time    floor   × floor   calls   throttled   gaps   CPU used   peak heap   peak RSS',
  ];
  for (const r of runs) {
    lines.push(
      `  ${String(r.parallel).padStart(26)} ${seconds(r.awsWallS).padStart(11)} ${seconds(r.floorS).padStart(8)} ${r.ratio.toFixed(2).padStart(9)} ${String(r.calls).padStart(7)} ${String(r.throttled).padStart(11)} ${String(r.gaps).padStart(6)} ${`${r.cpuS.toFixed(1)} s`.padStart(10)} ${`${r.peakHeapMB.toFixed(0)} MB`.padStart(11)} ${`${r.peakRssMB.toFixed(0)} MB`.padStart(10)}`,
    );
  }
  const slowest = Math.max(...sharded.shards.map((s) => s.awsWallS));
  const { merge } = sharded;
  lines.push(
    `  --shard 1/4 … 4/4 run at once (4 processes, --max-accounts-in-parallel 16 each), then \`scan --inventory\` of the 4 (read, merged, evaluated): ${merge.findings} results, equal to the single run's (digest ${merge.digest})`,
    `    slowest shard ${seconds(slowest)}, merge and evaluation ${merge.seconds.toFixed(1)} s (CPU, not scaled), total ≈ ${seconds(slowest + merge.seconds)}; single process --parallel 16: ${seconds(large.awsWallS)} + evaluation ${large.evaluation.seconds.toFixed(1)} s`,
    '    shard   accounts   wall time     calls   throttled   gaps   CPU used   peak heap   peak RSS',
    ...sharded.shards.map(
      (s) =>
        `    ${s.shard.padStart(5)} ${String(s.accounts).padStart(10)} ${seconds(s.awsWallS).padStart(11)} ${String(s.calls).padStart(9)} ${String(s.throttled).padStart(11)} ${String(s.gaps).padStart(6)} ${`${s.cpuS.toFixed(1)} s`.padStart(10)} ${`${s.peakHeapMB.toFixed(0)} MB`.padStart(11)} ${`${s.peakRssMB.toFixed(0)} MB`.padStart(10)}`,
    ),
    `    merge ${String(merge.accounts).padStart(10)} ${`${merge.seconds.toFixed(1)} s`.padStart(11)} ${'-'.padStart(9)} ${'-'.padStart(11)} ${String(merge.gaps).padStart(6)} ${'-'.padStart(10)} ${`${merge.peakHeapMB.toFixed(0)} MB`.padStart(11)} ${`${merge.peakRssMB.toFixed(0)} MB`.padStart(10)}`,
    `    the shards' calls add up to ${sharded.shards.reduce((n, s) => n + s.calls, 0)} (one process: ${large.calls}); they share this machine's cores, so the shards' wall time is bound by the CPU sooner than by AWS`,
  );
  lines.push(`  CPU: ${(large.calls / large.cpuS).toFixed(0)} calls per CPU-second in one process (the SDK's work per call and the simulator's): a floor that needs more calls a second is bound by the CPU, not by AWS`);
  // Memory: measured at two sizes with --parallel 16 (collection, then the evaluation of everything), extrapolated linearly.
  const perAccount = (key) => (large[key] - small[key]) / (large.accounts - small.accounts);
  const at2000 = (key) => large[key] + perAccount(key) * (2000 - large.accounts);
  for (const r of [small, large]) r.withReportHeapMB = r.evaluation.withReportHeapMB;
  lines.push(
    `  memory with --parallel 16, collection then evaluation (${large.evaluation.findings} results, evaluated in ${large.evaluation.seconds.toFixed(1)} s, ${large.evaluation.complete ? 'complete' : 'INCOMPLETE'}): ${small.accounts} accounts peak heap ${small.peakHeapWithEvaluationMB.toFixed(0)} MB, RSS ${small.peakRssWithEvaluationMB.toFixed(0)} MB; ${large.accounts} accounts ${large.peakHeapWithEvaluationMB.toFixed(0)} MB, ${large.peakRssWithEvaluationMB.toFixed(0)} MB; the inventory holds ${(perAccount('retainedHeapMB') * 1024).toFixed(0)} KB an account`,
    `  growth per account: ${(perAccount('peakHeapWithEvaluationMB') * 1024).toFixed(0)} KB of peak heap, ${(perAccount('peakRssWithEvaluationMB') * 1024).toFixed(0)} KB of peak RSS: 2,000 accounts ≈ ${at2000('peakHeapWithEvaluationMB').toFixed(0)} MB heap, ${at2000('peakRssWithEvaluationMB').toFixed(0)} MB RSS (linear from ${small.accounts} and ${large.accounts} accounts)`,
    `  live heap (garbage collected before each sample, once a second): peak ${small.peakLiveHeapMB.toFixed(0)} MB at ${small.accounts} accounts, ${large.peakLiveHeapMB.toFixed(0)} MB at ${large.accounts}; the report held once evaluated (the inventory let go, as scan does) ${small.withReportHeapMB.toFixed(0)} MB and ${large.withReportHeapMB.toFixed(0)} MB, ${(perAccount('withReportHeapMB') * 1024).toFixed(0)} KB an account: 2,000 accounts ≈ ${at2000('peakLiveHeapMB').toFixed(0)} MB of live heap (linear)`,
  );
  if (largeAccounts > 0) {
    // Measured, not extrapolated: the whole organisation in one process whose heap V8 may not grow
    // past 1 GB; if it runs out, again without the cap, for what it needs.
    const args = ['--time-scale', '100', '--accounts', String(largeAccounts), '--parallel', '64'];
    let capped;
    try {
      capped = runChild(args, { sync: true, nodeOptions: [`--max-old-space-size=${HEAP_LIMIT_MB}`] });
    } catch (error) {
      if (!/out of memory/.test(String(error))) throw error;
    }
    const whole = capped ?? runChild(args, { sync: true });
    lines.push(
      `  ${whole.accounts} accounts in one process (time ×100, --parallel 64), collected, evaluated (${whole.evaluation.findings} results, ${whole.evaluation.complete ? 'complete' : 'INCOMPLETE'}) and its JSON report written (${whole.evaluation.jsonReportMB.toFixed(0)} MB, counted): ${capped ? `fits a heap capped at ${HEAP_LIMIT_MB} MB (--max-old-space-size)` : `OUT OF MEMORY with the heap capped at ${HEAP_LIMIT_MB} MB (--max-old-space-size); without the cap`}:`,
      `    inventory ${whole.retainedHeapMB.toFixed(0)} MB, the report once evaluated ${whole.evaluation.withReportHeapMB.toFixed(0)} MB of live heap (${((whole.evaluation.withReportHeapMB * 1024) / whole.accounts).toFixed(0)} KB an account), peak heap ${whole.peakHeapWithEvaluationMB.toFixed(0)} MB, peak RSS ${whole.peakRssWithEvaluationMB.toFixed(0)} MB`,
    );
  }
  return lines.join('\n');
}

/** The goal of the organisation's memory: 2,000 accounts in one process within 1 GB. */
const HEAP_LIMIT_MB = 1024;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '200' },
      regions: { type: 'string', default: 'us-east-1,eu-west-1' },
      parallel: { type: 'string', default: '16' },
      'time-scale': { type: 'string', default: '10' },
      'latency-ms': { type: 'string', default: '50' },
      'no-evaluate': { type: 'boolean', default: false },
      'live-heap': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      shard: { type: 'string' },
      'save-inventory': { type: 'string' },
      merge: { type: 'string' },
      // The figures of `npm run bench`, alone: BENCH_ORG_ACCOUNTS, BENCH_ORG_TIME_SCALE.
      bench: { type: 'boolean', default: false },
    },
  });
  if (values.bench) {
    console.log(
      await benchOrganization({
        accounts: Number(process.env.BENCH_ORG_ACCOUNTS ?? values.accounts),
        timeScale: Number(process.env.BENCH_ORG_TIME_SCALE ?? values['time-scale']),
        largeAccounts: Number(process.env.BENCH_ORG_LARGE_ACCOUNTS ?? 2000),
      }),
    );
    process.exit(0);
  }
  if (values.merge) {
    console.log(JSON.stringify(await evaluateShards(values.merge.split(','))));
    process.exit(0);
  }
  const [index, count] = (values.shard ?? '').split('/').map(Number);
  if (values.shard && !(index >= 1 && index <= count && values['save-inventory'])) {
    console.error(`bench-org: --shard ${values.shard}: give --shard I/N (1 ≤ I ≤ N) and --save-inventory FILE`);
    process.exit(2);
  }
  const result = await runSimulatedOrganization({
    accounts: Number(values.accounts),
    regions: values.regions.split(','),
    parallel: Number(values.parallel),
    timeScale: Number(values['time-scale']),
    latencyMs: Number(values['latency-ms']),
    evaluateToo: !values['no-evaluate'],
    liveHeap: values['live-heap'],
    ...(values.shard ? { shard: { index, count }, saveInventory: values['save-inventory'] } : {}),
  });
  console.log(values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}
