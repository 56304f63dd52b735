import type { Gap } from '../model/inventory.js';
import { READ_ONLY_OPERATION, type Operation, type ServiceId } from '../model/operations.js';
import { Semaphore } from './semaphore.js';

/** Calls in flight at once per service and region: well under each service's published rate. */
export const DEFAULT_CONCURRENCY: Record<ServiceId, number> = {
  sts: 1,
  elbv2: 4,
  autoscaling: 3,
  ec2: 4,
  route53: 2,
  rds: 4,
  elasticache: 3,
  dynamodb: 4,
  organizations: 1,
};

/** Codes that will not change on retry: once seen, the operation is not called again in the region. */
const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'OptInRequired',
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);

/** A failed AWS call, tagged with what was called. */
export class CallFailed extends Error {
  override readonly name = 'CallFailed';

  constructor(
    readonly service: ServiceId,
    readonly operation: string,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The AWS error code of an SDK or network error: `AccessDenied`, `ECONNREFUSED`, `TimeoutError`... */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const { name, code, Code } = error as { name?: unknown; code?: unknown; Code?: unknown };
    if (typeof Code === 'string' && Code) return Code;
    if (typeof code === 'string' && code) return code;
    if (typeof name === 'string' && name && name !== 'Error') return name;
  }
  return 'UnknownError';
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || errorCode(error);
}

/**
 * Every AWS call of one account and region goes through here: it refuses anything that is not
 * read-only, bounds the calls in flight per service, counts them, and turns failures into gaps.
 */
export class RegionCalls {
  readonly gaps: Gap[] = [];
  readonly counts = new Map<string, number>();
  private readonly limiters = new Map<ServiceId, Semaphore>();
  private readonly denied = new Map<string, CallFailed>();

  constructor(
    readonly accountId: string,
    readonly region: string,
    private readonly concurrency: Record<ServiceId, number> = DEFAULT_CONCURRENCY,
  ) {}

  /** Sends one request; throws `CallFailed` naming the operation when it fails. */
  async call<T>(operation: Operation, send: () => Promise<T>): Promise<T> {
    const [service, name] = operation.split(':') as [ServiceId, string];
    if (!READ_ONLY_OPERATION.test(name)) throw new Error(`ha-audit is read-only: refusing to call ${operation}`);
    return this.limiter(service).run(async () => {
      // Checked once the slot is ours: a call queued behind the limit while another call of the
      // operation was being denied must not be sent.
      const denied = this.denied.get(operation);
      if (denied) throw denied;
      this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
      try {
        return await send();
      } catch (error) {
        const failure = new CallFailed(service, name, errorCode(error), errorMessage(error), { cause: error });
        if (DENIED_CODES.has(failure.code)) this.denied.set(operation, failure);
        throw failure;
      }
    });
  }

  /**
   * Runs one collection step. If an AWS call in it fails, the failure becomes a gap (one per
   * operation and error code) and the step yields `undefined`; any other error is a bug and
   * propagates.
   */
  async guard<T>(step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      this.recordGap(error);
      return undefined;
    }
  }

  recordGap(failure: CallFailed): void {
    const known = this.gaps.some((g) => g.service === failure.service && g.operation === failure.operation && g.code === failure.code);
    if (known) return;
    this.gaps.push({
      accountId: this.accountId,
      region: this.region,
      service: failure.service,
      operation: failure.operation,
      code: failure.code,
      message: failure.message,
    });
  }

  private limiter(service: ServiceId): Semaphore {
    let limiter = this.limiters.get(service);
    if (!limiter) {
      limiter = new Semaphore(this.concurrency[service]);
      this.limiters.set(service, limiter);
    }
    return limiter;
  }
}
