import { deferred, settle } from '../support/async.js';
import { describe, expect, it, vi } from 'vitest';
import { CallFailed, DEFAULT_CONCURRENCY, errorCode, errorMessage, RegionCalls } from '../../src/collect/region-calls.js';
import type { Operation } from '../../src/model/operations.js';
import { accessDenied, ACCOUNT_ID, awsError, networkError, REGION } from '../support/aws-responses.js';


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
    const calls = new RegionCalls(ACCOUNT_ID, REGION);
    const throttled = () => Promise.reject(awsError('Throttling', 'Rate exceeded'));
    await expect(calls.guard(() => calls.call('elbv2:DescribeTargetHealth', throttled))).resolves.toBeUndefined();
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', throttled));
    await calls.guard(() => calls.call('elbv2:DescribeTargetHealth', () => Promise.reject(networkError())));
    await calls.guard(() => calls.call('elbv2:DescribeTags', throttled));
    expect(calls.gaps).toEqual([
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'Throttling', message: 'Rate exceeded' },
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:443' },
      { accountId: ACCOUNT_ID, region: REGION, service: 'elbv2', operation: 'DescribeTags', code: 'Throttling', message: 'Rate exceeded' },
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
    const calls = new RegionCalls(ACCOUNT_ID, REGION, { ...DEFAULT_CONCURRENCY, elbv2: 1 });
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
    const calls = new RegionCalls(ACCOUNT_ID, REGION, concurrency);
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
    const east = new RegionCalls(ACCOUNT_ID, 'us-east-1', { ...DEFAULT_CONCURRENCY, elbv2: 1 });
    const west = new RegionCalls(ACCOUNT_ID, 'us-west-2', { ...DEFAULT_CONCURRENCY, elbv2: 1 });
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
