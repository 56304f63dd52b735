import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { HaAuditError } from '../model/errors.js';
import { GLOBAL_REGION, INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, type Inventory, type RegionInventory } from '../model/inventory.js';
import { collectAutoScaling } from './autoscaling.js';
import {
  createGlobalClients,
  createRegionClients,
  createStsClient,
  credentialProvider,
  type ConnectionOptions,
  type GlobalClients,
  type RegionClients,
} from './aws-clients.js';
import { collectDynamoDb } from './dynamodb.js';
import { collectInstances, collectSubnets } from './ec2.js';
import { collectElastiCache } from './elasticache.js';
import { collectElbv2 } from './elbv2.js';
import { collectRds } from './rds.js';
import { collectRoute53 } from './route53.js';
import { errorCode, errorMessage, RegionCalls } from './region-calls.js';

export interface CollectOptions extends ConnectionOptions {
  /** Regions to scan; none means the default region of the environment or profile. */
  regions: string[];
  debug?: (message: string) => void;
  /** Tests inject mocked clients here; a real scan builds them from the options. */
  clientsFor?: (region: string) => RegionClients;
  globalClients?: () => GlobalClients;
}

/** The account of the credentials, then every region concurrently. */
export async function collectInventory(options: CollectOptions): Promise<Inventory> {
  const credentials = credentialProvider(options);
  const regions = options.regions.length > 0 ? options.regions : [await defaultRegion(options, credentials)];
  const accountId = await callerAccount(regions, options, credentials);
  options.debug?.(`account ${accountId}, regions ${regions.join(', ')}`);

  const collectGlobal = async () => {
    const calls = new RegionCalls(accountId, GLOBAL_REGION);
    const clients = options.globalClients?.() ?? createGlobalClients(credentials, options);
    const route53 = await collectRoute53(clients.route53, calls);
    options.debug?.(`route53: ${[...calls.counts.values()].reduce((a, b) => a + b, 0)} calls, ${calls.gaps.length} gap(s)`);
    return { route53, gaps: calls.gaps };
  };
  const [global, ...regionResults] = await Promise.all([
    collectGlobal(),
    ...regions.map(async (region) => {
      const started = Date.now();
      const calls = new RegionCalls(accountId, region);
      const clients = options.clientsFor?.(region) ?? createRegionClients(region, credentials, options);
      const inventory = await collectRegion(region, clients, calls);
      options.debug?.(`${region}: ${[...calls.counts.values()].reduce((a, b) => a + b, 0)} calls in ${Date.now() - started} ms, ${calls.gaps.length} gap(s)`);
      return { inventory, gaps: calls.gaps };
    }),
  ]);

  return {
    format: INVENTORY_FORMAT,
    formatVersion: INVENTORY_FORMAT_VERSION,
    collectedAt: new Date().toISOString(),
    accounts: [{ accountId, route53: global!.route53, regions: regionResults.map((r) => r.inventory) }],
    gaps: [...global!.gaps, ...regionResults.flatMap((r) => r.gaps)],
  };
}

/** Everything at once, but the instances: their ids come from the target groups' health. */
export async function collectRegion(region: string, clients: RegionClients, calls: RegionCalls): Promise<RegionInventory> {
  const [elbv2, autoscaling, subnets, rds, elasticache, dynamodb] = await Promise.all([
    collectElbv2(clients.elbv2, calls),
    collectAutoScaling(clients.autoscaling, calls),
    collectSubnets(clients.ec2, calls),
    collectRds(clients.rds, calls),
    collectElastiCache(clients.elasticache, calls),
    collectDynamoDb(clients.dynamodb, calls),
  ]);
  const instanceIds = elbv2.targetGroups.filter((tg) => tg.targetType === 'instance').flatMap((tg) => tg.targets.map((t) => t.id));
  const instances = await collectInstances(clients.ec2, calls, instanceIds);
  return { region, elbv2, autoscaling, ec2: { instances, subnets }, rds, elasticache, dynamodb };
}

async function defaultRegion(options: ConnectionOptions, credentials: ReturnType<typeof credentialProvider>): Promise<string> {
  try {
    const region = await createStsClient(undefined, credentials, options).config.region();
    if (region) return region;
  } catch {
    // No region anywhere in the chain: the error below says what to do.
  }
  throw new HaAuditError('no-region', 'no AWS region given', 'pass --region, set AWS_REGION, or set a region in your AWS profile');
}

/**
 * STS `GetCallerIdentity`: the account id, and the first proof that the credentials work. Asked
 * in each region in turn until one answers: the first may be an opt-in region the account has not
 * enabled, which must not stop the scan of the others. Missing credentials fail at once.
 */
async function callerAccount(regions: string[], options: ConnectionOptions, credentials: ReturnType<typeof credentialProvider>): Promise<string> {
  let firstFailure: { error: unknown; region: string } | undefined;
  for (const region of regions) {
    try {
      const identity = await createStsClient(region, credentials, options).send(new GetCallerIdentityCommand({}));
      if (identity.Account) return identity.Account;
      throw new HaAuditError('aws-fatal', 'STS GetCallerIdentity returned no account id');
    } catch (error) {
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
