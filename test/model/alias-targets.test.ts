import { describe, expect, it } from 'vitest';
import { AliasTargets } from '../../src/model/alias-targets.js';
import {
  emptyRegionInventory,
  type AccountInventory,
  type AliasTarget,
  type DnsRecord,
  type HostedZone,
  type LoadBalancer,
  type RegionInventory,
} from '../../src/model/inventory.js';

const ACCOUNT = '111122223333';

function loadBalancer(region: string, name: string, dnsName: string, type: LoadBalancer['type'] = 'application'): LoadBalancer {
  return {
    arn: `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/${type === 'network' ? 'net' : 'app'}/${name}/0123456789abcdef`,
    name,
    type,
    dnsName,
    scheme: 'internet-facing',
    availabilityZones: [{ zoneName: `${region}a` }, { zoneName: `${region}b` }],
    attributes: {},
    listeners: [],
    tags: {},
  };
}

const WEB_USE1 = loadBalancer('us-east-1', 'web-use1', 'web-use1-1234567890.us-east-1.elb.amazonaws.com');
const EVENTS_USE1 = loadBalancer('us-east-1', 'events-use1', 'events-use1-3f1b7d9e5c2a4086.elb.us-east-1.amazonaws.com', 'network');
const WEB_EUW1 = loadBalancer('eu-west-1', 'web-euw1', 'web-euw1-987654321.eu-west-1.elb.amazonaws.com');

function region(name: string, loadBalancers: LoadBalancer[]): RegionInventory {
  const inventory = emptyRegionInventory(name);
  inventory.elbv2.loadBalancers = loadBalancers;
  return inventory;
}

const alias = (hostedZoneId: string, dnsName: string, evaluateTargetHealth = true): AliasTarget => ({ hostedZoneId, dnsName, evaluateTargetHealth });
const aliasRecord = (name: string, target: AliasTarget, fields: Partial<DnsRecord> = {}): DnsRecord => ({ name, type: 'A', ...fields, values: [], aliasTarget: target });

const ZONE_ID = 'Z1D633PJN98FT9';

function targets(records: DnsRecord[], otherZones: HostedZone[] = []): { zone: HostedZone; aliasTargets: AliasTargets } {
  const zone: HostedZone = { id: ZONE_ID, name: 'example.com', privateZone: false, records };
  const account: AccountInventory = {
    accountId: ACCOUNT,
    route53: { hostedZones: [zone, ...otherZones], healthChecks: [] },
    regions: [region('us-east-1', [WEB_USE1, EVENTS_USE1]), region('eu-west-1', [WEB_EUW1])],
  };
  return { zone, aliasTargets: new AliasTargets(account) };
}

/** `name (region)` of each destination of the record named `name`. */
function destinationsOf(records: DnsRecord[], name: string, setIdentifier?: string, otherZones: HostedZone[] = []): string[] {
  const { zone, aliasTargets } = targets(records, otherZones);
  const record = records.find((r) => r.name === name && r.setIdentifier === setIdentifier)!;
  return aliasTargets.destinations(zone, record).map((d) => `${d.loadBalancer.name} (${d.region})`);
}

describe('AliasTargets', () => {
  it('finds a load balancer of any region by its DNS name: dualstack prefix, upper case and trailing dot ignored', () => {
    const records = [
      aliasRecord('a.example.com', alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.')),
      aliasRecord('b.example.com', alias('Z35SXDOTRQ7X7K', 'DUALSTACK.WEB-USE1-1234567890.US-EAST-1.ELB.AMAZONAWS.COM.')),
      aliasRecord('c.example.com', alias('Z26RNL4JYFTOTI', 'events-use1-3f1b7d9e5c2a4086.elb.us-east-1.amazonaws.com.')),
      aliasRecord('d.example.com', alias('Z32O12XQLNTSW2', 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.')),
    ];
    expect(destinationsOf(records, 'a.example.com')).toEqual(['web-use1 (us-east-1)']);
    expect(destinationsOf(records, 'b.example.com')).toEqual(['web-use1 (us-east-1)']);
    expect(destinationsOf(records, 'c.example.com')).toEqual(['events-use1 (us-east-1)']);
    expect(destinationsOf(records, 'd.example.com')).toEqual(['web-euw1 (eu-west-1)']);
  });

  it('follows an alias to another record of the zone, of the same type, to its load balancer', () => {
    const records = [
      aliasRecord('www.example.com', alias(ZONE_ID, 'eu.example.com.')),
      aliasRecord('eu.example.com', alias('Z32O12XQLNTSW2', 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.')),
      // Same name, other type: not where an A alias leads.
      { name: 'eu.example.com', type: 'AAAA', values: [], aliasTarget: alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.') },
    ];
    expect(destinationsOf(records, 'www.example.com')).toEqual(['web-euw1 (eu-west-1)']);
  });

  it('accepts the /hostedzone/ prefix on the alias zone id and escaped, upper-case record names', () => {
    const records = [
      aliasRecord('www.example.com', alias(`/hostedzone/${ZONE_ID}`, 'ORIGIN.Example.com.')),
      aliasRecord('origin.example.com', alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.')),
      aliasRecord('star.example.com', alias(ZONE_ID, '\\052.example.com.')),
      aliasRecord('*.example.com', alias('Z32O12XQLNTSW2', 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.')),
    ];
    expect(destinationsOf(records, 'www.example.com')).toEqual(['web-use1 (us-east-1)']);
    expect(destinationsOf(records, 'star.example.com')).toEqual(['web-euw1 (eu-west-1)']);
  });

  it('does not strip dualstack. from the name of a record: only load balancer names carry it', () => {
    const records = [
      aliasRecord('www.example.com', alias(ZONE_ID, 'dualstack.example.com.')),
      aliasRecord('dualstack.example.com', alias('Z32O12XQLNTSW2', 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.')),
      aliasRecord('example.com', alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.')),
    ];
    expect(destinationsOf(records, 'www.example.com')).toEqual(['web-euw1 (eu-west-1)']);
  });

  it('gives every load balancer of a weighted set or failover pair it leads to, each once', () => {
    const records = [
      aliasRecord('www.example.com', alias(ZONE_ID, 'app.example.com.')),
      aliasRecord('app.example.com', alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.'), { setIdentifier: 'a', weight: 50 }),
      aliasRecord('app.example.com', alias('Z32O12XQLNTSW2', 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.'), { setIdentifier: 'b', weight: 50 }),
      aliasRecord('app.example.com', alias('Z35SXDOTRQ7X7K', 'web-use1-1234567890.us-east-1.elb.amazonaws.com.'), { setIdentifier: 'c', weight: 0 }),
    ];
    expect(destinationsOf(records, 'www.example.com')).toEqual(['web-use1 (us-east-1)', 'web-euw1 (eu-west-1)']);
  });

  it('looks for the record in the zone the alias names, not in the zone of the alias', () => {
    const other: HostedZone = {
      id: 'Z08123942VLGFB3PLRPXA',
      name: 'example.com',
      privateZone: true,
      records: [aliasRecord('origin.example.com', alias('Z32O12XQLNTSW2', 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.'))],
    };
    const records = [
      aliasRecord('www.example.com', alias('Z08123942VLGFB3PLRPXA', 'origin.example.com.')),
      aliasRecord('origin.example.com', alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.')),
    ];
    expect(destinationsOf(records, 'www.example.com', undefined, [other])).toEqual(['web-euw1 (eu-west-1)']);
  });

  it('finds nothing where the alias leads outside the inventory: CloudFront, S3 website, a region not scanned, a non-alias record', () => {
    const records = [
      aliasRecord('cdn.example.com', alias('Z2FDTNDATAQYW2', 'd111111abcdef8.cloudfront.net.')),
      aliasRecord('site.example.com', alias('Z3AQBSTGFYJSTF', 's3-website-us-east-1.amazonaws.com.')),
      aliasRecord('apse2.example.com', alias('Z1GM3OXH4ZPM65', 'dualstack.api-1122334455.ap-southeast-2.elb.amazonaws.com.')),
      aliasRecord('via.example.com', alias(ZONE_ID, 'plain.example.com.')),
      { name: 'plain.example.com', type: 'A', ttl: 60, values: ['192.0.2.10'] },
      aliasRecord('nowhere.example.com', alias(ZONE_ID, 'missing.example.com.')),
    ];
    for (const name of ['cdn.example.com', 'site.example.com', 'apse2.example.com', 'via.example.com', 'plain.example.com', 'nowhere.example.com']) {
      expect(destinationsOf(records, name), name).toEqual([]);
    }
  });

  it('stops on a loop of aliases and on chains longer than 8 hops', () => {
    const loop = [
      aliasRecord('a.example.com', alias(ZONE_ID, 'b.example.com.')),
      aliasRecord('b.example.com', alias(ZONE_ID, 'a.example.com.')),
      aliasRecord('self.example.com', alias(ZONE_ID, 'self.example.com.')),
    ];
    expect(destinationsOf(loop, 'a.example.com')).toEqual([]);
    expect(destinationsOf(loop, 'self.example.com')).toEqual([]);

    const chain = (length: number) => [
      ...Array.from({ length }, (_, i) => aliasRecord(`hop${i}.example.com`, alias(ZONE_ID, `hop${i + 1}.example.com.`))),
      aliasRecord(`hop${length}.example.com`, alias('Z35SXDOTRQ7X7K', 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.')),
    ];
    expect(destinationsOf(chain(8), 'hop0.example.com')).toEqual(['web-use1 (us-east-1)']);
    expect(destinationsOf(chain(9), 'hop0.example.com')).toEqual([]);
  });
});

describe('AliasTargets.resolution: whether every branch ends at a load balancer of the inventory', () => {
  const resolve = (records: DnsRecord[], name: string, setIdentifier?: string) => {
    const { zone, aliasTargets } = targets(records);
    const resolution = aliasTargets.resolution(zone, records.find((r) => r.name === name && r.setIdentifier === setIdentifier)!);
    return { names: resolution.destinations.map((d) => d.loadBalancer.name), complete: resolution.complete };
  };

  it('complete when the alias is a load balancer of the inventory', () => {
    expect(resolve([aliasRecord('www.example.com', alias('Z35SXDOTRQ7X7K', `dualstack.${WEB_USE1.dnsName}.`))], 'www.example.com')).toEqual({ names: ['web-use1'], complete: true });
  });

  it('incomplete when one branch of a weighted set leads to a load balancer of a region not scanned', () => {
    const records = [
      aliasRecord('standby.example.com', alias('Z35SXDOTRQ7X7K', `${WEB_USE1.dnsName}.`), { setIdentifier: 'a', weight: 50 }),
      aliasRecord('standby.example.com', alias('Z1H1FL5HABSF5', 'web-usw2-1.us-west-2.elb.amazonaws.com.'), { setIdentifier: 'b', weight: 50 }),
      aliasRecord('www.example.com', alias(ZONE_ID, 'standby.example.com.'), { setIdentifier: 'secondary', failover: 'SECONDARY' }),
    ];
    expect(resolve(records, 'www.example.com', 'secondary')).toEqual({ names: ['web-use1'], complete: false });
  });

  it('incomplete for CloudFront, for an address record in the chain, and for a record that is not an alias', () => {
    const records: DnsRecord[] = [
      aliasRecord('cdn.example.com', alias('Z2FDTNDATAQYW2', 'd111111abcdef8.cloudfront.net.')),
      { name: 'ip.example.com', type: 'A', values: ['192.0.2.10'] },
      aliasRecord('via-ip.example.com', alias(ZONE_ID, 'ip.example.com.')),
    ];
    expect(resolve(records, 'cdn.example.com').complete).toBe(false);
    expect(resolve(records, 'via-ip.example.com').complete).toBe(false);
    expect(resolve(records, 'ip.example.com').complete).toBe(false);
  });
});
