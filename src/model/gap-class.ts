import type { Gap } from './inventory.js';
import { MISSING_SHARD, NOT_COLLECTED, OPERATIONS, type Operation, type ServiceId } from './operations.js';

/**
 * What kind of failure left a gap. Decided once, where the gap is recorded (and for inventories
 * saved before the field existed, when they are read); reports give their advice by it.
 */
export const GAP_CLASSES = ['denied', 'throttled', 'region-disabled', 'timeout', 'network', 'stopped', 'not-collected', 'missing-shard', 'other'] as const;

export type GapClass = (typeof GAP_CLASSES)[number];

/** Refused to the identity: retrying does not help, granting the action (or fixing the credentials) does. */
const DENIED = /AccessDenied|Unauthori[sz]ed|Forbidden/i;
const DENIED_CODES = new Set(['AuthFailure', 'InvalidClientTokenId', 'UnrecognizedClientException']);

/** Throttled past every retry, as the SDK classifies throttling errors. */
const THROTTLED = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i;
const THROTTLED_CODES = new Set([
  'PriorRequestNotComplete',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  // A bare 429 answer, without an AWS error code.
  'HTTP429',
]);

/** AWS did not answer in time: the SDK's request and connection timeouts, the socket's, an endpoint given up (`NoAnswer`). */
const TIMEOUT_CODES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'NoAnswer']);

/** The scan itself was stopped before the call ended: `--timeout`, Ctrl-C. */
const STOPPED_CODES = new Set(['ScanTimeout', 'Interrupted', 'Aborted']);

/** Node's system errors (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`...) and the SDK's own. */
const NETWORK = /^E[A-Z0-9_]+$/;

/** The class of an error code as a gap records it (`AccessDenied`, `Throttling`, `ECONNRESET`, `ScanTimeout`...). */
export function classifyGap(code: string): GapClass {
  if (STOPPED_CODES.has(code)) return 'stopped';
  // Left out on purpose by a narrowed scan (`--rule`): no failure at all.
  if (code === NOT_COLLECTED) return 'not-collected';
  // The shard of a sharded scan that holds it was not evaluated with the others.
  if (code === MISSING_SHARD) return 'missing-shard';
  if (code === 'OptInRequired') return 'region-disabled';
  if (DENIED.test(code) || DENIED_CODES.has(code)) return 'denied';
  if (THROTTLED.test(code) || THROTTLED_CODES.has(code)) return 'throttled';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (NETWORK.test(code) || code === 'NetworkingError') return 'network';
  return 'other';
}

/**
 * A gap for each data operation of these services in one account and region (those `only`
 * keeps): what a narrowed scan left out, or a shard not given. `--all-regions`'s
 * `DescribeRegions` is no data.
 */
export function operationGaps(
  where: { accountId: string; region: string; services: readonly ServiceId[]; code: string; message: string },
  only: (operation: Operation) => boolean = () => true,
): Gap[] {
  const { accountId, region, code, message } = where;
  return where.services.flatMap((service) =>
    (OPERATIONS[service] as readonly string[])
      .map((name) => `${service}:${name}` as Operation)
      .filter((operation) => operation !== 'ec2:DescribeRegions' && only(operation))
      .map((operation) => ({ accountId, region, service, operation: operation.slice(service.length + 1), code, message, class: classifyGap(code) })),
  );
}
