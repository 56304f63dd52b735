import { setMaxListeners } from 'node:events';
import { deferred, settle } from '../support/async.js';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientConfig, watchAttempts, type ConnectionOptions } from '../../src/collect/aws-clients.js';
import { CallFailed, DEFAULT_CONCURRENCY, DEFAULT_RATES, errorCode, errorMessage, isThrottled, RegionCalls, type CallEvent } from '../../src/collect/region-calls.js';
import type { Operation } from '../../src/model/operations.js';
import { accessDenied, ACCOUNT_ID, awsError, networkError, REGION, responseMetadata } from '../support/aws-responses.js';
import { FakeClock } from '../support/fake-clock.js';


describe('errorCode and errorMessage', () => {
  it('reads the AWS code of an SDK service error from its name (and Code)', () => {
    expect(errorCode(accessDenied('elasticloadbalancing:DescribeTargetHealth'))).toBe('AccessDenied');
    expect(errorCode(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403))).toBe('UnauthorizedOperation');
    expect(errorCode(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toBe('ThrottlingException');
  });

  it('reads the code of a network error', () => {
    expect(errorCode(networkError('ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(errorCode(networkError('ENOTFOUND'))).toBe('ENOTFOUND');
  });

  it('falls back on the HTTP status of an answer that is not an AWS error (an HTML page)', () => {
    expect(errorCode(Object.assign(new Error('Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), { $metadata: { httpStatusCode: 500 } }))).toBe('HTTP500');
  });

  it('says UnknownError for a plain Error or a non-error', () => {
    expect(errorCode(new Error('plain'))).toBe('UnknownError');
    expect(errorCode('a string')).toBe('UnknownError');
    expect(errorCode(undefined)).toBe('UnknownError');
  });

  it('keeps the first line of the message, else the code', () => {
    expect(errorMessage(new Error('first line\n    at stack'))).toBe('first line');
    expect(errorMessage(Object.assign(new Error(''), { name: 'AccessDenied' }))).toBe('AccessDenied');
  });
});

describe('RegionCalls', () => {
  it('refuses an operation that is not Describe/List/Get, without sending it', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION);
    const send = vi.fn(async () => ({}));
    for (const operation of ['elbv2:DeleteLoadBalancer', 'elbv2:ModifyTargetGroupAttributes', 'ec2:TerminateInstances', 'autoscaling:UpdateAutoScalingGroup']) {
      await expect(calls.call(operation as Operation, send)).rejects.toThrow(/read-only/);
    }
    expect(send).not.toHaveBeenCalled();
    // A refused write is a bug, never a gap.
    await expect(calls.guard(() => calls.call('ec2:RunInstances' as Operation, send))).rejects.toThrow(/read-only/);
    expect(calls.gaps).toEqual([]);
  });

  it('returns the response and counts the calls per operation', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION);
    await expect(calls.call('elbv2:DescribeLoadBalancers', async () => ({ LoadBalancers: [] }))).resolves.toEqual({ LoadBalancers: [] });
    await calls.call('elbv2:DescribeLoadBalancers', async () => ({}));
    await calls.call('ec2:DescribeSubnets', async () => ({}));
    expect(Object.fromEntries(calls.counts)).toEqual({ 'elbv2:DescribeLoadBalancers': 2, 'ec2:DescribeSubnets': 1 });
  });

  it('turns a failed call into CallFailed naming the service, operation and code', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION);
    const error = accessDenied('elasticloadbalancing:DescribeTargetHealth');
    const failure = await calls.call('elbv2:DescribeTargetHealth', () => Promise.reject(error)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallFailed);
    expect(failure).toMatchObject({ service: 'elbv2', operation: 'DescribeTargetHealth', code: 'AccessDenied', message: error.message, cause: error });
  });

  it('guard turns a CallFailed into one gap per operation and code, and yields undefined', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { throttleRounds: 0 });
    const throttled = () => Promise.reject(awsError('Throttling', 'Rate exceeded'));
    await expect(calls.guard(() => calls.call('elbv2:DescribeTargetHealth', throttled))).resolves.toBeUndefined();
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', throttled));
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', () => Promise.reject(networkError())));
    await calls.guard(() => calls.call('elbv2:DescribeTags', throttled));
    expect(calls.gaps).toEqual([
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'Throttling', message: 'Rate exceeded', class: 'throttled' },
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:443', class: 'network' },
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTags', code: 'Throttling', message: 'Rate exceeded', class: 'throttled' },
    ]);
  });

  it('guard lets any other error through: a bug must not hide as a gap', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION);
    await expect(
      calls.guard(async () => {
        throw new TypeError('cannot read properties of undefined');
      }),
    ).rejects.toThrow(TypeError);
    expect(calls.gaps).toEqual([]);
  });

  it('does not call an operation again once it was denied, but retries after other errors', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION);
    const denied = vi.fn(() => Promise.reject(accessDenied('elasticloadbalancing:DescribeTargetHealth')));
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', denied));
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', denied));
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', denied));
    expect(denied).toHaveBeenCalledTimes(1);
    expect(calls.gaps).toHaveLength(1);
    // Another operation of the same service is still called.
    await expect(calls.call('elbv2:DescribeTags', async () => 'ok')).resolves.toBe('ok');

    const refused = vi.fn(() => Promise.reject(networkError()));
    await calls.guard(() => calls.call('ec2:DescribeSubnets', refused));
    await calls.guard(() => calls.call('ec2:DescribeSubnets', refused));
    expect(refused).toHaveBeenCalledTimes(2);
  });

  it('does not send calls that were queued behind the limit when the operation is denied meanwhile', async () => {
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { concurrency: { elbv2: 1 } });
    const first = deferred<never>();
    const send = vi.fn(() => first.promise);
    const results = Array.from({ length: 5 }, () => calls.guard(() => calls.call('elbv2:DescribeTargetHealth', send)));
    await settle();
    // One call in flight, four waiting for the slot.
    expect(send).toHaveBeenCalledTimes(1);
    first.reject(accessDenied('elasticloadbalancing:DescribeTargetHealth'));
    await Promise.all(results);
    expect(send).toHaveBeenCalledTimes(1);
    expect(calls.gaps).toHaveLength(1);
    expect(calls.counts.get('elbv2:DescribeTargetHealth')).toBe(1);
  });

  it('bounds the calls in flight per service, each service on its own', async () => {
    const concurrency = { ...DEFAULT_CONCURRENCY, sts: 1, elbv2: 2, autoscaling: 1, ec2: 3 };
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { concurrency });
    const inFlight = { elbv2: 0, ec2: 0, autoscaling: 0 };
    const maxInFlight = { elbv2: 0, ec2: 0, autoscaling: 0 };
    const gates: (() => void)[] = [];
    const send = (service: keyof typeof inFlight) => () => {
      inFlight[service] += 1;
      maxInFlight[service] = Math.max(maxInFlight[service], inFlight[service]);
      return new Promise<void>((resolve) =>
        gates.push(() => {
          inFlight[service] -= 1;
          resolve();
        }),
      );
    };
    const all = [
      ...Array.from({ length: 6 }, () => calls.call('elbv2:DescribeTargetHealth', send('elbv2'))),
      ...Array.from({ length: 6 }, () => calls.call('ec2:DescribeInstances', send('ec2'))),
      ...Array.from({ length: 3 }, () => calls.call('autoscaling:DescribePolicies', send('autoscaling'))),
    ];
    await settle();
    // The elbv2 limit does not hold ec2 back, nor the other way round.
    expect(inFlight).toEqual({ elbv2: 2, ec2: 3, autoscaling: 1 });
    while (gates.length > 0) {
      gates.splice(0).forEach((open) => open());
      await settle();
    }
    await Promise.all(all);
    expect(maxInFlight).toEqual({ elbv2: 2, ec2: 3, autoscaling: 1 });
  });

  it('keeps the limit per region: two regions do not share a limiter', async () => {
    const east = new RegionCalls(ACCOUNT_ID, 'us-east-1', { concurrency: { elbv2: 1 } });
    const west = new RegionCalls(ACCOUNT_ID, 'us-west-2', { concurrency: { elbv2: 1 } });
    const gate = deferred();
    const started: string[] = [];
    const a = east.call('elbv2:DescribeTags', async () => {
      started.push('east');
      await gate.promise;
    });
    const b = west.call('elbv2:DescribeTags', async () => {
      started.push('west');
      await gate.promise;
    });
    await settle();
    expect(started.sort()).toEqual(['east', 'west']);
    gate.resolve();
    await Promise.all([a, b]);
  });
});

/** Sends `count` calls of `operation` at once; each records the fake time it was sent at. */
function sendMany(calls: RegionCalls, clock: FakeClock, operation: Operation, count: number, send: () => Promise<unknown> = async () => ({})) {
  const sentAt: number[] = [];
  const all = Promise.all(
    Array.from({ length: count }, () =>
      calls.call(operation, () => {
        sentAt.push(clock.time);
        return send();
      }),
    ),
  );
  return { sentAt, all };
}

describe('RegionCalls: pacing', { timeout: 5000 }, () => {
  it('paces Route 53 at its documented limits (issue 14): the account bucket of 50 refilled at 10/s, no List* operation below it', async () => {
    // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html: 50 then 10/s for the
    // account, and the same default per operation; only Create*, Delete*, Get*HealthCheck* and the like are lower.
    expect(DEFAULT_RATES.route53).toEqual({ rate: 10, burst: 50 - 5 });
    const clock = new FakeClock();
    const calls = new RegionCalls(ACCOUNT_ID, 'global', { clock, concurrency: { route53: 100 } });
    const { sentAt, all } = sendMany(calls, clock, 'route53:ListResourceRecordSets', 65);
    await clock.runAll();
    await all;
    expect(sentAt.filter((t) => t === 0)).toHaveLength(45);
    expect(sentAt.at(-1)).toBeCloseTo(((65 - 45) / 10) * 1000, 6);
  });

  it('sends a burst at once, then N calls beyond the burst in (N - burst) / rate seconds', async () => {
    const clock = new FakeClock();
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, rates: { elbv2: { rate: 10, burst: 4 } } });
    const { sentAt, all } = sendMany(calls, clock, 'elbv2:DescribeTargetHealth', 24);
    await settle();
    expect(sentAt).toEqual([0, 0, 0, 0]);
    const end = await clock.runAll();
    await all;
    expect(end).toBeCloseTo(((24 - 4) / 10) * 1000, 6);
    expect(sentAt.slice(4).map((t) => Math.round(t))).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 100));
    expect(calls.counts.get('elbv2:DescribeTargetHealth')).toBe(24);
    expect(clock.pending).toBe(0);
  });

  it('paces at the published rates by default, half a second of refill held back from the burst: ELB 35 at once, then 10/s', async () => {
    expect(DEFAULT_RATES.elbv2).toEqual({ rate: 10, burst: 40 - 5 });
    const clock = new FakeClock();
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock });
    const { sentAt, all } = sendMany(calls, clock, 'elbv2:DescribeTargetGroupAttributes', 60);
    await clock.runAll();
    await all;
    expect(sentAt.filter((t) => t === 0)).toHaveLength(35);
    expect(sentAt.at(-1)).toBeCloseTo(((60 - 35) / 10) * 1000, 6);
  });

  it('paces each service on its own bucket, and each account and region on its own', async () => {
    const clock = new FakeClock();
    const east = new RegionCalls(ACCOUNT_ID, 'us-east-1', { clock, rates: { elbv2: { rate: 1, burst: 1 }, ec2: { rate: 1, burst: 2 } } });
    const west = new RegionCalls(ACCOUNT_ID, 'us-west-2', { clock, rates: { elbv2: { rate: 1, burst: 1 } } });
    const elb = sendMany(east, clock, 'elbv2:DescribeTags', 3);
    const ec2 = sendMany(east, clock, 'ec2:DescribeSubnets', 2);
    const otherRegion = sendMany(west, clock, 'elbv2:DescribeTags', 1);
    await settle();
    // The drained elbv2 bucket of us-east-1 holds back neither its ec2 calls nor us-west-2.
    expect({ elb: elb.sentAt, ec2: ec2.sentAt, west: otherRegion.sentAt }).toEqual({ elb: [0], ec2: [0, 0], west: [0] });
    await clock.runAll();
    await Promise.all([elb.all, ec2.all, otherRegion.all]);
    expect(elb.sentAt).toEqual([0, 1000, 2000]);
  });

  it('takes the token once the slot is free: calls stalled behind the limit do not go out in one burst after it', async () => {
    const clock = new FakeClock();
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, concurrency: { rds: 2 }, rates: { rds: { rate: 1, burst: 2 } } });
    const stall = deferred();
    let stalled = 2;
    const { sentAt, all } = sendMany(calls, clock, 'rds:DescribeDBInstances', 6, () => (stalled-- > 0 ? stall.promise : Promise.resolve()));
    await clock.advance(5000);
    expect(sentAt).toEqual([0, 0]);
    stall.resolve();
    await clock.runAll();
    await all;
    // Two tokens had come back while the first calls stalled (the burst), not five.
    expect(sentAt).toEqual([0, 0, 5000, 5000, 6000, 7000]);
  });

  it('uses the --max-api-rate share of every rate and burst', async () => {
    const clock = new FakeClock();
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, rateFactor: 0.5 });
    const elb = sendMany(calls, clock, 'elbv2:DescribeListeners', 19);
    const route53 = sendMany(new RegionCalls(ACCOUNT_ID, 'global', { clock, rateFactor: 0.5, concurrency: { route53: 100 } }), clock, 'route53:ListResourceRecordSets', 25);
    await clock.runAll();
    await Promise.all([elb.all, route53.all]);
    // ELB: 17 at once (35 × 0.5, rounded down), then one every 200 ms (10/s × 0.5).
    expect(elb.sentAt.filter((t) => t === 0)).toHaveLength(17);
    expect(elb.sentAt.slice(17).map(Math.round)).toEqual([200, 400]);
    // Route 53: 10/s and a burst of 45 become 5/s and 22.
    expect(route53.sentAt.filter((t) => t === 0)).toHaveLength(22);
    expect(route53.sentAt.slice(22).map(Math.round)).toEqual([200, 400, 600]);
  });

  it('refuses a rate factor outside (0, 1]', () => {
    for (const rateFactor of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => new RegionCalls(ACCOUNT_ID, REGION, { rateFactor })).toThrow(RangeError);
    }
  });
});

describe('RegionCalls: call events', () => {
  it('reports each call sent and how it ended, with the attempts the SDK made', async () => {
    const events: CallEvent[] = [];
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { throttleRounds: 0, onCall: (event) => events.push(event) });
    const where = { accountId: ACCOUNT_ID, region: REGION };
    await calls.call('elbv2:DescribeLoadBalancers', async () => ({ LoadBalancers: [], $metadata: responseMetadata() }));
    await calls.call('elbv2:DescribeTargetHealth', async () => ({ TargetHealthDescriptions: [], $metadata: { ...responseMetadata(), attempts: 3, totalRetryDelay: 1400 } }));
    const throttled = Object.assign(awsError('Throttling', 'Rate exceeded'), { $metadata: { httpStatusCode: 400, attempts: 8, totalRetryDelay: 31_000 } });
    await calls.guard(() => calls.call('autoscaling:DescribePolicies', () => Promise.reject(throttled)));
    await calls.guard(() => calls.call('ec2:DescribeSubnets', () => Promise.reject(accessDenied('ec2:DescribeSubnets'))));
    // Not sent, so not reported: a write, and a call of an operation already denied.
    await expect(calls.call('ec2:RunInstances' as Operation, async () => ({}))).rejects.toThrow(/read-only/);
    await calls.guard(() => calls.call('ec2:DescribeSubnets', async () => ({})));
    expect(events).toEqual([
      { phase: 'start', ...where, service: 'elbv2', operation: 'elbv2:DescribeLoadBalancers' },
      { phase: 'end', ...where, service: 'elbv2', operation: 'elbv2:DescribeLoadBalancers', outcome: 'ok', attempts: 1 },
      { phase: 'start', ...where, service: 'elbv2', operation: 'elbv2:DescribeTargetHealth' },
      { phase: 'end', ...where, service: 'elbv2', operation: 'elbv2:DescribeTargetHealth', outcome: 'ok', attempts: 3 },
      { phase: 'start', ...where, service: 'autoscaling', operation: 'autoscaling:DescribePolicies' },
      { phase: 'end', ...where, service: 'autoscaling', operation: 'autoscaling:DescribePolicies', outcome: 'throttled', attempts: 8, code: 'Throttling' },
      { phase: 'start', ...where, service: 'ec2', operation: 'ec2:DescribeSubnets' },
      { phase: 'end', ...where, service: 'ec2', operation: 'ec2:DescribeSubnets', outcome: 'failed', attempts: 1, code: 'AccessDenied' },
    ]);
  });

  it('tells a throttled failure by its code, whatever the service calls it, or by HTTP 429', () => {
    expect(isThrottled(awsError('Throttling', 'Rate exceeded'))).toBe(true);
    expect(isThrottled(awsError('ThrottlingException', 'Rate of requests exceeds the allowed throughput.'))).toBe(true);
    expect(isThrottled(awsError('RequestLimitExceeded', 'Request limit exceeded.', 503))).toBe(true);
    expect(isThrottled(awsError('PriorRequestNotComplete', 'The request was rejected because Route 53 was still processing a prior request.'))).toBe(true);
    expect(isThrottled(awsError('TooManyRequests', 'Too Many Requests', 429))).toBe(true);
    expect(isThrottled(awsError('ValidationError', 'bad input'))).toBe(false);
    expect(isThrottled(accessDenied('ec2:DescribeSubnets'))).toBe(false);
    expect(isThrottled(networkError())).toBe(false);
  });
});

describe('RegionCalls: stopped', { timeout: 5000 }, () => {
  it('fails the calls waiting for a token at once, with the stop code, sends none of them, and leaves no sleep behind', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    // Each call in flight and each wait for a token listens to the stop signal: ten calls are
    // twenty listeners, as collectInventory expects of a real scan when it lifts the limit.
    setMaxListeners(0, controller.signal);
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, rates: { elbv2: { rate: 1, burst: 2 } }, concurrency: { elbv2: 4 } }).stopWhen(controller.signal);
    const send = vi.fn(async () => ({}));
    const results = Array.from({ length: 10 }, () => calls.guard(() => calls.call('elbv2:DescribeTargetHealth', send)));
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    controller.abort(Object.assign(new Error('the scan ran past --timeout 60s'), { code: 'ScanTimeout' }));
    await Promise.all(results);
    expect(send).toHaveBeenCalledTimes(2);
    expect(calls.gaps).toEqual([
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'ScanTimeout', message: 'the scan ran past --timeout 60s', class: 'stopped' },
    ]);
    await settle();
    expect(clock.pending).toBe(0);
    await expect(calls.call('elbv2:DescribeTags', send)).rejects.toMatchObject({ code: 'ScanTimeout' });
  });
});

// ---------------------------------------------------------------- with the SDK's retries

const ELB_XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const throttlingResponse = () => ({
  statusCode: 400,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': '5f8c1e7a-2b3d-4c5e-9f60-7a8b9c0d1e2f' },
  body: Buffer.from(`<ErrorResponse xmlns="${ELB_XMLNS}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>5f8c1e7a-2b3d-4c5e-9f60-7a8b9c0d1e2f</RequestId></ErrorResponse>`),
});
const serviceUnavailableResponse = () => ({
  statusCode: 503,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': '7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f' },
  body: Buffer.from(`<ErrorResponse xmlns="${ELB_XMLNS}"><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service is unavailable</Message></Error><RequestId>7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f</RequestId></ErrorResponse>`),
});
const emptyDescribeLoadBalancers = () => ({
  statusCode: 200,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
  body: Buffer.from(
    `<DescribeLoadBalancersResponse xmlns="${ELB_XMLNS}"><DescribeLoadBalancersResult><LoadBalancers/></DescribeLoadBalancersResult><ResponseMetadata><RequestId>0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>`,
  ),
});

/** A real ELB client configured as a scan configures it, whose HTTP handler answers in process. */
function elbClient(answer: (attempt: number) => ReturnType<typeof throttlingResponse>, overrides: { retryMode?: string } = {}, connection: ConnectionOptions = {}) {
  let attempt = 0;
  const requestHandler = {
    handle: async () => ({ response: answer(++attempt) }),
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  const credentials = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  return watchAttempts(new ElasticLoadBalancingV2Client({ ...clientConfig(REGION, credentials, connection), requestHandler, ...overrides }));
}

/** Moves the fake timers on, `stepMs` at a time, until `promise` settles (at most ten minutes). */
async function untilSettled(promise: Promise<unknown>, stepMs = 1000): Promise<void> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let ms = 0; ms < 600_000 && !settled; ms += stepMs) await vi.advanceTimersByTimeAsync(stepMs);
}

describe('RegionCalls with the SDK retrying throttled calls', { timeout: 10_000 }, () => {
  // The SDK's backoff is random: no wait at all, so only the pacing decides when a retry goes.
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('a throttled attempt gives its token back: the retries go after the back-off alone, and the call costs the pace one token', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const clock = new FakeClock();
    const events: CallEvent[] = [];
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, rates: { elbv2: { rate: 1, burst: 1 } }, onCall: (e) => events.push(e) });
    const attemptsAt: number[] = [];
    const client = elbClient((attempt) => {
      attemptsAt.push(clock.time);
      return attempt <= 2 ? throttlingResponse() : emptyDescribeLoadBalancers();
    });
    const send = () => client.send(new DescribeLoadBalancersCommand({ PageSize: 400 }));
    await expect(calls.call('elbv2:DescribeLoadBalancers', send)).resolves.toMatchObject({ LoadBalancers: [], $metadata: { attempts: 3 } });
    expect(attemptsAt).toEqual([0, 0, 0]);
    // The answered attempt took the one token: the next call waits for the next, due in 1 s.
    const next = calls.call('elbv2:DescribeLoadBalancers', send);
    await vi.waitFor(() => expect(clock.pending).toBe(1));
    await clock.advance(1000);
    await next;
    expect(attemptsAt).toEqual([0, 0, 0, 1000]);
    // Counted once per call; the events say the first took three attempts, throttled.
    expect(calls.counts.get('elbv2:DescribeLoadBalancers')).toBe(2);
    expect(events.filter((e) => e.phase === 'end')).toEqual([expect.objectContaining({ outcome: 'throttled', attempts: 3 }), expect.objectContaining({ outcome: 'ok', attempts: 1 })]);
    expect(calls.gaps).toEqual([]);
  });

  it('a retry after a 5xx waits for a token of its own: AWS counted the failed attempt', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const clock = new FakeClock();
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, rates: { elbv2: { rate: 1, burst: 1 } } });
    const attemptsAt: number[] = [];
    const client = elbClient((attempt) => {
      attemptsAt.push(clock.time);
      return attempt === 1 ? serviceUnavailableResponse() : emptyDescribeLoadBalancers();
    });
    const result = calls.call('elbv2:DescribeLoadBalancers', () => client.send(new DescribeLoadBalancersCommand({})));
    await vi.waitFor(() => expect(clock.pending).toBe(1));
    await clock.advance(1000);
    await expect(result).resolves.toMatchObject({ $metadata: { attempts: 2 } });
    expect(attemptsAt).toEqual([0, 1000]);
  });

  it('a call the SDK retried for a 5xx was not throttled', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: CallEvent[] = [];
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { onCall: (e) => events.push(e) });
    const client = elbClient((attempt) => (attempt === 1 ? serviceUnavailableResponse() : emptyDescribeLoadBalancers()));
    await expect(calls.call('elbv2:DescribeLoadBalancers', () => client.send(new DescribeLoadBalancersCommand({})))).resolves.toMatchObject({ $metadata: { attempts: 2 } });
    expect(events.map((e) => e.phase)).toEqual(['start', 'end']);
    expect(events.at(-1)).toMatchObject({ phase: 'end', outcome: 'ok', attempts: 2 });
  });

  it('sends a call still throttled after the SDK retries again, after a doubling pause, a few rounds before it is a gap', async () => {
    const clock = new FakeClock();
    const events: CallEvent[] = [];
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { clock, onCall: (e) => events.push(e) });
    let sent = 0;
    const sentAt: number[] = [];
    const flaky = async () => {
      sentAt.push(clock.time);
      sent += 1;
      if (sent <= 2) throw awsError('Throttling', 'Rate exceeded');
      return { $metadata: responseMetadata() };
    };
    const done = calls.call('elbv2:DescribeTargetHealth', flaky);
    await clock.runAll();
    await expect(done).resolves.toBeDefined();
    expect(sentAt).toEqual([0, 2_000, 6_000]);
    expect(calls.gaps).toEqual([]);
    expect(events.filter((e) => e.phase === 'end')).toEqual([expect.objectContaining({ outcome: 'throttled' })]);

    const always = new RegionCalls(ACCOUNT_ID, REGION, { clock });
    let tries = 0;
    const step = always.guard(() => always.call('elbv2:DescribeTags', () => ((tries += 1), Promise.reject(awsError('Throttling', 'Rate exceeded')))));
    await clock.runAll();
    expect(await step).toBeUndefined();
    expect(tries).toBe(4);
    expect(always.gaps).toEqual([expect.objectContaining({ operation: 'DescribeTags', code: 'Throttling' })]);
  });

  it('gives up after the configured attempts: the call is throttled, and its step a gap', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    // The back-off waits in real time: run those waits at once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const events: CallEvent[] = [];
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { throttleRounds: 0, rates: { elbv2: { rate: 1e6, burst: 1e6 } }, onCall: (e) => events.push(e) });
    let attempts = 0;
    const client = elbClient(() => {
      attempts += 1;
      return throttlingResponse();
    });
    const { maxAttempts } = clientConfig(REGION, async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), {});
    const step = calls.guard(() => calls.call('elbv2:DescribeLoadBalancers', () => client.send(new DescribeLoadBalancersCommand({}))));
    await untilSettled(step);
    await expect(step).resolves.toBeUndefined();
    expect(attempts).toBe(maxAttempts);
    expect(events.at(-1)).toMatchObject({ phase: 'end', outcome: 'throttled', attempts: maxAttempts, code: 'Throttling' });
    expect(calls.gaps).toEqual([{ accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeLoadBalancers', code: 'Throttling', message: 'Rate exceeded', class: 'throttled' }]);
  });

  it('at a time scale, retries as many times as in real time, its back-off that many times shorter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const started = Date.now();
    const scaled = elbClient(() => throttlingResponse(), {}, { timeScale: 100 });
    const gaveUp = scaled.send(new DescribeLoadBalancersCommand({})).catch((error: unknown) => error);
    await untilSettled(gaveUp, 10);
    expect(await gaveUp).toMatchObject({ name: 'Throttling', $metadata: { attempts: 10 } });
    const scaledMs = Date.now() - started;
    // The same throttled call in real time: the back-off from 250 ms, doubling to its 20 s cap.
    const real = elbClient(() => throttlingResponse());
    const realGaveUp = real.send(new DescribeLoadBalancersCommand({})).catch((error: unknown) => error);
    await untilSettled(realGaveUp, 10);
    expect(await realGaveUp).toMatchObject({ name: 'Throttling', $metadata: { attempts: 10 } });
    const realMs = Date.now() - started - scaledMs;
    expect(realMs).toBeGreaterThan(1000 + 2000 + 4000 + 8000 + 16_000);
    // About a hundredth (fake time moves in 10 ms steps).
    expect(scaledMs * 80).toBeLessThan(realMs);
  });

  it('does not pace a client used outside RegionCalls', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const client = elbClient((attempt) => (attempt <= 3 ? throttlingResponse() : emptyDescribeLoadBalancers()));
    const response = client.send(new DescribeLoadBalancersCommand({}));
    await untilSettled(response);
    await expect(response).resolves.toMatchObject({ $metadata: { attempts: 4 } });
  });
});
