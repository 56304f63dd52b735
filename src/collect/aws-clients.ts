import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { toolVersion } from '../package-info.js';
import { ANSWER_MS, CONNECT_MS, endpointOf, isNoAnswer, SILENCE_MS, type EndpointWatch } from './endpoint-watch.js';
import { attemptFailed, beforeAttempt } from './region-calls.js';
import { MAX_ATTEMPTS, ScanRetryStrategy } from './retry-strategy.js';

export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;

export interface ConnectionOptions {
  profile?: string;
  /** One endpoint for every service (`--endpoint-url`); else the SDK honours `AWS_ENDPOINT_URL*`. */
  endpointUrl?: string;
  /**
   * Tests of a fake AWS: every wait of the collector runs this many times faster (the pacing, the
   * pauses before re-sending a throttled call, the SDK's retry back-off and adaptive client rate),
   * so the scan keeps AWS's pace in scaled time. Default 1, real time.
   */
  timeScale?: number;
  /** The scan's record of endpoints that do not answer, shared by every client. */
  endpointWatch?: EndpointWatch;
}

export interface RegionClients {
  elbv2: ElasticLoadBalancingV2Client;
  autoscaling: AutoScalingClient;
  ec2: EC2Client;
  rds: RDSClient;
  elasticache: ElastiCacheClient;
  dynamodb: DynamoDBClient;
}

/** Clients of the global services, once per account. */
export interface GlobalClients {
  route53: Route53Client;
  /** The account's alias (`ListAccountAliases`). */
  iam: IAMClient;
}

/**
 * Route 53's, IAM's and Organizations' control planes are global: us-east-1 in the aws partition. In
 * the others (aws-cn, aws-us-gov, isolated ones) any region of the partition leads the SDK to
 * that partition's global endpoint, so the scan's own region is used.
 */
export function globalServiceRegion(homeRegion: string | undefined): string {
  return homeRegion && /^(cn|us-gov|us-iso[a-z]*|eu-isoe)-/.test(homeRegion) ? homeRegion : 'us-east-1';
}

/**
 * No SDK client waits forever: an endpoint that accepts a connection and never answers (a stuck
 * emulator, a proxy) would otherwise hang the scan. A timeout is an error; `watchAttempts` gives
 * up an endpoint that does not answer rather than let the SDK retry it.
 */
const REQUEST_HANDLER = { connectionTimeout: CONNECT_MS, socketTimeout: SILENCE_MS, requestTimeout: ANSWER_MS, throwOnRequestTimeout: true };

/**
 * Configuration shared by every client: one credential provider (resolved once, not per
 * client), retries so a throttled call waits instead of failing (`ScanRetryStrategy`: `RegionCalls`
 * and `watchAttempts` pace every attempt at the published rates, so the SDK adds no client-side
 * rate of its own), and a user agent that shows ha-audit in CloudTrail.
 */
export function clientConfig(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions) {
  return {
    ...(region ? { region } : {}),
    credentials,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    maxAttempts: MAX_ATTEMPTS,
    retryStrategy: new ScanRetryStrategy(options.timeScale),
    requestHandler: REQUEST_HANDLER,
    customUserAgent: `ha-audit/${toolVersion()}`,
  };
}

/**
 * The standard chain. Its warnings (e.g. "Multiple credential sources detected" when a profile
 * and environment keys are both set, common in CI) go to `--debug`, not to the user's stderr.
 */
export function credentialProvider(options: ConnectionOptions & { debug?: (message: string) => void }): AwsCredentialIdentityProvider {
  const debug = options.debug ?? (() => {});
  const logger = { debug: () => {}, info: () => {}, warn: (...args: unknown[]) => debug(`credentials: ${args.map(String).join(' ')}`), error: (...args: unknown[]) => debug(`credentials: ${args.map(String).join(' ')}`) };
  return fromNodeProviderChain({ ...(options.profile ? { profile: options.profile } : {}), logger });
}

/** What `watchAttempts` needs of an SDK client: to add a step to its middleware stack. */
interface MiddlewareStackOwner {
  middlewareStack: {
    add(
      middleware: (next: (args: never) => Promise<unknown>) => (args: never) => Promise<unknown>,
      options: { name: string; step: 'finalizeRequest'; priority: 'low'; override: boolean },
    ): void;
  };
}

/**
 * A step run around each attempt of a call, inside the SDK's retry loop (`finalizeRequest`, after
 * retry, so the SDK's backoff still applies):
 * - an attempt after the first of a call sent through `RegionCalls` waits for a token of the
 *   service's bucket, and a throttled attempt is told to `RegionCalls` (`attemptFailed`);
 * - an endpoint the scan has given up fails at once, and an attempt without any answer is told to
 *   the `EndpointWatch`, which may give the endpoint up: the SDK does not retry a `NoAnswer`.
 */
export function watchAttempts<Client extends MiddlewareStackOwner>(client: Client, watch?: EndpointWatch): Client {
  client.middlewareStack.add(
    (next) => async (args) => {
      await beforeAttempt();
      const endpoint = watch ? endpointOf((args as { request?: unknown }).request) : undefined;
      if (endpoint) watch!.check(endpoint);
      try {
        const output = await next(args);
        if (endpoint) watch!.answer(endpoint);
        return output;
      } catch (error) {
        attemptFailed(error);
        if (endpoint && isNoAnswer(error)) throw watch!.silence(endpoint, error) ?? error;
        if (endpoint) watch!.answer(endpoint);
        throw error;
      }
    },
    { name: 'haAuditAttempts', step: 'finalizeRequest', priority: 'low', override: true },
  );
  return client;
}

export function createStsClient(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): STSClient {
  return watchAttempts(new STSClient(clientConfig(region, credentials, options)), options.endpointWatch);
}

export function createRegionClients(region: string, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): RegionClients {
  const config = clientConfig(region, credentials, options);
  const watch = options.endpointWatch;
  return {
    elbv2: watchAttempts(new ElasticLoadBalancingV2Client(config), watch),
    autoscaling: watchAttempts(new AutoScalingClient(config), watch),
    ec2: watchAttempts(new EC2Client(config), watch),
    rds: watchAttempts(new RDSClient(config), watch),
    elasticache: watchAttempts(new ElastiCacheClient(config), watch),
    dynamodb: watchAttempts(new DynamoDBClient(config), watch),
  };
}

export function createGlobalClients(credentials: AwsCredentialIdentityProvider, options: ConnectionOptions, homeRegion?: string): GlobalClients {
  const config = clientConfig(globalServiceRegion(homeRegion), credentials, options);
  return { route53: watchAttempts(new Route53Client(config), options.endpointWatch), iam: watchAttempts(new IAMClient(config), options.endpointWatch) };
}

export function createOrganizationsClient(credentials: AwsCredentialIdentityProvider, options: ConnectionOptions, homeRegion?: string): OrganizationsClient {
  return watchAttempts(new OrganizationsClient(clientConfig(globalServiceRegion(homeRegion), credentials, options)), options.endpointWatch);
}
