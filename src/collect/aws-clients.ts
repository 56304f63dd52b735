import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { toolVersion } from '../package-info.js';
import { beforeAttempt } from './region-calls.js';

export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;

export interface ConnectionOptions {
  profile?: string;
  /** One endpoint for every service (`--endpoint-url`); else the SDK honours `AWS_ENDPOINT_URL*`. */
  endpointUrl?: string;
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
}

/** Route 53's and Organizations' control planes live in us-east-1 (aws partition). */
const ROUTE53_REGION = 'us-east-1';

/**
 * Configuration shared by every client: one credential provider (resolved once, not per
 * client), retries so a throttled call waits instead of failing, and a user agent that shows
 * ha-audit in CloudTrail.
 *
 * Retries: the SDK's `adaptive` mode, 10 attempts. `RegionCalls` paces every call (and
 * `paceRetries` every retry) at the published rates, so a quiet account never throttles; when
 * AWS throttles anyway (the account's own automation shares the bucket), adaptive mode also slows
 * the client to what AWS grants. Measured with the simulated account of `npm run bench` (1,167
 * ELB calls, real time): quiet, 113.3 s and no throttled request in both modes; automation using
 * 30% of every refill, 161 s in both modes but 67 throttled requests in adaptive mode against 483
 * in standard mode; buckets empty at the start, 117.9 s / 11 against 116.8 s / 43. Its cost: a
 * throttle before the client has measured its rate drops it to 0.5 request/s for a second or two
 * (a 5-load-balancer account, buckets empty: 7.7 s against 6.4 s).
 */
export function clientConfig(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions) {
  return {
    ...(region ? { region } : {}),
    credentials,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    retryMode: 'adaptive',
    maxAttempts: 10,
    customUserAgent: `ha-audit/${toolVersion()}`,
  };
}

export function credentialProvider(options: ConnectionOptions): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
}

/** What `paceRetries` needs of an SDK client: to add a step to its middleware stack. */
interface MiddlewareStackOwner {
  middlewareStack: {
    add(
      middleware: (next: (args: never) => Promise<unknown>) => (args: never) => Promise<unknown>,
      options: { name: string; step: 'finalizeRequest'; priority: 'low'; override: boolean },
    ): void;
  };
}

/**
 * Each attempt after the first of a call sent through `RegionCalls` waits for a token of the
 * service's bucket. The step runs inside the SDK's retry loop (`finalizeRequest`, after retry),
 * so the SDK's backoff still applies; the token keeps the retry within the pace.
 */
export function paceRetries<Client extends MiddlewareStackOwner>(client: Client): Client {
  client.middlewareStack.add(
    (next) => async (args) => {
      await beforeAttempt();
      return next(args);
    },
    { name: 'haAuditRetryPacing', step: 'finalizeRequest', priority: 'low', override: true },
  );
  return client;
}

export function createStsClient(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): STSClient {
  return new STSClient(clientConfig(region, credentials, options));
}

export function createRegionClients(region: string, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): RegionClients {
  const config = clientConfig(region, credentials, options);
  return {
    elbv2: paceRetries(new ElasticLoadBalancingV2Client(config)),
    autoscaling: paceRetries(new AutoScalingClient(config)),
    ec2: paceRetries(new EC2Client(config)),
    rds: paceRetries(new RDSClient(config)),
    elasticache: paceRetries(new ElastiCacheClient(config)),
    dynamodb: paceRetries(new DynamoDBClient(config)),
  };
}

export function createGlobalClients(credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): GlobalClients {
  return { route53: paceRetries(new Route53Client(clientConfig(ROUTE53_REGION, credentials, options))) };
}

/** Organizations' endpoint is global, in us-east-1 for the aws partition. */
export function createOrganizationsClient(credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): OrganizationsClient {
  return paceRetries(new OrganizationsClient(clientConfig(ROUTE53_REGION, credentials, options)));
}
