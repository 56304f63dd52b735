import { describe, expect, it } from 'vitest';
import { AccountScope } from '../../src/engine/account-scope.js';
import { emptyRegionInventory, type AccountInventory, type DnsRecord, type HostedZone } from '../../src/model/inventory.js';

const ACCOUNT = '111122223333';
const HEALTH_CHECK = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a50';

const weighted = (setIdentifier: string, value: string): DnsRecord => ({ name: 'www.example.com', type: 'A', setIdentifier, weight: 50, ttl: 60, values: [value] });

const PUBLIC: HostedZone = {
  id: 'Z1D633PJN98FT9',
  name: 'example.com',
  privateZone: false,
  records: [
    weighted('blue', '192.0.2.10'),
    { name: 'www.example.com', type: 'AAAA', ttl: 60, values: ['2001:db8::10'] },
    weighted('green', '192.0.2.20'),
    {
      name: 'app.example.com',
      type: 'A',
      values: [],
      aliasTarget: { hostedZoneId: 'Z32O12XQLNTSW2', dnsName: 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.', evaluateTargetHealth: true },
    },
  ],
};
// Split-horizon: the same name in a private zone is another group.
const PRIVATE: HostedZone = {
  id: 'Z08123942VLGFB3PLRPXA',
  name: 'example.com',
  privateZone: true,
  records: [{ name: 'www.example.com', type: 'A', ttl: 60, values: ['10.0.1.10'], healthCheckId: HEALTH_CHECK }],
};

function account(): AccountInventory {
  const euWest1 = emptyRegionInventory('eu-west-1');
  euWest1.elbv2.loadBalancers.push({
    arn: `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/app/web-euw1/3c4d5e6f7a8b9c01`,
    name: 'web-euw1',
    type: 'application',
    dnsName: 'web-euw1-987654321.eu-west-1.elb.amazonaws.com',
    scheme: 'internet-facing',
    availabilityZones: [{ zoneName: 'eu-west-1a' }, { zoneName: 'eu-west-1b' }],
    attributes: {},
    listeners: [],
    tags: {},
  });
  return {
    accountId: ACCOUNT,
    route53: { hostedZones: [PUBLIC, PRIVATE], healthChecks: [{ id: HEALTH_CHECK, type: 'TCP', ipAddress: '10.0.1.10', port: 443, disabled: false, inverted: false }] },
    regions: [emptyRegionInventory('us-east-1'), euWest1],
  };
}

describe('AccountScope', () => {
  it('lists every record of every zone with its zone', () => {
    const scope = new AccountScope(account());
    expect(scope.accountId).toBe(ACCOUNT);
    expect(scope.hostedZones.map((z) => z.id)).toEqual(['Z1D633PJN98FT9', 'Z08123942VLGFB3PLRPXA']);
    expect([...scope.records()].map(({ zone, record }) => `${zone.id} ${record.name} ${record.type} ${record.setIdentifier ?? ''}`.trim())).toEqual([
      'Z1D633PJN98FT9 www.example.com A blue',
      'Z1D633PJN98FT9 www.example.com AAAA',
      'Z1D633PJN98FT9 www.example.com A green',
      'Z1D633PJN98FT9 app.example.com A',
      'Z08123942VLGFB3PLRPXA www.example.com A',
    ]);
  });

  it('groups records by zone, name and type, in the order the zones list them', () => {
    const groups = new AccountScope(account()).recordGroups();
    expect(groups.map((g) => [g.zone.id, g.name, g.type, g.records.map((r) => r.setIdentifier ?? '-')])).toEqual([
      ['Z1D633PJN98FT9', 'www.example.com', 'A', ['blue', 'green']],
      ['Z1D633PJN98FT9', 'www.example.com', 'AAAA', ['-']],
      ['Z1D633PJN98FT9', 'app.example.com', 'A', ['-']],
      ['Z08123942VLGFB3PLRPXA', 'www.example.com', 'A', ['-']],
    ]);
  });

  it('finds health checks by id, and nothing for a deleted one', () => {
    const scope = new AccountScope(account());
    expect(scope.healthCheck(HEALTH_CHECK)).toMatchObject({ id: HEALTH_CHECK, type: 'TCP' });
    expect(scope.healthCheck('9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b16')).toBeUndefined();
  });

  it('resolves aliases to load balancers across regions', () => {
    const scope = new AccountScope(account());
    const app = PUBLIC.records[3]!;
    expect(scope.resolvedLoadBalancers(PUBLIC, app).map((d) => [d.region, d.loadBalancer.name])).toEqual([['eu-west-1', 'web-euw1']]);
    expect(scope.resolvedLoadBalancers(PUBLIC, PUBLIC.records[0]!)).toEqual([]);
  });

  it('names records, groups and the account as global resources of the account', () => {
    const scope = new AccountScope(account());
    expect(scope.recordRef(PUBLIC, PUBLIC.records[2]!)).toEqual({
      type: 'route53:record',
      id: 'Z1D633PJN98FT9/www.example.com/A/green',
      region: 'global',
      accountId: ACCOUNT,
    });
    expect(scope.recordRef(PRIVATE, PRIVATE.records[0]!).id).toBe('Z08123942VLGFB3PLRPXA/www.example.com/A');
    expect(scope.recordGroupRef(scope.recordGroups()[0]!)).toEqual({
      type: 'route53:record-group',
      id: 'Z1D633PJN98FT9/www.example.com/A',
      region: 'global',
      accountId: ACCOUNT,
    });
    expect(scope.accountRef()).toEqual({ type: 'aws:account', id: ACCOUNT, region: 'global', accountId: ACCOUNT });
  });
});
