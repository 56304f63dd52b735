import { describe, expect, it } from 'vitest';
import { bareHostedZoneId, comparableDnsName, decodeDnsName, isLoadBalancerDnsName, recordHealth, recordId, routingPolicy, type RoutingPolicy } from '../../src/model/dns.js';
import type { DnsRecord } from '../../src/model/inventory.js';

const record = (fields: Partial<DnsRecord> = {}): DnsRecord => ({ name: 'www.example.com', type: 'A', values: ['192.0.2.10'], ...fields });

describe('decodeDnsName', () => {
  it.each([
    ['example.com.', 'example.com'],
    ['WWW.Example.COM.', 'www.example.com'],
    ['\\052.example.com.', '*.example.com'],
    ['a\\100b.example.com.', 'a@b.example.com'],
    ['no-trailing-dot.example.com', 'no-trailing-dot.example.com'],
  ])('%s -> %s', (name, decoded) => expect(decodeDnsName(name)).toBe(decoded));
});

describe('comparableDnsName', () => {
  it.each([
    ['dualstack.web-1234.us-east-1.elb.amazonaws.com.', 'web-1234.us-east-1.elb.amazonaws.com'],
    ['DUALSTACK.WEB-1234.US-EAST-1.ELB.AMAZONAWS.COM.', 'web-1234.us-east-1.elb.amazonaws.com'],
    ['web-1234.us-east-1.elb.amazonaws.com', 'web-1234.us-east-1.elb.amazonaws.com'],
    // Only a leading `dualstack.` label is a load balancer prefix.
    ['api.dualstack.example.com.', 'api.dualstack.example.com'],
  ])('%s -> %s', (name, comparable) => expect(comparableDnsName(name)).toBe(comparable));
});

describe('bareHostedZoneId', () => {
  it('drops the /hostedzone/ prefix, and keeps a bare id as it is', () => {
    expect(bareHostedZoneId('/hostedzone/Z1D633PJN98FT9')).toBe('Z1D633PJN98FT9');
    expect(bareHostedZoneId('Z1D633PJN98FT9')).toBe('Z1D633PJN98FT9');
  });
});

describe('isLoadBalancerDnsName', () => {
  it.each([
    ['dualstack.web-1234567890.us-east-1.elb.amazonaws.com.', true], // ALB, as an alias target
    ['internal-orders-1122334455.eu-west-1.elb.amazonaws.com', true], // internal ALB
    ['events-3f1b7d9e5c2a4086.elb.us-east-1.amazonaws.com.', true], // NLB
    ['legacy-987654321.us-west-2.elb.amazonaws.com', true], // Classic Load Balancer
    ['web-1234567890.cn-north-1.elb.amazonaws.com.cn.', true], // China
    ['DUALSTACK.WEB-1.US-EAST-1.ELB.AMAZONAWS.COM.', true],
    ['d111111abcdef8.cloudfront.net.', false],
    ['s3-website-us-east-1.amazonaws.com.', false],
    ['abc123.execute-api.us-east-1.amazonaws.com.', false],
    ['elb.example.com.', false],
    ['web.us-east-1.elb.amazonaws.com.example.net.', false],
  ])('%s -> %s', (name, expected) => expect(isLoadBalancerDnsName(name)).toBe(expected));
});

describe('routingPolicy', () => {
  it.each<[RoutingPolicy, Partial<DnsRecord>]>([
    ['simple', {}],
    ['failover', { setIdentifier: 'p', failover: 'PRIMARY' }],
    ['weighted', { setIdentifier: 'w', weight: 0 }],
    ['latency', { setIdentifier: 'l', region: 'eu-west-1' }],
    ['geolocation', { setIdentifier: 'g', geoLocation: { countryCode: '*' } }],
    ['geoproximity', { setIdentifier: 'gp', geoProximityLocation: { awsRegion: 'us-east-1', bias: 0 } }],
    ['multivalue', { setIdentifier: 'm', multiValueAnswer: true }],
    ['ip-based', { setIdentifier: 'c', cidrRoutingConfig: { collectionId: 'c1a2b3c4-0000-4000-8000-000000000001', locationName: 'office' } }],
  ])('%s', (policy, fields) => expect(routingPolicy(record(fields))).toBe(policy));

  it('treats a record with multiValueAnswer false as simple', () => {
    expect(routingPolicy(record({ multiValueAnswer: false }))).toBe('simple');
  });
});

describe('recordId', () => {
  it('is <zone>/<name>/<type>, plus /<setIdentifier> where the record has one', () => {
    expect(recordId('Z1D633PJN98FT9', record())).toBe('Z1D633PJN98FT9/www.example.com/A');
    expect(recordId('Z1D633PJN98FT9', record({ setIdentifier: 'blue', weight: 10 }))).toBe('Z1D633PJN98FT9/www.example.com/A/blue');
    expect(recordId('Z1D633PJN98FT9', { name: '*.example.com', type: 'CNAME' })).toBe('Z1D633PJN98FT9/*.example.com/CNAME');
  });
});

describe('recordHealth', () => {
  const alias = (evaluateTargetHealth: boolean) => ({ hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: 'dualstack.web-1.us-east-1.elb.amazonaws.com.', evaluateTargetHealth });
  const id = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a50';
  it.each([
    ['a health check', record({ healthCheckId: id }), { healthCheckId: id }],
    ['an alias evaluating target health', record({ values: [], aliasTarget: alias(true) }), { evaluatedTarget: 'dualstack.web-1.us-east-1.elb.amazonaws.com.' }],
    ['a health check on an alias that does not evaluate', record({ values: [], aliasTarget: alias(false), healthCheckId: id }), { healthCheckId: id }],
    ['an alias not evaluating target health', record({ values: [], aliasTarget: alias(false) }), undefined],
    ['neither', record(), undefined],
  ])('%s', (_, r, expected) => expect(recordHealth(r)).toEqual(expected));
});
