import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import type { Result } from '../../src/model/result.js';
import { expectDataMissing, expectMessage, fixturePath, testRule, commandsOf } from '../support/rule-cases.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-failover-distinct-regions', [
  {
    name: 'primary and secondary in two regions pass, through an upper-case dualstack alias and an alias to another record; secondaries outside the inventory (S3 website, CloudFront) get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${ZONE}/www.example.com/A`, `${PRIVATE_ZONE}/orders.corp.internal/A`],
    check(results) {
      const www = byId(results, `${ZONE}/www.example.com/A`);
      expectMessage(www, 'distinctRegions', { group: 'www.example.com A', zone: 'zone example.com', primary: 'web-use1 (us-east-1)', secondary: 'web-euw1 (eu-west-1)' });
      expect(www.evidence).toEqual({
        primary: { setIdentifiers: ['www-use1'], loadBalancers: ['web-use1'], regions: ['us-east-1'] },
        secondary: { setIdentifiers: ['www-euw1'], loadBalancers: ['web-euw1'], regions: ['eu-west-1'] },
      });
    },
  },
  {
    name: 'a secondary on another load balancer of the same region fails (sameRegion); on the same load balancer, directly or through another record, fails (sameLoadBalancer)',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/api.example.com/A`, messageId: 'sameRegion' },
      { resource: `${ZONE}/app.example.com/A`, messageId: 'sameLoadBalancer' },
      { resource: `${PRIVATE_ZONE}/orders.corp.internal/A`, messageId: 'sameLoadBalancer' },
    ],
    pass: [`${ZONE}/www.example.com/A`],
    check(results) {
      const api = byId(results, `${ZONE}/api.example.com/A`);
      expectMessage(api, 'sameRegion', { group: 'api.example.com A', zone: 'zone example.com', primary: 'api-use1 (us-east-1)', secondary: 'web-use1 (us-east-1)', regions: 'us-east-1' });
      expect(api.evidence).toEqual({
        primary: { setIdentifiers: ['api-use1'], loadBalancers: ['api-use1'], regions: ['us-east-1'] },
        secondary: { setIdentifiers: ['api-use1-spare'], loadBalancers: ['web-use1'], regions: ['us-east-1'] },
      });
      expect(commandsOf(api)).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com","Type":"A","SetIdentifier":"api-use1-spare","Failover":"SECONDARY","AliasTarget":{"HostedZoneId":"<load-balancer-canonical-hosted-zone-id>","DNSName":"<load-balancer-dns-name-in-another-region>","EvaluateTargetHealth":true}}}]}'`,
      ]);
      const app = byId(results, `${ZONE}/app.example.com/A`);
      expectMessage(app, 'sameLoadBalancer', { group: 'app.example.com A', zone: 'zone example.com', loadBalancers: 'web-use1 (us-east-1)' });
    },
  },
  {
    name: 'a failover pair of CNAMEs in a central DNS account resolves to load balancers of another account: two of one region fail (sameRegion), two regions pass',
    fixture: 'fail-cname.json',
    fail: [{ resource: 'ZCENTRAL0DNS01/www.shop.example.com/CNAME', messageId: 'sameRegion' }],
    pass: ['ZCENTRAL0DNS01/api.shop.example.com/CNAME'],
    check(results) {
      expect(byId(results, 'ZCENTRAL0DNS01/www.shop.example.com/CNAME').evidence).toEqual({
        primary: { setIdentifiers: ['use1-a'], loadBalancers: ['web-use1'], regions: ['us-east-1'] },
        secondary: { setIdentifiers: ['use1-b'], loadBalancers: ['web2-use1'], regions: ['us-east-1'] },
      });
      // A CNAME stays a CNAME: an alias of type CNAME cannot point to a load balancer.
      expect(commandsOf(byId(results, 'ZCENTRAL0DNS01/www.shop.example.com/CNAME'))).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ZCENTRAL0DNS01 --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"www.shop.example.com","Type":"CNAME","SetIdentifier":"use1-b","Failover":"SECONDARY","TTL":60,"ResourceRecords":[{"Value":"<load-balancer-dns-name-in-another-region>"}]}}]}'`,
      ]);
      expect(byId(results, 'ZCENTRAL0DNS01/api.shop.example.com/CNAME').resource.accountId).toBe('999988887777');
    },
  },
]);

describe('r53-failover-distinct-regions without load balancer data', () => {
  it('gives one error for the account when DescribeLoadBalancers failed in any region, not a verdict from half the data', async () => {
    const inventory = await loadInventory(fixturePath('r53-failover-distinct-regions', 'pass.json'));
    inventory.gaps.push({ accountId: '111122223333', region: 'eu-west-1', service: 'elbv2', operation: 'DescribeLoadBalancers', code: 'AccessDenied', message: 'not authorized' });
    const results = runRules(inventory, { rules: rules.filter((r) => r.id === 'r53-failover-distinct-regions') });
    expect(results.map((r) => [r.status, r.resource.type, r.resource.region])).toEqual([['error', 'aws:account', 'global']]);
    expectDataMissing(results[0]!, ['eu-west-1 elbv2:DescribeLoadBalancers AccessDenied']);
  });
});

describe('r53-failover-distinct-regions with a standby that leads partly outside the inventory', () => {
  it('gives no verdict: the branch in a region not scanned could be the standby that survives', async () => {
    const inventory = await loadInventory(fixturePath('r53-failover-distinct-regions', 'fail.json'));
    const zone = inventory.accounts[0]!.route53.hostedZones.find((z) => z.id === ZONE)!;
    // api.example.com's secondary now aliases a weighted set: the same-region spare, and a load balancer in us-west-2 (not scanned).
    const secondary = zone.records.find((r) => r.name === 'api.example.com' && r.failover === 'SECONDARY')!;
    const spare = secondary.aliasTarget!;
    secondary.aliasTarget = { hostedZoneId: ZONE, dnsName: 'standby.example.com.', evaluateTargetHealth: true };
    zone.records.push(
      { name: 'standby.example.com', type: 'A', setIdentifier: 'use1', weight: 50, values: [], aliasTarget: spare },
      { name: 'standby.example.com', type: 'A', setIdentifier: 'usw2', weight: 50, values: [], aliasTarget: { hostedZoneId: 'Z1H1FL5HABSF5', dnsName: 'dualstack.api-usw2-1.us-west-2.elb.amazonaws.com.', evaluateTargetHealth: true } },
    );
    const results = runRules(inventory, { rules: rules.filter((r) => r.id === 'r53-failover-distinct-regions') });
    expect(results.find((r) => r.resource.id === `${ZONE}/api.example.com/A`)).toBeUndefined();
    expect(results.find((r) => r.resource.id === `${ZONE}/app.example.com/A`)?.status).toBe('fail');
  });
});
