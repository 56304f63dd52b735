import { ListAccountsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { HaAuditError } from '../model/errors.js';
import { collectPages } from './paginate.js';
import type { RegionCalls } from './region-calls.js';

/** How the accounts of a scan are reached. */
export interface AccountSelection {
  /** `--role-arn`: one account, through this role. */
  roleArn?: string;
  /** `--accounts`: these accounts, through `roleName`. */
  accounts?: string[];
  /** `--org`: every active account of the organisation, through `roleName`. */
  org?: boolean;
  /** `--role-name`, for `--accounts` and `--org`. */
  roleName?: string;
}

/** One account to scan: with the caller's own credentials, or through a role to assume. */
export type AccountTarget = { kind: 'caller' } | { kind: 'role'; roleArn: string; accountId?: string };

/** `ListAccounts` takes at most 20 results a page. */
const ORG_PAGE_SIZE = 20;

/** An organisation account that is not scanned, and why. */
export interface SkippedAccount {
  accountId: string;
  name?: string;
  state: string;
}

/**
 * The accounts a scan covers. With `--accounts` or `--org`, the caller's own account is scanned
 * with its own credentials (the role usually exists only in member accounts); every other
 * account through `arn:<partition>:iam::<account>:role/<roleName>`.
 */
export function planAccounts(selection: AccountSelection, caller: { accountId: string; partition: string }, orgAccounts: string[] = []): AccountTarget[] {
  if (selection.roleArn) return [{ kind: 'role', roleArn: selection.roleArn }];
  const ids = selection.org ? orgAccounts : (selection.accounts ?? []);
  if (ids.length === 0) return [{ kind: 'caller' }];
  if (!selection.roleName) throw new HaAuditError('usage', `${selection.org ? '--org' : '--accounts'} needs --role-name`, 'name the role to assume in each account, e.g. --role-name OrganizationAccountAccessRole');
  return [...new Set(ids)].map((accountId) =>
    accountId === caller.accountId ? { kind: 'caller' } : { kind: 'role', accountId, roleArn: `arn:${caller.partition}:iam::${accountId}:role/${selection.roleName}` },
  );
}

/** The partition of an ARN: `aws`, `aws-cn`, `aws-us-gov`. */
export function partitionOf(arn: string | undefined): string {
  return arn?.split(':')[1] || 'aws';
}

/**
 * The organisation's accounts through `ListAccounts` (paginated). Only `ACTIVE` accounts are
 * scanned: a suspended or closing account rejects every call. `State` replaced `Status` in 2026;
 * both are read.
 */
export async function listOrganizationAccounts(client: OrganizationsClient, calls: RegionCalls): Promise<{ active: string[]; skipped: SkippedAccount[]; organizationId?: string }> {
  const accounts = await collectPages(
    (NextToken) => calls.call('organizations:ListAccounts', () => client.send(new ListAccountsCommand({ NextToken, MaxResults: ORG_PAGE_SIZE }))),
    (page) => ({ items: page.Accounts, next: page.NextToken }),
  );
  const active: string[] = [];
  const skipped: SkippedAccount[] = [];
  for (const account of accounts) {
    if (!account.Id) continue;
    const state = account.State ?? account.Status ?? 'UNKNOWN';
    if (state === 'ACTIVE') active.push(account.Id);
    else skipped.push({ accountId: account.Id, state, ...(account.Name ? { name: account.Name } : {}) });
  }
  // `arn:aws:organizations::<management>:account/o-<id>/<account>`: shards of `--org` share a scan id by it.
  const organizationId = accounts.map((a) => /:account\/(o-[a-z0-9]+)\//.exec(a.Arn ?? '')?.[1]).find(Boolean);
  return { active, skipped, ...(organizationId ? { organizationId } : {}) };
}
