import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { createStsClient, type AwsCredentialIdentityProvider, type ConnectionOptions } from './aws-clients.js';

export interface AssumeRoleParams {
  roleArn: string;
  sessionName: string;
  externalId?: string;
  /** Region of the STS endpoint to ask. */
  region: string;
}

/** Fresh credentials are fetched this long before the old ones expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Credentials of an assumed role, fetched with the caller's credentials through STS
 * `AssumeRole` on first use, shared by every client of the account (one call, not one per
 * client), and renewed before they expire: a scan of many regions can outlast an hour.
 * `AssumeRole` is the one call ha-audit makes that is not a Describe/List/Get: it changes
 * nothing in the account, it only hands out the role's temporary credentials.
 */
export function assumeRoleCredentials(params: AssumeRoleParams, caller: AwsCredentialIdentityProvider, options: ConnectionOptions): AwsCredentialIdentityProvider {
  let current: Promise<Awaited<ReturnType<AwsCredentialIdentityProvider>>> | undefined;
  const fetch = async () => {
    const response = await createStsClient(params.region, caller, options).send(
      new AssumeRoleCommand({ RoleArn: params.roleArn, RoleSessionName: params.sessionName, ...(params.externalId ? { ExternalId: params.externalId } : {}) }),
    );
    const credentials = response.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error(`STS AssumeRole returned no credentials for ${params.roleArn}`);
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
      ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
    };
  };
  return async () => {
    const held = current ? await current.catch(() => undefined) : undefined;
    if (!held || (held.expiration && held.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS)) {
      current = fetch();
      // A failed attempt is not kept: the next client asks again.
      current.catch(() => (current = undefined));
    }
    return current!;
  };
}
