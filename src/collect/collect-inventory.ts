import { setMaxListeners } from 'node:events';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { HaAuditError } from '../model/errors.js';
import { classifyGap, operationGaps } from '../model/gap-class.js';
import { NOT_COLLECTED, OPERATIONS, REGIONAL_SERVICES, type Operation, type ServiceId } from '../model/operations.js';
import {
  emptyRoute53Inventory,
  GLOBAL_REGION,
  INVENTORY_FORMAT,
  INVENTORY_FORMAT_VERSION,
  type AccountInventory,
  type Gap,
  type Inventory,
  type RegionInventory,
  type SkippedAccount,
} from '../model/inventory.js';
import { scanIdOf, shareOf, type AccountRegions, type ShardSpec } from '../model/shard.js';
import { assumeRoleCredentials } from './assume-role.js';
import { accountAlias, listOrganizationAccounts, partitionOf, planAccounts, type AccountSelection, type AccountTarget } from './accounts.js';
import { collectAutoScaling } from './autoscaling.js';
import {
  createGlobalClients,
  createOrganizationsClient,
  createRegionClients,
  createStsClient,
  credentialProvider,
  type AwsCredentialIdentityProvider,
  type ConnectionOptions,
  type GlobalClients,
  type RegionClients,
} from './aws-clients.js';
import { collectDynamoDb } from './dynamodb.js';
import { collectAvailabilityZones, collectEnabledRegions, collectInstances, collectSubnets } from './ec2.js';
import { collectElastiCache } from './elasticache.js';
import { collectElbv2 } from './elbv2.js';
import { ACCOUNT_NAME_OPERATION, FLAG_OPERATIONS } from './collection-plan.js';
import { EndpointWatch, NoAnswer } from './endpoint-watch.js';
import { collectRds } from './rds.js';
import { collectRoute53 } from './route53.js';
import { CallFailed, errorCode, errorMessage, RegionCalls, untilStopped, type CallEvent, type RateLimit } from './region-calls.js';
import { Semaphore } from './semaphore.js';
import { compacted, StringPool } from '../model/string-pool.js';
import { scaledClock } from './token-bucket.js';

export interface CollectOptions extends ConnectionOptions, AccountSelection {
  /** Regions to scan; none means the default region of the environment or profile. */
  regions: string[];
  /** `--all-regions`: every region enabled for each account (EC2 `DescribeRegions`). */
  allRegions?: boolean;
  /** `--external-id` and `--role-session-name` of the roles assumed. */
  externalId?: string;
  roleSessionName?: string;
  /** Accounts collected at once (`--max-accounts-in-parallel`, default 4). */
  maxAccountsInParallel?: number;
  debug?: (message: string) => void;
  /** A problem the report alone would not show while it happens: an endpoint given up for not answering. */
  warn?: (message: string) => void;
  /** What the collection is doing, for a progress display. */
  onEvent?: (event: CollectEvent) => void;
  /** Each AWS call sent and ended, for a progress display. */
  onCall?: (call: CallProgress) => void;
  /** Stops the collection (`--timeout`, Ctrl-C); its reason, a `ScanStopped`, names the gaps left. */
  signal?: AbortSignal;
  /** `--max-api-rate`: the share of each service's published request rate to use, in (0, 1]. Default 1. */
  maxApiRate?: number;
  /** The bench simulates AWS faster than real time: it scales the rates by the same factor. */
  apiRates?: Partial<Record<ServiceId, RateLimit>>;
  /** `--shard I/N`: collect only this shard's share of the (account, region) pairs, and record it. */
  shard?: ShardSpec;
  /** The operations to collect (`--rule` narrows them, see `operationsFor`); default all. */
  collects?: ReadonlySet<Operation>;
  /** Tests inject mocked clients here; a real scan builds them from the options. */
  clientsFor?: (region: string, accountId: string) => RegionClients;
  globalClients?: (accountId: string) => GlobalClients;
  organizationsClient?: () => OrganizationsClient;
}

/** A call sent (`start`) or ended (`end`: `throttled` if AWS throttled any of its attempts). */
export interface CallProgress {
  phase: 'start' | 'end';
  accountId: string;
  region: string;
  service: string;
  throttled?: boolean;
}

/** Progress of a collection: a scope is one account's region, or its global services (`global`). */
export type CollectEvent =
  | { type: 'scopes-planned'; accountId: string; scopes: number }
  | { type: 'scope-started'; accountId: string; region: string }
  | { type: 'scope-finished'; accountId: string; region: string; calls: number; gaps: number }
  | { type: 'account-skipped'; accountId: string; reason: string };

/** Why a collection was stopped; the calls it cut become gaps with this code. */
export class ScanStopped extends Error {
  override readonly name = 'ScanStopped';

  constructor(
    readonly code: 'ScanTimeout' | 'Interrupted',
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_ACCOUNTS_IN_PARALLEL = 4;
const DEFAULT_SESSION_NAME = 'ha-audit';

/**
 * The caller's identity first (proof that the credentials work, and the partition), then the
 * accounts of the scan, a bounded number at once, each with its global services and every
 * region concurrently.
 */
export async function collectInventory(options: CollectOptions): Promise<Inventory> {
  // Every call in flight listens to the stop signal: hundreds at once are expected, not a leak.
  if (options.signal) setMaxListeners(0, options.signal);
  // Before STS has answered, an endpoint given up is the fatal error's to name; after, a warning
  // says so. Once stopped, the calls abandoned fail as their clients close: that is not silence.
  let identified = false;
  const endpointWatch =
    options.endpointWatch ??
    new EndpointWatch((failure) => {
      if (identified && !options.signal?.aborted) options.warn?.(`${failure.message}: its calls are gaps`);
    });
  options = { ...options, endpointWatch };
  // `--org` and `--all-regions` list what to scan, and the alias names it, whatever the rules read.
  if (options.collects) options.collects = new Set([...options.collects, ...FLAG_OPERATIONS, ACCOUNT_NAME_OPERATION]);
  const credentials = credentialProvider(options);
  const homeRegion = options.regions[0] ?? (await defaultRegion(options, credentials));
  const caller = await callerIdentity(options.regions.length > 0 ? options.regions : [homeRegion], options, credentials);
  identified = true;
  // The region whose STS answered serves the roles to assume too.
  const stsRegions = [caller.region];

  let orgAccounts: string[] = [];
  let organizationId: string | undefined;
  let names = new Map<string, string>();
  let skippedAccounts: SkippedAccount[] | undefined;
  if (options.org) {
    const listed = await organizationAccounts(caller.accountId, options, credentials);
    ({ active: orgAccounts, names, skipped: skippedAccounts, organizationId } = listed);
    for (const skipped of listed.skipped) {
      options.onEvent?.({ type: 'account-skipped', accountId: skipped.accountId, reason: skipped.state });
      options.debug?.(`account ${skipped.accountId}${skipped.name ? ` (${skipped.name})` : ''}: skipped, ${skipped.state}`);
    }
  }
  const planned = planAccounts(options, caller, orgAccounts);
  const several = planned.length > 1;
  const plannedRegions = options.regions.length > 0 ? options.regions : [homeRegion];
  // A shard knows its share before entering an account, unless each account lists its own regions.
  const targets = options.shard && !options.allRegions ? planned.filter((target) => shareOf([{ accountId: targetAccount(target, caller), regions: plannedRegions }], options.shard!).length > 0) : planned;
  const limit = new Semaphore(options.maxAccountsInParallel ?? DEFAULT_ACCOUNTS_IN_PARALLEL);
  // Shared across accounts: an organisation's accounts repeat each other's values (zones, states, settings).
  const strings = new StringPool();
  const collected = await Promise.all(
    targets.map((target) => limit.run(async () => compacted(await collectAccount(target, { options, credentials, caller, homeRegion, stsRegions, several, names }), strings))),
  );

  const inventory: Inventory = {
    format: INVENTORY_FORMAT,
    formatVersion: INVENTORY_FORMAT_VERSION,
    collectedAt: new Date().toISOString(),
    accounts: collected.map((c) => c.account),
    gaps: collected.flatMap((c) => c.gaps),
    ...(skippedAccounts ? { skippedAccounts } : {}),
  };
  if (!options.shard) return inventory;
  const accountIds = planned.map((target) => targetAccount(target, caller));
  const listed = new Map(collected.map((c) => [c.scope.accountId, c.scope]));
  const scope = accountIds.map((accountId) => listed.get(accountId) ?? { accountId, regions: plannedRegions });
  const scanId = scanIdOf({
    ...(organizationId !== undefined ? { organizationId } : {}),
    accounts: accountIds,
    regions: options.allRegions ? 'all' : plannedRegions,
    operations: options.collects ? [...options.collects] : 'all',
    count: options.shard.count,
  });
  return { ...inventory, shard: { scanId, ...options.shard, scope, owns: shareOf(scope, options.shard) } };
}

/** The account a target is, before any role is assumed. */
function targetAccount(target: AccountTarget, caller: CallerIdentity): string {
  return target.kind === 'caller' ? caller.accountId : (target.accountId ?? accountOfArn(target.roleArn));
}

interface AccountContext {
  options: CollectOptions;
  credentials: AwsCredentialIdentityProvider;
  caller: CallerIdentity;
  homeRegion: string;
  stsRegions: string[];
  /** Several accounts: one that cannot be reached is a gap, not the end of the scan. */
  several: boolean;
  /** The organisation's names of its accounts (`--org`); the others are named by their alias. */
  names: ReadonlyMap<string, string>;
}

/** An account's inventory, its gaps, and its regions as planned (every region, whatever the shard's share). */
async function collectAccount(target: AccountTarget, context: AccountContext): Promise<{ account: AccountInventory; gaps: Gap[]; scope: AccountRegions }> {
  const { options, homeRegion } = context;
  let credentials = context.credentials;
  let accountId = context.caller.accountId;
  if (target.kind === 'role') {
    credentials = assumedRoleCredentials(target.roleArn, context);
    try {
      accountId = (await callerIdentity(context.stsRegions, options, credentials)).accountId;
    } catch (error) {
      const failure = assumeRoleError(target.roleArn, error);
      if (!context.several || stopError(options, false)) throw stopError(options, false) ?? failure;
      const unreachable = target.accountId ?? accountOfArn(target.roleArn);
      const name = context.names.get(unreachable);
      options.debug?.(`account ${unreachable}${name ? ` (${name})` : ''}: not scanned, ${failure.message}`);
      options.onEvent?.({ type: 'account-skipped', accountId: unreachable, reason: failure.message });
      // Stopped (--timeout) before this account was reached: the stop is the cause.
      const cause = options.signal?.aborted ? options.signal.reason : ((error as { cause?: unknown }).cause ?? error);
      const code = errorCode(cause);
      return {
        scope: { accountId: unreachable, regions: options.allRegions ? [] : options.regions.length > 0 ? options.regions : [homeRegion] },
        account: { accountId: unreachable, ...(name ? { name } : {}), route53: emptyRoute53Inventory(), regions: [] },
        gaps: [{ accountId: unreachable, region: GLOBAL_REGION, service: 'sts', operation: 'AssumeRole', code, message: errorMessage(cause), class: classifyGap(code) }],
      };
    }
  }

  const gaps: Gap[] = [];
  let regions = options.regions.length > 0 ? options.regions : [homeRegion];
  if (options.allRegions) {
    const calls = regionCalls(options, accountId, homeRegion);
    const clients = options.clientsFor?.(homeRegion, accountId) ?? createRegionClients(homeRegion, credentials, options);
    const enabled = await calls.guard(() => collectEnabledRegions(clients.ec2, calls));
    gaps.push(...calls.gaps);
    if (enabled) regions = enabled;
  }
  const scope = { accountId, regions };
  // A shard collects only the pairs it owns: some regions, and Route 53 or not.
  const share = options.shard ? (shareOf([scope], options.shard)[0]?.regions ?? []) : undefined;
  if (share) regions = regions.filter((region) => share.includes(region));
  options.debug?.(`account ${accountId}, regions ${regions.join(', ')}${share?.includes(GLOBAL_REGION) ? ' and Route 53' : ''}`);
  const globalOwned = !share || share.includes(GLOBAL_REGION);
  const globalWanted = globalOwned && wantsAny(options, 'route53');
  options.onEvent?.({ type: 'scopes-planned', accountId, scopes: regions.length + (globalWanted ? 1 : 0) });
  const knownName = context.names.get(accountId);

  const collectGlobal = async () => {
    if (!globalOwned) return { route53: emptyRoute53Inventory(), ...(knownName !== undefined ? { name: knownName } : {}), gaps: [] };
    const notWanted = notCollected(options, accountId, GLOBAL_REGION, ['route53']);
    if (!globalWanted && knownName !== undefined) return { route53: emptyRoute53Inventory(), name: knownName, gaps: notWanted };
    const started = Date.now();
    if (globalWanted) options.onEvent?.({ type: 'scope-started', accountId, region: GLOBAL_REGION });
    const calls = regionCalls(options, accountId, GLOBAL_REGION);
    const clients = options.globalClients?.(accountId) ?? createGlobalClients(credentials, options, homeRegion);
    const [route53, name] = await Promise.all([
      globalWanted ? collectRoute53(clients.route53, calls) : emptyRoute53Inventory(),
      knownName ?? aliasOf(clients, calls, options, accountId),
    ]);
    releaseClients(clients);
    if (globalWanted) finished(options, accountId, GLOBAL_REGION, calls, started);
    return { route53, name, gaps: [...calls.gaps, ...notWanted] };
  };
  const [global, ...regionResults] = await Promise.all([
    collectGlobal(),
    ...regions.map(async (region) => {
      const started = Date.now();
      options.onEvent?.({ type: 'scope-started', accountId, region });
      const calls = regionCalls(options, accountId, region);
      const clients = options.clientsFor?.(region, accountId) ?? createRegionClients(region, credentials, options);
      const inventory = await collectRegion(region, clients, calls);
      releaseClients(clients);
      finished(options, accountId, region, calls, started);
      return { inventory, gaps: [...calls.gaps, ...notCollected(options, accountId, region, REGIONAL_SERVICES)] };
    }),
  ]);
  return {
    scope,
    account: { accountId, ...(global!.name ? { name: global!.name } : {}), route53: global!.route53, regions: regionResults.map((r) => r.inventory) },
    gaps: [...gaps, ...global!.gaps, ...regionResults.flatMap((r) => r.gaps)],
  };
}

/** The calls of one account and region (`global`: its global services), paced, stoppable, reported. */
function regionCalls(options: CollectOptions, accountId: string, region: string): RegionCalls {
  const { onCall } = options;
  return new RegionCalls(accountId, region, {
    ...(options.maxApiRate !== undefined ? { rateFactor: options.maxApiRate } : {}),
    ...(options.apiRates ? { rates: options.apiRates } : {}),
    ...(options.timeScale !== undefined ? { clock: scaledClock(options.timeScale) } : {}),
    ...(options.collects ? { collects: options.collects } : {}),
    ...(onCall
      ? {
          onCall: (event: CallEvent) => {
            const call = { phase: event.phase, accountId, region, service: event.service };
            onCall(event.phase === 'end' ? { ...call, throttled: event.outcome === 'throttled' } : call);
          },
        }
      : {}),
  }).stopWhen(options.signal);
}


function wantsAny(options: CollectOptions, service: ServiceId): boolean {
  return !options.collects || OPERATIONS[service].some((name) => options.collects!.has(`${service}:${name}` as Operation));
}

/**
 * A gap for each operation of these services a narrowed scan left out (`NotCollected`), so that
 * a saved inventory never passes off data it never asked for as complete. An evaluation drops
 * those no rule it runs reads (`forRules`). `--all-regions`'s `DescribeRegions` is no data.
 */
function notCollected(options: CollectOptions, accountId: string, region: string, services: readonly ServiceId[]): Gap[] {
  if (!options.collects) return [];
  const left = (operation: Operation) => !options.collects!.has(operation);
  return operationGaps({ accountId, region, services, code: NOT_COLLECTED, message: 'not collected: the scan ran only some rules (--rule)' }, left);
}

/**
 * A scope's clients are done with once it is collected: their sockets are closed rather than
 * left to keep-alive, which adds up over 40 accounts of 17 regions (6 clients each). A call the
 * stop signal abandoned may still be retrying: destroying its client ends that too.
 */
function releaseClients(clients: RegionClients | GlobalClients): void {
  for (const client of Object.values(clients) as { destroy(): void }[]) client.destroy();
}

function finished(options: CollectOptions, accountId: string, region: string, calls: RegionCalls, started: number): void {
  const count = [...calls.counts.values()].reduce((a, b) => a + b, 0);
  options.onEvent?.({ type: 'scope-finished', accountId, region, calls: count, gaps: calls.gaps.length });
  options.debug?.(`account ${accountId} ${region}: ${count} calls in ${Date.now() - started} ms, ${calls.gaps.length} gap(s)`);
}

/**
 * The account's alias, to name it in the reports. A failure is no gap: no verdict reads a name,
 * and a scan complete in every verdict must not exit 3 for want of one. `--debug` says why.
 */
async function aliasOf(clients: GlobalClients, calls: RegionCalls, options: CollectOptions, accountId: string): Promise<string | undefined> {
  try {
    return await accountAlias(clients.iam, calls);
  } catch (error) {
    const cause = error instanceof CallFailed ? error : undefined;
    options.debug?.(`account ${accountId}: no name, iam:ListAccountAliases failed (${cause?.code ?? errorCode(error)}: ${cause?.message ?? errorMessage(error)})`);
    return undefined;
  }
}

function assumedRoleCredentials(roleArn: string, { options, credentials, homeRegion, stsRegions }: AccountContext): AwsCredentialIdentityProvider {
  return assumeRoleCredentials(
    { roleArn, sessionName: options.roleSessionName ?? DEFAULT_SESSION_NAME, region: stsRegions[0] ?? homeRegion, ...(options.externalId ? { externalId: options.externalId } : {}) },
    credentials,
    options,
  );
}

function accountOfArn(arn: string): string {
  return arn.split(':')[4] || arn;
}

function assumeRoleError(roleArn: string, error: unknown): HaAuditError {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return new HaAuditError('no-credentials', `cannot assume role ${roleArn} (${errorCode(cause)}: ${errorMessage(cause)})`, 'check the role exists, that its trust policy allows the caller, and --external-id', { cause: error });
}

/** `--org`: the organisation's active accounts; a caller that may not list them cannot scan the organisation. */
async function organizationAccounts(callerAccountId: string, options: CollectOptions, credentials: AwsCredentialIdentityProvider) {
  const calls = regionCalls(options, callerAccountId, GLOBAL_REGION);
  const client = options.organizationsClient?.() ?? createOrganizationsClient(credentials, options, options.regions[0]);
  try {
    return await listOrganizationAccounts(client, calls);
  } catch (error) {
    const stopped = stopError(options, true);
    if (stopped) throw stopped;
    const cause = error instanceof CallFailed ? error : undefined;
    throw new HaAuditError(
      'aws-fatal',
      `cannot list the organisation's accounts (${cause?.code ?? errorCode(error)}: ${cause?.message ?? errorMessage(error)})`,
      'run --org from the management account or a delegated administrator allowed organizations:ListAccounts, or list the accounts with --accounts',
      { cause: error },
    );
  }
}

/** Everything at once, but the instances: their ids come from the target groups' health. */
export async function collectRegion(region: string, clients: RegionClients, calls: RegionCalls): Promise<RegionInventory> {
  const [elbv2, autoscaling, subnets, availabilityZones, rds, elasticache, dynamodb] = await Promise.all([
    collectElbv2(clients.elbv2, calls),
    collectAutoScaling(clients.autoscaling, calls),
    collectSubnets(clients.ec2, calls),
    collectAvailabilityZones(clients.ec2, calls),
    collectRds(clients.rds, calls),
    collectElastiCache(clients.elasticache, calls),
    collectDynamoDb(clients.dynamodb, calls),
  ]);
  const instanceIds = elbv2.targetGroups.filter((tg) => tg.targetType === 'instance').flatMap((tg) => tg.targets.map((t) => t.id));
  const instances = await collectInstances(clients.ec2, calls, instanceIds);
  return { region, elbv2, autoscaling, ec2: { instances, subnets, ...(availabilityZones ? { availabilityZones } : {}) }, rds, elasticache, dynamodb };
}

/**
 * The region when none is given, in the AWS CLI's order: `AWS_REGION`, then `AWS_DEFAULT_REGION`
 * (the SDK reads only the first; many CI set-ups set only the second), then the profile.
 */
async function defaultRegion(options: ConnectionOptions, credentials: AwsCredentialIdentityProvider): Promise<string> {
  const fromCliVariable = process.env.AWS_DEFAULT_REGION?.trim();
  if (!process.env.AWS_REGION?.trim() && fromCliVariable) return fromCliVariable;
  try {
    const region = await createStsClient(undefined, credentials, options).config.region();
    if (region) return region;
  } catch {
    // No region anywhere in the chain: the error below says what to do.
  }
  throw new HaAuditError('no-region', 'no AWS region given', 'pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set a region in your AWS profile');
}

/**
 * STS `GetCallerIdentity`: the account id, and the first proof that the credentials work. Asked
 * in each region in turn until one answers: the first may be an opt-in region the account has not
 * enabled, which must not stop the scan of the others. Missing credentials fail at once.
 */
interface CallerIdentity {
  accountId: string;
  partition: string;
  /** The region whose STS answered. */
  region: string;
}

/**
 * The error a stop makes of a phase that has nothing to report yet (STS, the organisation's
 * accounts): Ctrl-C ends with 130; `--timeout` before anything was collected is fatal. With
 * `alwaysFatal` false, a timeout is left to the caller (an account not reached becomes a gap).
 */
function stopError(options: CollectOptions, alwaysFatal: boolean): HaAuditError | undefined {
  if (!options.signal?.aborted) return undefined;
  const reason: unknown = options.signal.reason;
  if (reason instanceof ScanStopped && reason.code === 'Interrupted') return new HaAuditError('interrupted', 'interrupted: the scan stopped and no report was written');
  if (!alwaysFatal) return undefined;
  const what = reason instanceof Error ? reason.message : 'the scan was stopped';
  return new HaAuditError('aws-fatal', `${what} before AWS answered: nothing was collected`, 'check the network, the region and --endpoint-url / AWS_ENDPOINT_URL, or give --timeout more time');
}

async function callerIdentity(regions: string[], options: CollectOptions, credentials: AwsCredentialIdentityProvider): Promise<CallerIdentity> {
  let firstFailure: { error: unknown; region: string } | undefined;
  for (const region of regions) {
    try {
      const sending = createStsClient(region, credentials, options).send(new GetCallerIdentityCommand({}), options.signal ? { abortSignal: options.signal } : {});
      // STS calls bypass `RegionCalls`: they stop with the scan here.
      const identity = await untilStopped(sending, options.signal, () => options.signal?.reason);
      if (identity.Account) return { accountId: identity.Account, partition: partitionOf(identity.Arn), region };
      throw new HaAuditError('aws-fatal', 'STS GetCallerIdentity returned no account id');
    } catch (error) {
      const stopped = stopError(options, true);
      if (stopped) throw stopped;
      if (error instanceof HaAuditError || errorCode(error) === 'CredentialsProviderError') throw credentialError(error, region, options.profile);
      firstFailure ??= { error, region };
    }
  }
  throw credentialError(firstFailure!.error, firstFailure!.region, options.profile);
}

const REJECTED_CREDENTIALS = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'AuthFailure']);
const EXPIRED_CREDENTIALS = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);

function credentialError(error: unknown, region: string, profile: string | undefined): HaAuditError {
  if (error instanceof HaAuditError) return error;
  if (error instanceof NoAnswer) {
    return new HaAuditError('aws-fatal', `${error.message} to STS GetCallerIdentity: nothing was collected`, 'check the network, the region and --endpoint-url / AWS_ENDPOINT_URL', { cause: error });
  }
  const code = errorCode(error);
  const message = errorMessage(error);
  if (code === 'CredentialsProviderError') {
    const hint = profile
      ? `check that the profile exists (\`aws configure list-profiles\`) and, for SSO, run \`aws sso login --profile ${profile}\``
      : 'set AWS_PROFILE or pass --profile, run `aws configure` or `aws sso login`, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
    return new HaAuditError('no-credentials', `no usable AWS credentials${profile ? ` for profile ${profile}` : ''}: ${message}`, hint, { cause: error });
  }
  if (EXPIRED_CREDENTIALS.has(code)) {
    return new HaAuditError('no-credentials', `the AWS credentials have expired (${code})`, 'refresh them (for SSO: `aws sso login`) and scan again', { cause: error });
  }
  if (REJECTED_CREDENTIALS.has(code)) {
    return new HaAuditError('no-credentials', `AWS rejected the credentials (${code}: ${message})`, 'check the access key, the profile, the clock of this machine, and that the region is enabled for the account', {
      cause: error,
    });
  }
  return new HaAuditError('aws-fatal', `could not call STS GetCallerIdentity in ${region} (${code}: ${message})`, 'check the network, the region and --endpoint-url / AWS_ENDPOINT_URL', {
    cause: error,
  });
}
