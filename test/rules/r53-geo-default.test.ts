import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule, commandsOf } from '../support/rule-cases.js';
import { changesOf, operationsOf } from '../support/route53-steps.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-geo-default', [
  {
    name: 'geolocation sets with a "*" default pass, public and private; simple records get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${ZONE}/www.example.com/A`, `${PRIVATE_ZONE}/api.corp.internal/A`],
    check(results) {
      const www = byId(results, `${ZONE}/www.example.com/A`);
      expectMessage(www, 'hasDefault', { group: 'www.example.com A', zone: 'zone example.com', setIdentifier: 'www-default' });
      expect(www.evidence).toEqual({ locations: ['EU', '*'] });
    },
  },
  {
    name: 'geolocation sets without the default fail; the default added answers like the first record, health-checked like it',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/shop.example.com/A`, messageId: 'noDefault' },
      { resource: `${PRIVATE_ZONE}/api.corp.internal/A`, messageId: 'noDefault' },
      { resource: `${ZONE}/eu.example.com/A`, messageId: 'noDefault' },
    ],
    pass: [`${ZONE}/www.example.com/A`],
    check(results) {
      const shop = byId(results, `${ZONE}/shop.example.com/A`);
      expectMessage(shop, 'noDefault', { group: 'shop.example.com A', zone: 'zone example.com', locations: 'US, DE, US-CA' });
      expect(shop.evidence).toEqual({ locations: ['US', 'DE', 'US-CA'] });
      // Its records have no health check (r53-routing-health-checks): each gets one, and the new default shares the first one's.
      expect(operationsOf(shop)).toEqual(['route53 create-health-check', 'route53 create-health-check', 'route53 create-health-check', 'route53 change-resource-record-sets']);
      expect(changesOf(shop).at(-1)).toEqual({
        Action: 'UPSERT',
        ResourceRecordSet: { Name: 'shop.example.com', Type: 'A', SetIdentifier: 'default', GeoLocation: { CountryCode: '*' }, TTL: 60, ResourceRecords: [{ Value: '192.0.2.10' }], HealthCheckId: '<health-check-id-from-step-1>' },
      });
      expect(shop.hints).toEqual(['The default location answers like set shop-us; point it elsewhere if another endpoint should serve the rest of the world.']);

      // Health-checked records: the default names the existing check of the record it copies, so
      // applying it creates no r53-routing-health-checks failure.
      expect(commandsOf(byId(results, `${ZONE}/eu.example.com/A`))).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"eu.example.com","Type":"A","SetIdentifier":"default","GeoLocation":{"CountryCode":"*"},"TTL":60,"ResourceRecords":[{"Value":"198.51.100.20"}],"HealthCheckId":"4c5d6e7f-8091-4a2b-9c3d-4e5f60718293"}}]}'`,
      ]);
      // An alias evaluating its target's health: the default is the same alias.
      expect(changesOf(byId(results, `${PRIVATE_ZONE}/api.corp.internal/A`))).toEqual([
        {
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: 'api.corp.internal',
            Type: 'A',
            SetIdentifier: 'default',
            GeoLocation: { CountryCode: '*' },
            AliasTarget: { HostedZoneId: 'Z32O12XQLNTSW2', DNSName: 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.', EvaluateTargetHealth: true },
          },
        },
      ]);
    },
  },
]);
