import { describe, expect, it } from 'vitest';
import { endpointOf, EndpointWatch, isNoAnswer, NoAnswer } from '../../src/collect/endpoint-watch.js';
import { awsError, networkError } from '../support/aws-responses.js';

const timeout = () => Object.assign(new Error('@smithy/node-http-handler - the request socket timed out after 10000 ms of inactivity (configured by client requestHandler).'), { name: 'TimeoutError' });
const ENDPOINT = 'http://127.0.0.1:4566';

describe('isNoAnswer', () => {
  it('a timeout, a refused or reset connection, an unknown host: no answer', () => {
    for (const error of [timeout(), networkError('ECONNREFUSED'), networkError('ECONNRESET'), networkError('ENOTFOUND')]) expect(isNoAnswer(error)).toBe(true);
  });

  it('an AWS error, even a 5xx or a throttle, is an answer; so is an error before sending (credentials)', () => {
    for (const error of [awsError('Throttling', 'Rate exceeded'), awsError('ServiceUnavailable', 'down', 503), Object.assign(new Error('no creds'), { name: 'CredentialsProviderError' })]) {
      expect(isNoAnswer(error)).toBe(false);
    }
  });
});

describe('EndpointWatch', () => {
  it('gives up an endpoint that never answered at its first silent attempt, once, and fails its calls at once after', () => {
    const given: NoAnswer[] = [];
    const watch = new EndpointWatch((failure) => given.push(failure));
    watch.check(ENDPOINT);
    const failure = watch.silence(ENDPOINT, timeout());
    expect(failure).toBeInstanceOf(NoAnswer);
    expect(failure).toMatchObject({ name: 'NoAnswer', endpoint: ENDPOINT, message: `no answer from ${ENDPOINT} (silent for 10 s)` });
    expect(() => watch.check(ENDPOINT)).toThrow(failure!);
    expect(watch.silence(ENDPOINT, timeout())).toBe(failure);
    expect(given).toEqual([failure]);
    // Another endpoint is not affected.
    expect(() => watch.check('https://rds.us-east-1.amazonaws.com')).not.toThrow();
  });

  it('an endpoint that answered is given up only after three silent attempts in a row', () => {
    const watch = new EndpointWatch();
    watch.answer(ENDPOINT);
    expect(watch.silence(ENDPOINT, networkError('ECONNRESET'))).toBeUndefined();
    expect(watch.silence(ENDPOINT, timeout())).toBeUndefined();
    watch.answer(ENDPOINT);
    expect(watch.silence(ENDPOINT, timeout())).toBeUndefined();
    expect(watch.silence(ENDPOINT, timeout())).toBeUndefined();
    expect(watch.silence(ENDPOINT, timeout())).toMatchObject({ message: `no answer from ${ENDPOINT} (silent for 10 s, 3 attempts in a row)` });
  });

  it('names the kind of silence', () => {
    const connect = Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'), { name: 'TimeoutError' });
    expect(new EndpointWatch().silence(ENDPOINT, connect)?.message).toBe(`no answer from ${ENDPOINT} (no connection within 5 s)`);
    expect(new EndpointWatch().silence(ENDPOINT, networkError('ECONNREFUSED'))?.message).toBe(`no answer from ${ENDPOINT} (ECONNREFUSED)`);
  });
});

describe('endpointOf', () => {
  it('scheme, host and port of an HTTP request', () => {
    expect(endpointOf({ protocol: 'https:', hostname: 'elasticloadbalancing.us-east-1.amazonaws.com', path: '/' })).toBe('https://elasticloadbalancing.us-east-1.amazonaws.com');
    expect(endpointOf({ protocol: 'http:', hostname: '127.0.0.1', port: 4566 })).toBe('http://127.0.0.1:4566');
    expect(endpointOf({})).toBeUndefined();
  });
});
