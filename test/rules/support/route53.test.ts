import { describe, expect, it } from 'vitest';
import { commandLine } from '../../../src/engine/shell.js';
import type { DnsRecord, HostedZone } from '../../../src/model/inventory.js';
import { canEvaluateTargetHealth, recordLabel, resourceRecordSet, zoneLabel } from '../../../rules/support/route53.js';
import { aws, json } from '../../../src/engine/command.js';

const ZONE: HostedZone = { id: 'Z1D633PJN98FT9', name: 'example.com', privateZone: false, records: [] };

describe('resourceRecordSet', () => {
  it('gives every field of the record under its ChangeResourceRecordSets name', () => {
    expect(
      resourceRecordSet({
        name: 'near.example.com',
        type: 'A',
        setIdentifier: 'near-use1',
        values: ['192.0.2.10'],
        ttl: 60,
        healthCheckId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a50',
        geoProximityLocation: { coordinates: { latitude: '49.22', longitude: '-74.01' }, bias: -10 },
      }),
    ).toEqual({
      Name: 'near.example.com',
      Type: 'A',
      SetIdentifier: 'near-use1',
      TTL: 60,
      ResourceRecords: [{ Value: '192.0.2.10' }],
      HealthCheckId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a50',
      GeoProximityLocation: { Coordinates: { Latitude: '49.22', Longitude: '-74.01' }, Bias: -10 },
    });
    expect(
      resourceRecordSet({
        name: 'office.example.com',
        type: 'A',
        setIdentifier: 'office',
        values: [],
        aliasTarget: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: 'dualstack.web-1.us-east-1.elb.amazonaws.com.', evaluateTargetHealth: false },
        cidrRoutingConfig: { collectionId: 'c1a2b3c4-0000-4000-8000-000000000001', locationName: 'paris' },
      }),
    ).toEqual({
      Name: 'office.example.com',
      Type: 'A',
      SetIdentifier: 'office',
      AliasTarget: { HostedZoneId: 'Z35SXDOTRQ7X7K', DNSName: 'dualstack.web-1.us-east-1.elb.amazonaws.com.', EvaluateTargetHealth: false },
      CidrRoutingConfig: { CollectionId: 'c1a2b3c4-0000-4000-8000-000000000001', LocationName: 'paris' },
    });
    expect(resourceRecordSet({ name: 'w.example.com', type: 'A', setIdentifier: 'off', weight: 0, multiValueAnswer: false, ttl: 60, values: ['192.0.2.1'] })).toMatchObject({
      Weight: 0,
      MultiValueAnswer: false,
    });
  });
});

describe('a change batch on the command line', () => {
  it('is quoted whole for the shell, apostrophes and TXT quotes included', () => {
    const record: DnsRecord = { name: 'example.com', type: 'TXT', ttl: 300, values: [`"it's verified"`] };
    const step = aws('route53', 'change-resource-record-sets', '--hosted-zone-id', ZONE.id, '--change-batch', json({ Changes: [{ Action: 'UPSERT', ResourceRecordSet: resourceRecordSet(record) }] }));
    expect(commandLine(step)).toBe(
      `aws route53 change-resource-record-sets --hosted-zone-id Z1D633PJN98FT9 --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"example.com","Type":"TXT","TTL":300,"ResourceRecords":[{"Value":"\\"it'\\''s verified\\""}]}}]}'`,
    );
  });
});

describe('canEvaluateTargetHealth', () => {
  it('is false for a CloudFront distribution only', () => {
    expect(canEvaluateTargetHealth({ hostedZoneId: '/hostedzone/Z2FDTNDATAQYW2', dnsName: 'd111111abcdef8.cloudfront.net.', evaluateTargetHealth: false })).toBe(false);
    expect(canEvaluateTargetHealth({ hostedZoneId: 'Z3AQBSTGFYJSTF', dnsName: 's3-website-us-east-1.amazonaws.com.', evaluateTargetHealth: false })).toBe(true);
  });
});

describe('labels', () => {
  it('name a record with its set identifier, and a zone as public or private', () => {
    expect(recordLabel({ name: 'www.example.com', type: 'A', setIdentifier: 'blue', values: [] })).toBe('www.example.com A (set blue)');
    expect(recordLabel({ name: 'www.example.com', type: 'A', values: [] })).toBe('www.example.com A');
    expect(zoneLabel(ZONE)).toBe('zone example.com');
    expect(zoneLabel({ ...ZONE, privateZone: true })).toBe('private zone example.com');
  });
});
