import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule } from '../support/rule-cases.js';

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
    name: 'geolocation sets without the default fail, with a ready default record shaped like the set',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/shop.example.com/A`, messageId: 'noDefault' },
      { resource: `${PRIVATE_ZONE}/api.corp.internal/A`, messageId: 'noDefault' },
    ],
    pass: [`${ZONE}/www.example.com/A`],
    check(results) {
      const shop = byId(results, `${ZONE}/shop.example.com/A`);
      expectMessage(shop, 'noDefault', { group: 'shop.example.com A', zone: 'zone example.com', locations: 'US, DE, US-CA' });
      expect(shop.evidence).toEqual({ locations: ['US', 'DE', 'US-CA'] });
      expect(shop.remediation!.commands).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"shop.example.com","Type":"A","SetIdentifier":"<default-set-identifier>","GeoLocation":{"CountryCode":"*"},"TTL":60,"ResourceRecords":[{"Value":"<default-address>"}]}}]}'`,
      ]);
      expect(byId(results, `${PRIVATE_ZONE}/api.corp.internal/A`).remediation!.commands).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${PRIVATE_ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.corp.internal","Type":"A","SetIdentifier":"<default-set-identifier>","GeoLocation":{"CountryCode":"*"},"AliasTarget":{"HostedZoneId":"<default-alias-hosted-zone-id>","DNSName":"<default-dns-name>","EvaluateTargetHealth":true}}}]}'`,
      ]);
    },
  },
]);
