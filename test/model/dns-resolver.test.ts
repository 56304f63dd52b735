import { describe, expect, it } from 'vitest';
import { answerTtl, DnsResolver } from '../../src/model/dns-resolver.js';
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

function targets(records: DnsRecord[], otherZones: HostedZone[] = []): { zone: HostedZone; resolver: DnsResolver } {
  const zone: HostedZone = { id: ZONE_ID, name: 'example.com', privateZone: false, records };
  const account: AccountInventory = {
    accountId: ACCOUNT,
    route53: { hostedZones: [zone, ...otherZones], healthChecks: [] },
    regions: [region('us-east-1', [WEB_USE1, EVENTS_USE1]), region('eu-west-1', [WEB_EUW1])],
  };
  return { zone, resolver: new DnsResolver([account]) };
}

/** `name (region)` of each destination of the record named `name`. */
function destinationsOf(records: DnsRecord[], name: string, setIdentifier?: string, otherZones: HostedZone[] = []): string[] {
  const { zone, resolver } = targets(records, otherZones);
  const record = records.find((r) => r.name === name && r.setIdentifier === setIdentifier)!;
  return resolver.resolve(zone, record).loadBalancers.map((d) => `${d.loadBalancer.name} (${d.region})`);
}

describe('DnsResolver: aliases', () => {
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

describe('DnsResolver: whether every branch ends at a load balancer of the scan', () => {
  const resolve = (records: DnsRecord[], name: string, setIdentifier?: string) => {
    const { zone, resolver } = targets(records);
    const resolution = resolver.resolve(zone, records.find((r) => r.name === name && r.setIdentifier === setIdentifier)!);
    return { names: resolution.loadBalancers.map((d) => d.loadBalancer.name), complete: resolution.complete };
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

const cname = (name: string, value: string, fields: Partial<DnsRecord> = {}): DnsRecord => ({ name, type: 'CNAME', ttl: 300, ...fields, values: [value] });

describe('DnsResolver: CNAMEs', () => {
  it('resolves a CNAME whose value is a load balancer DNS name, compared without case, trailing dot and dualstack.', () => {
    const records = [
      cname('a.example.com', 'web-use1-1234567890.us-east-1.elb.amazonaws.com'),
      cname('b.example.com', 'DualStack.Web-Use1-1234567890.US-EAST-1.elb.amazonaws.com.'),
      cname('c.example.com', 'events-use1-3f1b7d9e5c2a4086.elb.us-east-1.amazonaws.com.'),
    ];
    expect(destinationsOf(records, 'a.example.com')).toEqual(['web-use1 (us-east-1)']);
    expect(destinationsOf(records, 'b.example.com')).toEqual(['web-use1 (us-east-1)']);
    expect(destinationsOf(records, 'c.example.com')).toEqual(['events-use1 (us-east-1)']);
  });

  it('follows a CNAME chain through records of the scanned zones: CNAME to CNAME to a weighted set of aliases', () => {
    const records = [
      cname('www.example.com', 'edge.example.com.'),
      cname('edge.example.com', 'app.example.com'),
      aliasRecord('app.example.com', alias('Z35SXDOTRQ7X7K', `dualstack.${WEB_USE1.dnsName}.`), { setIdentifier: 'a', weight: 50 }),
      aliasRecord('app.example.com', alias('Z32O12XQLNTSW2', `dualstack.${WEB_EUW1.dnsName}.`), { setIdentifier: 'b', weight: 50 }),
    ];
    const { zone, resolver } = targets(records);
    const resolution = resolver.resolve(zone, records[0]!);
    expect(resolution.complete).toBe(true);
    expect(resolution.branches.map((b) => b.chain.map((l) => l.record.setIdentifier ?? l.record.name))).toEqual([
      ['www.example.com', 'edge.example.com', 'a'],
      ['www.example.com', 'edge.example.com', 'b'],
    ]);
  });

  it('finds the host of a CNAME in the longest scanned zone that holds it, preferring one as private as the asking zone', () => {
    const sub: HostedZone = { id: 'ZSUB', name: 'api.example.com', privateZone: false, records: [cname('v1.api.example.com', WEB_EUW1.dnsName)] };
    const privateTwin: HostedZone = { id: 'ZPRIV', name: 'api.example.com', privateZone: true, records: [cname('v1.api.example.com', WEB_USE1.dnsName)] };
    const records = [cname('www.example.com', 'v1.api.example.com')];
    expect(destinationsOf(records, 'www.example.com', undefined, [sub, privateTwin])).toEqual(['web-euw1 (eu-west-1)']);
  });

  it('says where a branch leaves the scan: CloudFront, S3, API Gateway, a load balancer not scanned, an address, a name of no scanned zone, a missing record, a loop', () => {
    const records: DnsRecord[] = [
      cname('cdn.example.com', 'd111111abcdef8.cloudfront.net'),
      cname('site.example.com', 'bucket.s3-website-us-east-1.amazonaws.com'),
      cname('api.example.com', 'abc123.execute-api.us-east-1.amazonaws.com'),
      cname('apse2.example.com', 'api-1122334455.ap-southeast-2.elb.amazonaws.com'),
      cname('via-ip.example.com', 'ip.example.com'),
      { name: 'ip.example.com', type: 'A', ttl: 60, values: ['192.0.2.10', '192.0.2.11'] },
      cname('partner.example.com', 'shop.partner.example.org'),
      cname('gone.example.com', 'missing.example.com'),
      cname('loop-a.example.com', 'loop-b.example.com'),
      cname('loop-b.example.com', 'loop-a.example.com'),
    ];
    const { zone, resolver } = targets(records);
    const end = (name: string) => {
      const resolution = resolver.resolve(zone, records.find((r) => r.name === name)!);
      expect(resolution.complete, name).toBe(false);
      return resolution.branches.map((b) => (b.end.kind === 'outside' ? [b.end.outside, b.end.destination] : ['load-balancer']));
    };
    expect(end('cdn.example.com')).toEqual([['cloudfront', 'd111111abcdef8.cloudfront.net']]);
    expect(end('site.example.com')).toEqual([['s3', 'bucket.s3-website-us-east-1.amazonaws.com']]);
    expect(end('api.example.com')).toEqual([['api-gateway', 'abc123.execute-api.us-east-1.amazonaws.com']]);
    expect(end('apse2.example.com')).toEqual([['load-balancer-not-scanned', 'api-1122334455.ap-southeast-2.elb.amazonaws.com']]);
    expect(end('via-ip.example.com')).toEqual([['address', '192.0.2.10, 192.0.2.11']]);
    expect(end('partner.example.com')).toEqual([['other', 'shop.partner.example.org']]);
    expect(end('gone.example.com')).toEqual([['record-not-found', 'missing.example.com']]);
    expect(end('loop-a.example.com')).toEqual([['loop', 'loop-a.example.com']]);
  });

  it('gives no verdict on a host that several scanned zones of the same name hold (only one is delegated)', () => {
    const twin: HostedZone = { id: 'ZTWIN', name: 'example.com', privateZone: false, records: [cname('app.example.com', WEB_EUW1.dnsName)] };
    const records = [cname('www.example.com', 'app.example.com'), cname('app.example.com', WEB_USE1.dnsName)];
    expect(destinationsOf(records, 'www.example.com', undefined, [twin])).toEqual([]);
  });
});

describe('DnsResolver: across the accounts of the scan', () => {
  const DNS_ACCOUNT = '999988887777';
  const dnsZone: HostedZone = {
    id: 'ZCENTRAL',
    name: 'shop.example.com',
    privateZone: false,
    records: [
      cname('www.shop.example.com', `${WEB_EUW1.dnsName}.`),
      aliasRecord('api.shop.example.com', alias('ZWORKLOAD', 'api.workload.example.net.')),
    ],
  };
  const workloadZone: HostedZone = {
    id: 'ZWORKLOAD',
    name: 'workload.example.net',
    privateZone: false,
    records: [aliasRecord('api.workload.example.net', alias('Z35SXDOTRQ7X7K', `dualstack.${WEB_USE1.dnsName}.`))],
  };
  const resolver = new DnsResolver([
    { accountId: DNS_ACCOUNT, route53: { hostedZones: [dnsZone], healthChecks: [] }, regions: [] },
    { accountId: ACCOUNT, route53: { hostedZones: [workloadZone], healthChecks: [] }, regions: [region('us-east-1', [WEB_USE1]), region('eu-west-1', [WEB_EUW1])] },
  ]);

  it('resolves a record of a central DNS account to load balancers and records of other accounts', () => {
    const www = resolver.resolve(dnsZone, dnsZone.records[0]!);
    expect(www.loadBalancers.map((d) => [d.accountId, d.region, d.loadBalancer.name])).toEqual([[ACCOUNT, 'eu-west-1', 'web-euw1']]);
    const api = resolver.resolve(dnsZone, dnsZone.records[1]!);
    expect(api.loadBalancers.map((d) => [d.accountId, d.loadBalancer.name])).toEqual([[ACCOUNT, 'web-use1']]);
    expect(api.branches[0]!.chain.map((l) => [l.accountId, l.record.name])).toEqual([
      [DNS_ACCOUNT, 'api.shop.example.com'],
      [ACCOUNT, 'api.workload.example.net'],
    ]);
  });
});

describe('answerTtl: how long resolvers keep a record\'s answer', () => {
  it('is the TTL of a CNAME, 60 s for an alias to a load balancer, and for an alias to another record that record\'s', () => {
    const records = [
      cname('www.example.com', 'edge.example.com.'),
      cname('edge.example.com', WEB_USE1.dnsName, { ttl: 30 }),
      aliasRecord('direct.example.com', alias('Z35SXDOTRQ7X7K', `dualstack.${WEB_USE1.dnsName}.`)),
      aliasRecord('via.example.com', alias(ZONE_ID, 'direct.example.com.')),
      aliasRecord('cdn.example.com', alias('Z2FDTNDATAQYW2', 'd111111abcdef8.cloudfront.net.')),
    ];
    const { zone, resolver } = targets(records);
    const [www] = resolver.resolve(zone, records[0]!).branches;
    expect([answerTtl(www!, 0), answerTtl(www!, 1)]).toEqual([300, 30]);
    expect(answerTtl(resolver.resolve(zone, records[2]!).branches[0]!, 0)).toBe(60);
    expect(answerTtl(resolver.resolve(zone, records[3]!).branches[0]!, 0)).toBe(60);
    expect(answerTtl(resolver.resolve(zone, records[4]!).branches[0]!, 0)).toBeUndefined();
  });
});
