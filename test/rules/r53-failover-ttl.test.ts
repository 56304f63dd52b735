import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule } from '../support/rule-cases.js';

const Z = 'Z1D633PJN98FT9';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;
/** The records a fix's change batch writes. */
const written = (result: Result) => {
  const batch = result.remediation!.steps!.at(-1)!;
  return (JSON.parse(batch.argv[batch.argv.indexOf('--change-batch') + 1]!) as { Changes: { Action: string; ResourceRecordSet: Record<string, unknown> }[] }).Changes;
};

testRule('r53-failover-ttl', [
  {
    name: 'health-checked records of routing policies with a TTL of 60 s or less pass; simple, unchecked and alias records get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${Z}/shop.example.com/A/blue`, `${Z}/shop.example.com/A/green`],
    check(results) {
      expectMessage(byId(results, `${Z}/shop.example.com/A/blue`), 'short', { record: 'shop.example.com A (set blue)', zone: 'zone example.com', policy: 'weighted', ttl: 60 });
    },
  },
  {
    name: 'maxTtlSeconds 30: 60 s is too long, and the fix writes 30',
    fixture: 'pass.json',
    params: { maxTtlSeconds: 30 },
    fail: [{ resource: `${Z}/shop.example.com/A/blue`, messageId: 'tooLong' }],
    pass: [`${Z}/shop.example.com/A/green`],
    check(results) {
      expect(written(byId(results, `${Z}/shop.example.com/A/blue`))).toEqual([
        { Action: 'UPSERT', ResourceRecordSet: expect.objectContaining({ SetIdentifier: 'blue', TTL: 30, HealthCheckId: '5a6b7c8d-0000-4e1f-9a2b-000000000001' }) },
      ]);
    },
  },
  {
    name: 'latency, failover, IP-based, geoproximity, weighted and multivalue records with long TTLs fail; the fix lowers the TTL and keeps the rest of the record',
    fixture: 'fail.json',
    fail: [
      { resource: `${Z}/www.example.com/A/www-use1`, messageId: 'tooLong' },
      { resource: `${Z}/status.example.com/CNAME/status-primary`, messageId: 'tooLong' },
      { resource: `${Z}/office.example.com/A/office-paris`, messageId: 'tooLong' },
      { resource: `${Z}/edge.example.com/A/edge-dublin`, messageId: 'tooLong' },
      { resource: `${Z}/shop.example.com/A/blue`, messageId: 'tooLong' },
      { resource: 'Z08123942VLGFB3PLRPXA/cache.corp.internal/A/cache-a', messageId: 'tooLong' },
    ],
    pass: [`${Z}/www.example.com/A/www-euw1`],
    check(results) {
      const www = byId(results, `${Z}/www.example.com/A/www-use1`);
      expectMessage(www, 'tooLong', { record: 'www.example.com A (set www-use1)', zone: 'zone example.com', policy: 'latency', ttl: 300, max: 60 });
      expect(written(www)).toEqual([
        {
          Action: 'UPSERT',
          ResourceRecordSet: { Name: 'www.example.com', Type: 'A', SetIdentifier: 'www-use1', Region: 'us-east-1', TTL: 60, ResourceRecords: [{ Value: '192.0.2.30' }], HealthCheckId: '5a6b7c8d-0000-4e1f-9a2b-000000000001' },
        },
      ]);
      // A geoproximity record keeps its location, as the API names it.
      expect(written(byId(results, `${Z}/edge.example.com/A/edge-dublin`))).toEqual([
        {
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: 'edge.example.com',
            Type: 'A',
            SetIdentifier: 'edge-dublin',
            TTL: 60,
            ResourceRecords: [{ Value: '198.51.100.60' }],
            HealthCheckId: '5a6b7c8d-0000-4e1f-9a2b-000000000002',
            GeoProximityLocation: { AWSRegion: 'eu-west-1', Bias: 10 },
          },
        },
      ]);
      // The health check was deleted: never named again. A new one is created first, and the record names it.
      const shop = byId(results, `${Z}/shop.example.com/A/blue`);
      expect(shop.remediation!.steps!.map((s) => s.argv[2])).toEqual(['create-health-check', 'change-resource-record-sets']);
      expect(written(shop)[0]!.ResourceRecordSet).toMatchObject({ TTL: 60, HealthCheckId: '<health-check-id-from-step-1>' });
    },
  },
]);
