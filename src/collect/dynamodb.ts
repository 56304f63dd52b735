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
import { CallFailed, errorCode, errorMessage, type RegionCalls } from './region-calls.js';

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
      return toTable(TableName, description.response.Table, backups === 'failed' ? undefined : backups.response.ContinuousBackupsDescription, calls.region);
    }),
  );
  return { tables: tables.filter((table) => table !== undefined) };
}

type TableAnswer<T> = { response: T } | 'gone' | 'failed';

/**
 * One call about one table. DynamoDB grants permissions per table ARN, so an
 * `AccessDeniedException` on one table says nothing of the next: it is kept from `RegionCalls`,
 * which would stop calling the operation in the whole region, and recorded as a gap here.
 * Any other failure goes through `RegionCalls` as usual.
 */
async function askAboutTable<T>(calls: RegionCalls, operation: Operation, send: () => Promise<T>): Promise<TableAnswer<T>> {
  const answer = await calls.guard(() =>
    calls.call(operation, async (): Promise<{ response: T } | { error: unknown }> => {
      try {
        return { response: await send() };
      } catch (error) {
        const code = errorCode(error);
        if (code === 'AccessDeniedException' || TABLE_GONE.has(code)) return { error };
        throw error;
      }
    }),
  );
  if (answer === undefined) return 'failed';
  if ('response' in answer) return answer;
  const code = errorCode(answer.error);
  if (TABLE_GONE.has(code)) return 'gone';
  calls.recordGap(new CallFailed('dynamodb', operation.split(':')[1]!, code, errorMessage(answer.error), { cause: answer.error }));
  return 'failed';
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
