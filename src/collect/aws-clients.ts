import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
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
}

/**
 * Configuration shared by every client: one credential provider (resolved once, not per
 * client), adaptive retries so a throttled scan slows down instead of failing, and a user agent
 * that shows ha-audit in CloudTrail.
 */
export function clientConfig(region: string | undefined, credentials: AwsCredentialIdentityProvider, options: ConnectionOptions) {
  return {
    ...(region ? { region } : {}),
    credentials,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    retryMode: 'adaptive',
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
  };
}
