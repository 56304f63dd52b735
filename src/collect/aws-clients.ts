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
 * client), retries with exponential backoff so a throttled call waits instead of failing, and a
 * user agent that shows ha-audit in CloudTrail. Not the SDK's `adaptive` mode: one throttle at
 * the start of a scan drops its client-side rate to 0.5 request/s (a demo scan went from 0.2 s to
 * 4.8 s against a fake AWS that throttled one call).
 */
export function clientConfig(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions) {
  return {
    ...(region ? { region } : {}),
    credentials,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    retryMode: 'standard',
    maxAttempts: 8,
    customUserAgent: `ha-audit/${toolVersion()}`,
  };
}

export function credentialProvider(options: ConnectionOptions): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
}

export function createStsClient(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): STSClient {
  return new STSClient(clientConfig(region, credentials, options));
}

export function createRegionClients(region: string, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): RegionClients {
  const config = clientConfig(region, credentials, options);
  return {
    elbv2: new ElasticLoadBalancingV2Client(config),
    autoscaling: new AutoScalingClient(config),
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    elasticache: new ElastiCacheClient(config),
    dynamodb: new DynamoDBClient(config),
  };
}

export function createGlobalClients(credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): GlobalClients {
  return { route53: new Route53Client(clientConfig(ROUTE53_REGION, credentials, options)) };
}

/** Organizations' endpoint is global, in us-east-1 for the aws partition. */
export function createOrganizationsClient(credentials: AwsCredentialIdentityProvider, options: ConnectionOptions): OrganizationsClient {
  return new OrganizationsClient(clientConfig(ROUTE53_REGION, credentials, options));
}
