import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTablesCommand,
  type ContinuousBackupsDescription,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDbInventory, DynamoDbTable } from '../model/inventory.js';
import type { Operation } from '../model/operations.js';
import { collectPages } from './paginate.js';
import { CallFailed, type RegionCalls } from './region-calls.js';

/** The API's maximum `Limit` for `ListTables`. */
const PAGE_SIZE = 100;

/** `pointInTimeRecovery` of a table whose `DescribeContinuousBackups` failed (a gap says why) or did not say. */
export const UNKNOWN_PITR = 'UNKNOWN';

/** A table deleted since `ListTables` named it: `DescribeTable` and `DescribeContinuousBackups` say so differently. */
const TABLE_GONE = new Set(['ResourceNotFoundException', 'TableNotFoundException']);

/**
 * Every table of the region (`ListTables`), each with `DescribeTable` and
 * `DescribeContinuousBackups`, run concurrently and bounded by `RegionCalls`.
 * - A table deleted between the listing and its calls is left out, without a gap: there is
 *   nothing left to audit.
 * - A failed `DescribeContinuousBackups` keeps the table with `pointInTimeRecovery: UNKNOWN`
 *   and records a gap; a failed `DescribeTable` leaves the table out (no ARN) and records a gap.
 */
export async function collectDynamoDb(client: DynamoDBClient, calls: RegionCalls): Promise<DynamoDbInventory> {
  if (!calls.wants('dynamodb:ListTables')) return { tables: [] };
  const names = await calls.guard(() =>
    collectPages(
      (ExclusiveStartTableName) => calls.call('dynamodb:ListTables', () => client.send(new ListTablesCommand({ ExclusiveStartTableName, Limit: PAGE_SIZE }))),
      (page) => ({ items: page.TableNames, next: page.LastEvaluatedTableName }),
    ),
  );
  const tables = await Promise.all(
    [...new Set(names ?? [])].map(async (TableName): Promise<DynamoDbTable | undefined> => {
      const [description, backups] = await Promise.all([
        askAboutTable(calls, 'dynamodb:DescribeTable', () => client.send(new DescribeTableCommand({ TableName }))),
        askAboutTable(calls, 'dynamodb:DescribeContinuousBackups', () => client.send(new DescribeContinuousBackupsCommand({ TableName }))),
      ]);
      if (description === 'gone' || backups === 'gone' || description === 'failed') return undefined;
      const answered = <T>(answer: TableAnswer<T>) => (typeof answer === 'object' ? answer.response : undefined);
      return toTable(TableName, answered(description)?.Table, answered(backups)?.ContinuousBackupsDescription, calls.region);
    }),
  );
  return { tables: tables.filter((table) => table !== undefined) };
}

/** `skipped`: the scan does not collect the operation (`--rule`); a gap says so. */
type TableAnswer<T> = { response: T } | 'gone' | 'failed' | 'skipped';

/**
 * One call about one table. DynamoDB grants permissions per table ARN, so a denial of one table
 * says nothing of the next (`perResource`); a table deleted since `ListTables` is gone, not a gap.
 */
async function askAboutTable<T>(calls: RegionCalls, operation: Operation, send: () => Promise<T>): Promise<TableAnswer<T>> {
  if (!calls.wants(operation)) return 'skipped';
  try {
    return { response: await calls.call(operation, send, { perResource: true }) };
  } catch (error) {
    if (!(error instanceof CallFailed)) throw error;
    if (TABLE_GONE.has(error.code)) return 'gone';
    calls.recordGap(error);
    return 'failed';
  }
}

function toTable(name: string, sdk: TableDescription | undefined, backups: ContinuousBackupsDescription | undefined, region: string): DynamoDbTable {
  const pitr = backups?.PointInTimeRecoveryDescription;
  const table: DynamoDbTable = {
    name: sdk?.TableName ?? name,
    arn: sdk?.TableArn ?? '',
    replicaRegions: (sdk?.Replicas ?? []).flatMap((r) => (r.RegionName && r.RegionName !== region ? [r.RegionName] : [])),
    pointInTimeRecovery: pitr?.PointInTimeRecoveryStatus ?? UNKNOWN_PITR,
  };
  if (sdk?.TableStatus) table.status = sdk.TableStatus;
  const billingMode = sdk?.BillingModeSummary?.BillingMode ?? impliedBillingMode(sdk);
  if (billingMode) table.billingMode = billingMode;
  if (pitr?.RecoveryPeriodInDays !== undefined) table.recoveryPeriodInDays = pitr.RecoveryPeriodInDays;
  return table;
}

/** `DescribeTable` omits `BillingModeSummary` on a table that was always provisioned: its capacity says so. */
function impliedBillingMode(sdk: TableDescription | undefined): string | undefined {
  const throughput = sdk?.ProvisionedThroughput;
  return (throughput?.ReadCapacityUnits ?? 0) > 0 || (throughput?.WriteCapacityUnits ?? 0) > 0 ? 'PROVISIONED' : undefined;
}
