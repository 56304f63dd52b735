import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, RegionCalls } from '../../src/collect/region-calls.js';
import { collectRoute53 } from '../../src/collect/route53.js';
import { recordId } from '../../src/model/dns.js';
import { parseInventory } from '../../src/model/inventory-file.js';
import { GLOBAL_REGION, INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, type DnsRecord, type Route53Inventory } from '../../src/model/inventory.js';
import { ACCOUNT_ID, awsError } from '../support/aws-responses.js';
import {
  albAliasTarget,
  aliasRecordSet,
  healthCheck,
  hostedZone,
  httpsHealthCheck,
  mockedRoute53s,
  recordSet,
  uuidOf,
  zoneIdOf,
  type MockedRoute53,
} from '../support/mocked-route53.js';

const mockedRoute53 = mockedRoute53s();

/** The calls of a scan, unpaced: these tests are about what is asked, the token bucket has its own. */
// A mocked client does not retry: a throttling error here stands for one the SDK gave up on, so no extra rounds.
const unpacedCalls = () => new RegionCalls(ACCOUNT_ID, GLOBAL_REGION, { rates: { route53: { rate: 10_000, burst: 10_000 } }, throttleRounds: 0 });

async function collect(fake: MockedRoute53, calls = unpacedCalls()) {
  const inventory = await collectRoute53(fake.client, calls);
  return { inventory, calls };
}

/** The collected data goes into a saved inventory: no `undefined` property, and valid against the schema. */
async function expectSavable(route53: Route53Inventory): Promise<void> {
  expect(JSON.parse(JSON.stringify(route53))).toStrictEqual(route53);
  const inventory = { format: INVENTORY_FORMAT, formatVersion: INVENTORY_FORMAT_VERSION, collectedAt: '2026-01-01T00:00:00.000Z', accounts: [{ accountId: ACCOUNT_ID, route53, regions: [] }], gaps: [] };
  await expect(parseInventory(JSON.stringify(inventory), 'route53.json')).resolves.toEqual(inventory);
}

const APEX: DnsRecord[] = [
  { name: 'example.com', type: 'NS', ttl: 172800, values: ['ns-1536.awsdns-00.co.uk.', 'ns-0.awsdns-00.com.', 'ns-1024.awsdns-00.org.', 'ns-512.awsdns-00.net.'] },
  { name: 'example.com', type: 'SOA', ttl: 900, values: ['ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400'] },
];

const ids = (zoneId: string, records: DnsRecord[]) => records.map((r) => recordId(zoneId, r));

describe('collectRoute53: mapping the API responses', () => {
  it('maps every field of every routing policy, and every health check with its configuration', async () => {
    const api = httpsHealthCheck('api.example.com');
    const oregon = healthCheck('latency oregon', { Type: 'HTTP', IPAddress: '192.0.2.44', Port: 80, ResourcePath: '/', RequestInterval: 10, FailureThreshold: 2, MeasureLatency: true, Inverted: false, Disabled: false, EnableSNI: false });
    const calculated = healthCheck('calculated', { Type: 'CALCULATED', Inverted: false, Disabled: false, HealthThreshold: 1, ChildHealthChecks: [api.Id!, oregon.Id!] });
    const legacy = healthCheck('legacy tcp', { Type: 'TCP', IPAddress: '198.51.100.7', Port: 5432, RequestInterval: 30, FailureThreshold: 3, MeasureLatency: false, Inverted: true, Disabled: true });
    // A metric health check: the API leaves out what does not apply, Disabled and Inverted too when never set.
    const alarm = healthCheck('alarm', { Type: 'CLOUDWATCH_METRIC', AlarmIdentifier: { Region: 'us-east-1', Name: 'api-5xx' }, InsufficientDataHealthStatus: 'LastKnownStatus' });
    const collection = uuidOf('cidr collection');
    const zone = hostedZone(
      'example.com.',
      [
        recordSet('\\052.example.com.', 'CNAME', ['www.example.com']),
        aliasRecordSet('api.example.com.', 'A', albAliasTarget('api-alb', true), { SetIdentifier: 'api-primary', Failover: 'PRIMARY', HealthCheckId: api.Id }),
        aliasRecordSet('api.example.com.', 'A', albAliasTarget('api-alb-dr', false, 'eu-west-1'), { SetIdentifier: 'api-secondary', Failover: 'SECONDARY' }),
        aliasRecordSet('cdn.example.com.', 'A', { HostedZoneId: 'Z2FDTNDATAQYW2', DNSName: 'd111111abcdef8.cloudfront.net.', EvaluateTargetHealth: false }),
        recordSet('cidr.example.com.', 'A', ['192.0.2.80'], { SetIdentifier: 'office', CidrRoutingConfig: { CollectionId: collection, LocationName: 'office' } }),
        recordSet('geo.example.com.', 'A', ['192.0.2.1'], { SetIdentifier: 'default', GeoLocation: { CountryCode: '*' } }),
        recordSet('geo.example.com.', 'A', ['192.0.2.2'], { SetIdentifier: 'europe', GeoLocation: { ContinentCode: 'EU' } }),
        recordSet('geo.example.com.', 'A', ['192.0.2.3'], { SetIdentifier: 'washington', GeoLocation: { CountryCode: 'US', SubdivisionCode: 'WA' } }),
        recordSet('latency.example.com.', 'AAAA', ['2001:db8::1'], { TTL: 60, SetIdentifier: 'oregon', Region: 'us-west-2', HealthCheckId: oregon.Id }),
        recordSet('multi.example.com.', 'A', ['192.0.2.21'], { SetIdentifier: 'mv-1', MultiValueAnswer: true, HealthCheckId: calculated.Id }),
        recordSet('near.example.com.', 'A', ['192.0.2.31'], { SetIdentifier: 'boston', GeoProximityLocation: { LocalZoneGroup: 'us-east-1-bos-1' } }),
        recordSet('near.example.com.', 'A', ['192.0.2.32'], { SetIdentifier: 'ny', GeoProximityLocation: { Coordinates: { Latitude: '40.71', Longitude: '-74.01' }, Bias: -10 } }),
        recordSet('near.example.com.', 'A', ['192.0.2.33'], { SetIdentifier: 'virginia', GeoProximityLocation: { AWSRegion: 'us-east-1', Bias: 25 } }),
        recordSet('www.example.com.', 'A', ['192.0.2.10'], { SetIdentifier: 'blue', Weight: 0 }),
        recordSet('www.example.com.', 'TXT', ['"v=spf1 include:_spf.example.com ~all"']),
      ],
      { comment: 'public zone' },
    );
    const fake = mockedRoute53({ zones: [zone], healthChecks: [api, oregon, calculated, legacy, alarm] });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    const zoneId = zoneIdOf('example.com.');
    expect(inventory.hostedZones).toStrictEqual([
      {
        id: zoneId,
        name: 'example.com',
        privateZone: false,
        records: [
          ...APEX,
          { name: '*.example.com', type: 'CNAME', ttl: 300, values: ['www.example.com'] },
          {
            name: 'api.example.com',
            type: 'A',
            setIdentifier: 'api-primary',
            values: [],
            aliasTarget: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: albAliasTarget('api-alb', true).DNSName, evaluateTargetHealth: true },
            healthCheckId: api.Id,
            failover: 'PRIMARY',
          },
          {
            name: 'api.example.com',
            type: 'A',
            setIdentifier: 'api-secondary',
            values: [],
            aliasTarget: { hostedZoneId: 'Z32O12XQLNTSW2', dnsName: albAliasTarget('api-alb-dr', false, 'eu-west-1').DNSName, evaluateTargetHealth: false },
            failover: 'SECONDARY',
          },
          { name: 'cdn.example.com', type: 'A', values: [], aliasTarget: { hostedZoneId: 'Z2FDTNDATAQYW2', dnsName: 'd111111abcdef8.cloudfront.net.', evaluateTargetHealth: false } },
          { name: 'cidr.example.com', type: 'A', setIdentifier: 'office', ttl: 300, values: ['192.0.2.80'], cidrRoutingConfig: { collectionId: collection, locationName: 'office' } },
          { name: 'geo.example.com', type: 'A', setIdentifier: 'default', ttl: 300, values: ['192.0.2.1'], geoLocation: { countryCode: '*' } },
          { name: 'geo.example.com', type: 'A', setIdentifier: 'europe', ttl: 300, values: ['192.0.2.2'], geoLocation: { continentCode: 'EU' } },
          { name: 'geo.example.com', type: 'A', setIdentifier: 'washington', ttl: 300, values: ['192.0.2.3'], geoLocation: { countryCode: 'US', subdivisionCode: 'WA' } },
          { name: 'latency.example.com', type: 'AAAA', setIdentifier: 'oregon', ttl: 60, values: ['2001:db8::1'], healthCheckId: oregon.Id, region: 'us-west-2' },
          { name: 'multi.example.com', type: 'A', setIdentifier: 'mv-1', ttl: 300, values: ['192.0.2.21'], healthCheckId: calculated.Id, multiValueAnswer: true },
          { name: 'near.example.com', type: 'A', setIdentifier: 'boston', ttl: 300, values: ['192.0.2.31'], geoProximityLocation: { localZoneGroup: 'us-east-1-bos-1' } },
          { name: 'near.example.com', type: 'A', setIdentifier: 'ny', ttl: 300, values: ['192.0.2.32'], geoProximityLocation: { bias: -10, coordinates: { latitude: '40.71', longitude: '-74.01' } } },
          { name: 'near.example.com', type: 'A', setIdentifier: 'virginia', ttl: 300, values: ['192.0.2.33'], geoProximityLocation: { awsRegion: 'us-east-1', bias: 25 } },
          // Weight 0 is a weight (the record gets no traffic), not an absent one.
          { name: 'www.example.com', type: 'A', setIdentifier: 'blue', ttl: 300, values: ['192.0.2.10'], weight: 0 },
          { name: 'www.example.com', type: 'TXT', ttl: 300, values: ['"v=spf1 include:_spf.example.com ~all"'] },
        ],
      },
    ]);

    expect(inventory.healthChecks).toStrictEqual([
      { id: api.Id, type: 'HTTPS', fqdn: 'api.example.com', port: 443, resourcePath: '/health', requestInterval: 30, failureThreshold: 3, disabled: false, inverted: false },
      { id: oregon.Id, type: 'HTTP', ipAddress: '192.0.2.44', port: 80, resourcePath: '/', requestInterval: 10, failureThreshold: 2, disabled: false, inverted: false },
      { id: calculated.Id, type: 'CALCULATED', disabled: false, inverted: false, childHealthChecks: [api.Id, oregon.Id], healthThreshold: 1 },
      { id: legacy.Id, type: 'TCP', ipAddress: '198.51.100.7', port: 5432, requestInterval: 30, failureThreshold: 3, disabled: true, inverted: true },
      { id: alarm.Id, type: 'CLOUDWATCH_METRIC', disabled: false, inverted: false },
    ]);
    await expectSavable(inventory);
  });

  it('decodes escaped names and drops the trailing dot, and keeps alias DNS names as the API returns them', async () => {
    const target = { HostedZoneId: 'Z26RNL4JYFTOTI', DNSName: 'Web-NLB-0123456789abcdef.elb.us-east-1.amazonaws.com.', EvaluateTargetHealth: true };
    const fake = mockedRoute53({
      zones: [
        hostedZone('example.com.', [
          recordSet('\\052.example.com.', 'A', ['192.0.2.10']),
          aliasRecordSet('\\052.dev.example.com.', 'A', target),
          // `@` and a space in a TXT owner name, escaped as Route 53 writes them.
          recordSet('a\\100b\\040c.example.com.', 'TXT', ['"odd"']),
        ]),
      ],
    });
    const { inventory } = await collect(fake);
    const records = inventory.hostedZones[0]!.records.slice(APEX.length);
    expect(inventory.hostedZones[0]!.name).toBe('example.com');
    // In the API's order: `*` sorts before letters.
    expect(records.map((r) => r.name)).toEqual(['*.example.com', 'a@b c.example.com', '*.dev.example.com']);
    expect(records[2]!.aliasTarget).toEqual({ hostedZoneId: 'Z26RNL4JYFTOTI', dnsName: 'Web-NLB-0123456789abcdef.elb.us-east-1.amazonaws.com.', evaluateTargetHealth: true });
  });

  it('collects private hosted zones, a split-horizon name twice with the records of each', async () => {
    const publicZone = hostedZone('example.com.', [recordSet('app.example.com.', 'A', ['203.0.113.10'])]);
    const privateZone = hostedZone('example.com.', [recordSet('app.example.com.', 'A', ['10.0.1.10']), recordSet('db.example.com.', 'CNAME', ['prod.cluster-abc.us-east-1.rds.amazonaws.com'])], {
      privateZone: true,
      comment: 'VPC vpc-0e9801d129EXAMPLE',
    });
    const fake = mockedRoute53({ zones: [publicZone, privateZone] });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    const privateId = zoneIdOf('example.com. private');
    expect(inventory.hostedZones.map((z) => [z.id, z.name, z.privateZone])).toEqual([
      [zoneIdOf('example.com.'), 'example.com', false],
      [privateId, 'example.com', true],
    ]);
    expect(inventory.hostedZones[1]!.records.slice(APEX.length)).toEqual([
      { name: 'app.example.com', type: 'A', ttl: 300, values: ['10.0.1.10'] },
      { name: 'db.example.com', type: 'CNAME', ttl: 300, values: ['prod.cluster-abc.us-east-1.rds.amazonaws.com'] },
    ]);
    // The SDK sends the id without its `/hostedzone/` prefix.
    expect(fake.inputs('ListResourceRecordSets').map((i) => i.HostedZoneId)).toEqual([zoneIdOf('example.com.'), privateId]);
    await expectSavable(inventory);
  });

  it('collects a zone with no record but its apex, and an account with no zone and no health check', async () => {
    const empty = await collect(mockedRoute53({}));
    expect(empty.inventory).toStrictEqual({ hostedZones: [], healthChecks: [] });
    const apexOnly = await collect(mockedRoute53({ zones: [hostedZone('example.com.')] }));
    expect(apexOnly.inventory.hostedZones[0]!.records).toStrictEqual(APEX);
  });
});

describe('collectRoute53: pagination', () => {
  it('pages through the hosted zones, 100 a call, passing each NextMarker back as Marker', async () => {
    const zones = ['a', 'b', 'c', 'd', 'e'].map((n) => hostedZone(`${n}.example.com.`));
    const fake = mockedRoute53({ zones }, { pageSize: { ListHostedZones: 2 } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    const zoneIds = ['a', 'b', 'c', 'd', 'e'].map((n) => zoneIdOf(`${n}.example.com.`));
    expect(fake.inputs('ListHostedZones')).toEqual([{ MaxItems: 100 }, { Marker: zoneIds[2], MaxItems: 100 }, { Marker: zoneIds[4], MaxItems: 100 }]);
    expect(inventory.hostedZones.map((z) => z.id)).toEqual(zoneIds);
    expect(inventory.hostedZones.map((z) => z.name)).toEqual(['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com']);
    expect(
      fake
        .inputs('ListResourceRecordSets')
        .map((i) => i.HostedZoneId)
        .sort(),
    ).toEqual([...zoneIds].sort());
  });

  it('follows NextRecordName, NextRecordType and NextRecordIdentifier, 300 a call, through a page break inside a weighted set', async () => {
    const weighted = (id: string, weight: number, ip: string) => recordSet('www.example.com.', 'A', [ip], { SetIdentifier: id, Weight: weight, TTL: 60 });
    const zone = hostedZone('example.com.', [
      // Listed out of order: the API sorts them (names with their labels reversed, then type).
      recordSet('zeta.example.com.', 'TXT', ['"zeta"']),
      recordSet('www.example.com.', 'TXT', ['"www"']),
      weighted('c', 20, '192.0.2.13'),
      recordSet('zeta.example.com.', 'A', ['192.0.2.30']),
      weighted('a', 50, '192.0.2.11'),
      recordSet('api.example.com.', 'A', ['192.0.2.20']),
      weighted('b', 30, '192.0.2.12'),
      recordSet('www.example.com.', 'AAAA', ['2001:db8::10']),
      recordSet('zeta.example.com.', 'AAAA', ['2001:db8::30']),
    ]);
    const fake = mockedRoute53({ zones: [zone] }, { pageSize: { ListResourceRecordSets: 5 } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);

    const zoneId = zoneIdOf('example.com.');
    // Page 1 ends between www A `b` and `c`; page 2 ends before zeta TXT, a simple record (no identifier).
    expect(fake.inputs('ListResourceRecordSets')).toStrictEqual([
      { HostedZoneId: zoneId, MaxItems: 300 },
      { HostedZoneId: zoneId, MaxItems: 300, StartRecordName: 'www.example.com.', StartRecordType: 'A', StartRecordIdentifier: 'c' },
      { HostedZoneId: zoneId, MaxItems: 300, StartRecordName: 'zeta.example.com.', StartRecordType: 'TXT' },
    ]);
    const collected = ids(zoneId, inventory.hostedZones[0]!.records);
    expect(collected).toEqual([
      `${zoneId}/example.com/NS`,
      `${zoneId}/example.com/SOA`,
      `${zoneId}/api.example.com/A`,
      `${zoneId}/www.example.com/A/a`,
      `${zoneId}/www.example.com/A/b`,
      `${zoneId}/www.example.com/A/c`,
      `${zoneId}/www.example.com/AAAA`,
      `${zoneId}/www.example.com/TXT`,
      `${zoneId}/zeta.example.com/A`,
      `${zoneId}/zeta.example.com/AAAA`,
      `${zoneId}/zeta.example.com/TXT`,
    ]);
    // Every record set of the zone, each once.
    expect(new Set(collected).size).toBe(zone.recordSets.length);
    expect(inventory.hostedZones[0]!.records.filter((r) => r.name === 'www.example.com' && r.type === 'A').map((r) => [r.setIdentifier, r.weight])).toEqual([
      ['a', 50],
      ['b', 30],
      ['c', 20],
    ]);
  });

  it('stops when the API repeats the same next record instead of looping', async () => {
    const zone = hostedZone('example.com.', [recordSet('www.example.com.', 'A', ['192.0.2.10'], { SetIdentifier: 'a', Weight: 1 })]);
    const next = { NextRecordName: 'www.example.com.', NextRecordType: 'A' as const, NextRecordIdentifier: 'a' };
    const fake = mockedRoute53(
      { zones: [zone] },
      {
        handle: {
          ListResourceRecordSets: (_input, call) => ({ ResourceRecordSets: call === 0 ? zone.recordSets.slice(0, 2) : zone.recordSets.slice(2), IsTruncated: true, ...next, MaxItems: 300 }),
        },
      },
    );
    const { inventory } = await collect(fake);
    expect(fake.inputs('ListResourceRecordSets')).toHaveLength(2);
    expect(ids(zoneIdOf('example.com.'), inventory.hostedZones[0]!.records)).toEqual([
      `${zoneIdOf('example.com.')}/example.com/NS`,
      `${zoneIdOf('example.com.')}/example.com/SOA`,
      `${zoneIdOf('example.com.')}/www.example.com/A/a`,
    ]);
  });

  it('pages through the health checks, 1000 a call, passing each NextMarker back as Marker', async () => {
    const checks = ['a', 'b', 'c', 'd', 'e'].map((n) => httpsHealthCheck(`${n}.example.com`));
    const fake = mockedRoute53({ healthChecks: checks }, { pageSize: { ListHealthChecks: 2 } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(fake.inputs('ListHealthChecks')).toEqual([{ MaxItems: 1000 }, { Marker: checks[2]!.Id, MaxItems: 1000 }, { Marker: checks[4]!.Id, MaxItems: 1000 }]);
    expect(inventory.healthChecks.map((c) => c.id)).toEqual(checks.map((c) => c.Id));
    expect(inventory.healthChecks.map((c) => c.fqdn)).toEqual(['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com']);
  });
});

describe('collectRoute53: failures become gaps', () => {
  const world = () => ({
    zones: [
      hostedZone('example.com.', [recordSet('www.example.com.', 'A', ['192.0.2.10'])]),
      hostedZone('example.org.', [recordSet('www.example.org.', 'A', ['192.0.2.20']), recordSet('api.example.org.', 'A', ['192.0.2.21'])]),
      hostedZone('example.net.', [recordSet('www.example.net.', 'A', ['192.0.2.30'])]),
    ],
    healthChecks: [httpsHealthCheck('www.example.com')],
  });

  it('records AccessDenied on ListHealthChecks as a gap, and still collects every zone and record', async () => {
    const message = `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: route53:ListHealthChecks because no identity-based policy allows the route53:ListHealthChecks action`;
    const fake = mockedRoute53(world(), { fail: { ListHealthChecks: () => awsError('AccessDenied', message, 403) } });
    const { inventory, calls } = await collect(fake);

    expect(calls.gaps).toEqual([{ accountId: ACCOUNT_ID, region: 'global', service: 'route53', operation: 'ListHealthChecks', code: 'AccessDenied', message, class: 'denied' }]);
    expect(inventory.healthChecks).toEqual([]);
    expect(inventory.hostedZones.map((z) => [z.name, z.records.length])).toEqual([
      ['example.com', 3],
      ['example.org', 4],
      ['example.net', 3],
    ]);
    await expectSavable(inventory);
  });

  it('keeps a zone whose records could not be listed, with none of them, and a gap', async () => {
    const orgId = zoneIdOf('example.org.');
    // The second page of example.org is throttled past the SDK's retries.
    const fake = mockedRoute53(world(), {
      pageSize: { ListResourceRecordSets: 2 },
      fail: { ListResourceRecordSets: (input) => (input.HostedZoneId === orgId && input.StartRecordName !== undefined ? awsError('Throttling', 'Rate exceeded', 400) : undefined) },
    });
    const { inventory, calls } = await collect(fake);

    expect(calls.gaps).toEqual([{ accountId: ACCOUNT_ID, region: 'global', service: 'route53', operation: 'ListResourceRecordSets', code: 'Throttling', message: 'Rate exceeded', class: 'throttled' }]);
    expect(inventory.hostedZones.map((z) => [z.id, z.records.length])).toEqual([
      [zoneIdOf('example.com.'), 3],
      [orgId, 0],
      [zoneIdOf('example.net.'), 3],
    ]);
    expect(inventory.healthChecks).toHaveLength(1);
  });

  it('a zone whose records are denied (IAM scoped to other zones) is a gap; the other zones are still read', async () => {
    const orgId = zoneIdOf('example.org.');
    const fake = mockedRoute53(world(), {
      fail: { ListResourceRecordSets: (input) => (input.HostedZoneId === orgId ? awsError('AccessDenied', `User is not authorized to perform: route53:ListResourceRecordSets on resource: arn:aws:route53:::hostedzone/${orgId}`, 403) : undefined) },
    });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.operation}:${g.code}`)).toEqual(['ListResourceRecordSets:AccessDenied']);
    expect(inventory.hostedZones.map((z) => [z.id, z.records.length])).toEqual([
      [zoneIdOf('example.com.'), 3],
      [orgId, 0],
      [zoneIdOf('example.net.'), 3],
    ]);
  });

  it('records a denied ListHostedZones as a gap, lists no records, and still collects the health checks', async () => {
    const fake = mockedRoute53(world(), { fail: { ListHostedZones: () => awsError('AccessDenied', 'User is not authorized to perform: route53:ListHostedZones', 403) } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.region}:${g.service}:${g.operation}:${g.code}`)).toEqual(['global:route53:ListHostedZones:AccessDenied']);
    expect(inventory.hostedZones).toEqual([]);
    expect(fake.inputs('ListResourceRecordSets')).toEqual([]);
    expect(inventory.healthChecks.map((c) => c.fqdn)).toEqual(['www.example.com']);
  });
});

describe('collectRoute53: rate', () => {
  it('keeps at most 4 calls in flight, and uses them all', async () => {
    expect(DEFAULT_CONCURRENCY.route53).toBe(4);
    const zones = Array.from({ length: 8 }, (_, i) => hostedZone(`zone${i}.example.com.`, [recordSet(`www.zone${i}.example.com.`, 'A', [`192.0.2.${i + 1}`])]));
    const fake = mockedRoute53(
      { zones, healthChecks: [httpsHealthCheck('www.example.com')] },
      { pageSize: { ListResourceRecordSets: 2 }, latencyMs: { ListHostedZones: 10, ListResourceRecordSets: 10, ListHealthChecks: 10 } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    // 1 zone listing, 1 health check listing, 2 record pages for each of the 8 zones.
    expect(fake.inputs('ListResourceRecordSets')).toHaveLength(16);
    expect(fake.maxInFlight).toBe(4);
    expect(inventory.hostedZones.every((z) => z.records.length === 3)).toBe(true);
  });

  it('asks only for the read-only operations it declares', async () => {
    const fake = mockedRoute53({ zones: [hostedZone('example.com.', [recordSet('www.example.com.', 'A', ['192.0.2.10'])])], healthChecks: [httpsHealthCheck('www.example.com')] });
    await collect(fake);
    expect([...new Set(fake.sentCommands())].sort()).toEqual(['route53:ListHealthChecks', 'route53:ListHostedZones', 'route53:ListResourceRecordSets']);
  });
});
