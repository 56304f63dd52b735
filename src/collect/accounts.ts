import { ListAccountAliasesCommand, type IAMClient } from '@aws-sdk/client-iam';
import { ListAccountsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { HaAuditError } from '../model/errors.js';
import type { SkippedAccount } from '../model/inventory.js';
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

/** The organisation's accounts: those to scan with their names (id to name), and those skipped. */
export interface OrganizationAccounts {
  active: string[];
  names: Map<string, string>;
  skipped: SkippedAccount[];
  /** `o-...`, from the accounts' ARNs: the shards of `--org` share a scan id by it. */
  organizationId?: string;
}

/**
 * The organisation's accounts through `ListAccounts` (paginated). Only `ACTIVE` accounts are
 * scanned: a suspended, closing, closed or not yet activated account answers no call. `State`
 * replaced `Status` (retired September 2026); both are read.
 */
export async function listOrganizationAccounts(client: OrganizationsClient, calls: RegionCalls): Promise<OrganizationAccounts> {
  const accounts = await collectPages(
    (NextToken) => calls.call('organizations:ListAccounts', () => client.send(new ListAccountsCommand({ NextToken, MaxResults: ORG_PAGE_SIZE }))),
    (page) => ({ items: page.Accounts, next: page.NextToken }),
  );
  const active: string[] = [];
  const names = new Map<string, string>();
  const skipped: SkippedAccount[] = [];
  for (const account of accounts) {
    if (!account.Id) continue;
    const state = account.State ?? account.Status ?? 'UNKNOWN';
    if (state === 'ACTIVE') {
      active.push(account.Id);
      if (account.Name) names.set(account.Id, account.Name);
    } else skipped.push({ accountId: account.Id, ...(account.Name ? { name: account.Name } : {}), state });
  }
  // `arn:aws:organizations::<management>:account/o-<id>/<account>`: shards of `--org` share a scan id by it.
  const organizationId = accounts.map((a) => /:account\/(o-[a-z0-9]+)\//.exec(a.Arn ?? '')?.[1]).find(Boolean);
  return { active, names, skipped, ...(organizationId ? { organizationId } : {}) };
}

/**
 * The account's alias (an account has at most one), or undefined when it has none. A failure
 * (the role not allowed `iam:ListAccountAliases`) is thrown to the caller, who decides: a name
 * is no verdict's data, so it is not a gap.
 */
export async function accountAlias(client: IAMClient, calls: RegionCalls): Promise<string | undefined> {
  const page = await calls.call('iam:ListAccountAliases', () => client.send(new ListAccountAliasesCommand({})));
  return page.AccountAliases?.[0] || undefined;
}
