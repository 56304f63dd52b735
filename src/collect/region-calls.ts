import { AsyncLocalStorage } from 'node:async_hooks';
import { classifyGap } from '../model/gap-class.js';
import type { Gap } from '../model/inventory.js';
import { READ_ONLY_OPERATION, type Operation, type ServiceId } from '../model/operations.js';
import { Semaphore } from './semaphore.js';
import { REAL_CLOCK, TokenBucket, type BucketClock } from './token-bucket.js';

/**
 * Calls in flight at once per service and region. The token buckets below set the pace; this
 * bounds how many slow responses can pile up (rate × latency stays under it: 10/s × 300 ms = 3).
 */
export const DEFAULT_CONCURRENCY: Record<ServiceId, number> = {
  sts: 1,
  elbv2: 4,
  autoscaling: 3,
  ec2: 4,
  route53: 4,
  rds: 4,
  elasticache: 3,
  dynamodb: 4,
  organizations: 1,
  iam: 1,
};

/** A token bucket: `burst` calls at once after a quiet spell, then `rate` calls per second. */
export interface RateLimit {
  rate: number;
  burst: number;
}

/**
 * The pace of each service's read calls, per account and region (Route 53: per account): AWS's
 * token bucket where it is published, else a conservative guess. Each burst holds back half a
 * second of refill: the first calls of a client wait for a connection (TCP, TLS) that later calls
 * reuse, so later calls reach AWS sooner after their token than the first did, and AWS's bucket
 * runs dry that much before ours (the simulated account of `npm run bench` throttled without it).
 */
export const DEFAULT_RATES: Record<ServiceId, RateLimit> = {
  // Published: Describe* bucket of 40, refilled at 10/s (ELB API request throttling).
  elbv2: { rate: 10, burst: 35 },
  // Published: non-mutating actions, bucket of 100 refilled at 20/s (EC2 API request throttling).
  ec2: { rate: 20, burst: 90 },
  // Published: Describe* 12/s after a burst of 300.
  rds: { rate: 12, burst: 294 },
  // Published: per account, a bucket of 50 refilled at 10/s for all operations together, and one
  // of the same size per operation (the List* ones ha-audit calls have the default, 50 and 10/s),
  // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html. A
  // request takes a token from both, so the operation's bucket, never emptier than the account's,
  // never throttles first: the account's is the one to pace at.
  route53: { rate: 10, burst: 45 },
  // Not published: conservative guesses (10/s, bucket 20). These answer in pages of 100: few calls.
  autoscaling: { rate: 10, burst: 15 },
  elasticache: { rate: 10, burst: 15 },
  // Published: 2,500/s for the whole control plane. Two calls per table: stay far below it.
  dynamodb: { rate: 20, burst: 40 },
  sts: { rate: 10, burst: 10 },
  organizations: { rate: 2, burst: 5 },
  // Not published; one call per account (its alias).
  iam: { rate: 5, burst: 5 },
};

/** `throttled`: AWS throttled at least one attempt of the call, whether it ended answered or failed. */
export type CallOutcome = 'ok' | 'throttled' | 'failed';

/** What a progress display hears: a call sent, and how it ended (after the SDK's retries). */
export type CallEvent =
  | { phase: 'start'; accountId: string; region: string; service: ServiceId; operation: Operation }
  | {
      phase: 'end';
      accountId: string;
      region: string;
      service: ServiceId;
      operation: Operation;
      outcome: CallOutcome;
      /** Attempts the SDK made, retries included (`$metadata.attempts`). */
      attempts: number;
      /** The error code when the call failed. */
      code?: string;
    };

export interface RegionCallsOptions {
  /** Per service; the others keep `DEFAULT_CONCURRENCY`. */
  concurrency?: Partial<Record<ServiceId, number>>;
  /** Per service; the others keep `DEFAULT_RATES`. */
  rates?: Partial<Record<ServiceId, RateLimit>>;
  /** `--max-api-rate`: the share of each rate and burst to use, in (0, 1]. Default 1. */
  rateFactor?: number;
  onCall?: (event: CallEvent) => void;
  /** Tests pace with a fake clock. */
  clock?: BucketClock;
  /** Rounds of re-sending a call still throttled after the SDK's retries (default `THROTTLE_ROUNDS`). */
  throttleRounds?: number;
  /** The first pause before such a round, doubling each round (default `THROTTLE_PAUSE_MS`). */
  throttlePauseMs?: number;
  /** The operations the scan collects (`--rule` narrows them, see `operationsFor`); default all. */
  collects?: ReadonlySet<Operation>;
}

/** The bucket a rate limit and a factor give: the burst rounds down, but never below one call. */
export function scaledBucket(limit: RateLimit, factor: number, clock?: BucketClock): TokenBucket {
  return new TokenBucket({ rate: limit.rate * factor, burst: Math.max(1, Math.floor(limit.burst * factor)), ...(clock ? { clock } : {}) });
}

/**
 * After the SDK has spent its retries on a throttled call, the call is sent again this many
 * times, after a pause that doubles from `THROTTLE_PAUSE_MS`: throttling slows a scan down, it
 * does not leave a gap, unless it lasts (about 14 s of pauses on top of the SDK's backoff).
 */
const THROTTLE_ROUNDS = 3;
const THROTTLE_PAUSE_MS = 2_000;

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
    // An answer that is not an AWS error (an HTML page from a proxy or an emulator): its status says more than nothing.
    const status = (error as { $metadata?: { httpStatusCode?: unknown }; $response?: { statusCode?: unknown } }).$metadata?.httpStatusCode;
    if (typeof status === 'number') return `HTTP${status}`;
  }
  return 'UnknownError';
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || errorCode(error);
}

/**
 * Every AWS call of one account and region goes through here: it refuses anything that is not
 * read-only, bounds the calls in flight and paces them per service (a token bucket per service,
 * so one per service, account and region; Route 53's instance, region `global`, is the account's),
 * counts them, and turns failures into gaps.
 */
export class RegionCalls {
  readonly gaps: Gap[] = [];
  readonly counts = new Map<string, number>();
  private readonly limiters = new Map<ServiceId, Semaphore>();
  private readonly buckets = new Map<ServiceId, TokenBucket>();
  private readonly denied = new Map<string, CallFailed>();
  private readonly concurrency: Record<ServiceId, number>;
  private readonly rates: Record<ServiceId, RateLimit>;
  private readonly rateFactor: number;

  constructor(
    readonly accountId: string,
    readonly region: string,
    private readonly options: RegionCallsOptions = {},
  ) {
    this.concurrency = { ...DEFAULT_CONCURRENCY, ...options.concurrency };
    this.rates = { ...DEFAULT_RATES, ...options.rates };
    this.rateFactor = options.rateFactor ?? 1;
    if (!(this.rateFactor > 0 && this.rateFactor <= 1)) throw new RangeError(`rate factor must be in (0, 1], got ${this.rateFactor}`);
  }

  /** Whether the scan collects this operation: a collector skips the steps it does not. */
  wants(operation: Operation): boolean {
    return this.options.collects?.has(operation) ?? true;
  }

  /** Sends one request once a slot and a token are free; throws `CallFailed` naming the operation when it fails. */
  async call<T>(operation: Operation, send: () => Promise<T>, options: { perResource?: boolean } = {}): Promise<T> {
    const [service, name] = operation.split(':') as [ServiceId, string];
    if (!READ_ONLY_OPERATION.test(name)) throw new Error(`ha-audit is read-only: refusing to call ${operation}`);
    // A narrowed scan's identity may be allowed nothing else: a collector that forgets to ask `wants` is a bug.
    if (!this.wants(operation)) throw new Error(`${operation} is not collected by this scan (--rule): refusing to call it`);
    if (this.signal?.aborted) throw this.stoppedFailure(service, name);
    const run = this.limiter(service).run(async () => {
      // The token is taken inside the slot, right before sending: a token taken early and spent
      // late could add to a burst AWS's own bucket no longer has room for.
      await this.bucket(service).take(this.signal);
      if (this.signal?.aborted) throw this.stoppedFailure(service, name);
      // Checked once slot and token are ours: a call that waited while another call of the
      // operation was being denied must not be sent.
      const denied = this.denied.get(operation);
      if (denied) throw denied;
      this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
      const where = { accountId: this.accountId, region: this.region, service, operation };
      this.options.onCall?.({ phase: 'start', ...where });
      const bucket = this.bucket(service);
      // Throttled attempts of every round: the SDK's `attempts` also counts retries of a 5xx.
      let throttled = 0;
      for (let round = 0; ; round++) {
        const context: Sending = { attempts: 0, throttled: 0, nextToken: () => bucket.take(this.signal), refund: () => bucket.refund() };
        try {
          const response = await sending.run(context, send);
          throttled += context.throttled;
          this.options.onCall?.({ phase: 'end', ...where, outcome: round > 0 || throttled > 0 ? 'throttled' : 'ok', attempts: attemptsOf(response) });
          return response;
        } catch (error) {
          throttled += context.throttled;
          // Throttled past the SDK's own retries (the account's automation is using the rate):
          // the scan slows down and goes on rather than leave a gap, a few times over.
          if (isThrottled(error) && round < (this.options.throttleRounds ?? THROTTLE_ROUNDS) && !this.signal?.aborted) {
            await this.pause((this.options.throttlePauseMs ?? THROTTLE_PAUSE_MS) * 2 ** round);
            await bucket.take(this.signal);
            continue;
          }
          const failure = new CallFailed(service, name, errorCode(error), errorMessage(error), { cause: error });
          // A denial of one resource (IAM can scope some operations to a hosted zone, a table)
          // says nothing of the others: only an operation-wide one stops further calls.
          if (wontChangeOnRetry(failure.code) && !options.perResource) this.denied.set(operation, failure);
          const outcome = isThrottled(error) || throttled > 0 ? 'throttled' : 'failed';
          this.options.onCall?.({ phase: 'end', ...where, outcome, attempts: attemptsOf(error), code: failure.code });
          throw failure;
        }
      }
    });
    return this.unlessStopped(run, service, name);
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
      class: classifyGap(failure.code),
    });
  }

  /**
   * `--timeout` and Ctrl-C: once the signal fires, calls in flight are abandoned and no new call
   * is sent; each becomes a failure with the stop's code (`ScanTimeout`, `Interrupted`), so the
   * scan ends at once with gaps where it was cut.
   */
  stopWhen(signal: AbortSignal | undefined): this {
    this.signal = signal;
    return this;
  }

  private signal: AbortSignal | undefined;

  private stoppedFailure(service: ServiceId, name: string): CallFailed {
    const reason = this.signal?.reason as { code?: string; message?: string } | undefined;
    return new CallFailed(service, name, reason?.code ?? 'Aborted', reason?.message ?? 'the scan was stopped');
  }

  private unlessStopped<T>(call: Promise<T>, service: ServiceId, name: string): Promise<T> {
    return untilStopped(call, this.signal, () => this.stoppedFailure(service, name));
  }

  /** Waits, unless the scan is stopped meanwhile (then the stop's failure is thrown by the caller's check). */
  private async pause(ms: number): Promise<void> {
    const clock = this.options.clock ?? REAL_CLOCK;
    await clock.sleep(ms, this.signal ?? new AbortController().signal).catch(() => undefined);
  }

  private limiter(service: ServiceId): Semaphore {
    let limiter = this.limiters.get(service);
    if (!limiter) {
      limiter = new Semaphore(this.concurrency[service]);
      this.limiters.set(service, limiter);
    }
    return limiter;
  }

  private bucket(service: ServiceId): TokenBucket {
    let bucket = this.buckets.get(service);
    if (!bucket) {
      bucket = scaledBucket(this.rates[service], this.rateFactor, this.options.clock);
      this.buckets.set(service, bucket);
    }
    return bucket;
  }
}

/** The call, or a rejection with `failure()` as soon as the signal fires (the call itself is abandoned, not awaited). */
export function untilStopped<T>(call: Promise<T>, signal: AbortSignal | undefined, failure: () => unknown): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(failure());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The call being sent, as the SDK's middleware sees it through the async context. */
interface Sending {
  attempts: number;
  /** Attempts AWS throttled: a call retried for a 5xx was not throttled. */
  throttled: number;
  nextToken: () => Promise<void>;
  /** Gives back the token of a throttled attempt. */
  refund: () => void;
}

const sending = new AsyncLocalStorage<Sending>();

/**
 * Run by the SDK when an attempt fails (see `watchAttempts`). A throttled attempt is counted,
 * and its token given back: AWS's bucket did not count it, so the retry, paced by its own token,
 * costs the pace nothing more. The scan then runs at the published rate however often AWS (or a
 * proxy) throttles at random, while the back-off still spaces the retries.
 */
export function attemptFailed(error: unknown): void {
  const call = sending.getStore();
  if (!call || !isThrottled(error)) return;
  call.throttled += 1;
  call.refund();
}

/**
 * Run by the SDK before each attempt (see `watchAttempts`): the first attempt of a call was paid
 * for by `RegionCalls.call`; each retry waits for a token of its own. A retry AWS counts but the
 * bucket did not would take the token of the next call, which AWS then throttles, and so on.
 */
export async function beforeAttempt(): Promise<void> {
  const call = sending.getStore();
  if (!call) return;
  call.attempts += 1;
  if (call.attempts > 1) await call.nextToken();
}

/** Whether a call failed for being throttled, after the SDK's own retries. */
export function isThrottled(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode;
  return classifyGap(errorCode(error)) === 'throttled' || status === 429;
}

/** A denial, or a region not enabled: once seen, the operation is not called again in the region. */
function wontChangeOnRetry(code: string): boolean {
  const gapClass = classifyGap(code);
  return gapClass === 'denied' || gapClass === 'region-disabled';
}

/** The SDK's count of attempts on a response or an error (`$metadata.attempts`); 1 when absent. */
function attemptsOf(value: unknown): number {
  const attempts = (value as { $metadata?: { attempts?: unknown } } | null | undefined)?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts >= 1 ? attempts : 1;
}
