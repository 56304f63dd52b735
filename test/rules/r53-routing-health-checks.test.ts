import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule } from '../support/rule-cases.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-routing-health-checks', [
  {
    name: 'weighted, latency, geolocation, geoproximity and multivalue records with a health check or target-health evaluation pass; simple and failover records get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [
      `${ZONE}/shop.example.com/A/blue`,
      `${ZONE}/shop.example.com/A/green`,
      `${ZONE}/www.example.com/A/www-use1`,
      `${ZONE}/www.example.com/A/www-euw1`,
      `${ZONE}/geo.example.com/CNAME/geo-eu`,
      `${ZONE}/near.example.com/A/near-euw1`,
      `${ZONE}/ntp.example.com/A/ntp-1`,
    ],
    check(results) {
      expectMessage(byId(results, `${ZONE}/near.example.com/A/near-euw1`), 'evaluatesTargetHealth', { record: 'near.example.com A (set near-euw1)', zone: 'zone example.com', policy: 'geoproximity', target: 'dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.' });
      expectMessage(byId(results, `${ZONE}/shop.example.com/A/green`), 'healthCheck', { record: 'shop.example.com A (set green)', zone: 'zone example.com', policy: 'weighted', healthCheckId: 'd5e6f7a8-b9c0-4d1e-9f2a-3b4c5d6e7f94' });
    },
  },
  {
    name: 'records without either fail: a weighted A record, a latency alias, CloudFront geolocation aliases, multivalue answers, a private weighted pair',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/shop.example.com/A/green`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/www.example.com/A/www-euw1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/static.example.com/A/static-eu`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/static.example.com/A/static-default`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/ntp.example.com/A/ntp-1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/ntp.example.com/A/ntp-2`, messageId: 'noHealthCheck' },
      { resource: `${PRIVATE_ZONE}/cache.corp.internal/A/cache-a`, messageId: 'noHealthCheck' },
      { resource: `${PRIVATE_ZONE}/cache.corp.internal/A/cache-b`, messageId: 'noHealthCheck' },
    ],
    pass: [`${ZONE}/shop.example.com/A/blue`, `${ZONE}/www.example.com/A/www-use1`],
    check(results) {
      const green = byId(results, `${ZONE}/shop.example.com/A/green`);
      expectMessage(green, 'noHealthCheck', { record: 'shop.example.com A (set green)', zone: 'zone example.com', policy: 'weighted' });
      expect(green.evidence).toEqual({ routingPolicy: 'weighted', setIdentifier: 'green' });
      expect(green.remediation!.commands).toEqual([
        `aws route53 create-health-check --caller-reference ha-audit-ece03822b4f9d7e248450bbfc52084df --health-check-config '{"Type":"HTTPS","IPAddress":"192.0.2.20","Port":443,"ResourcePath":"<health-check-path>","RequestInterval":30,"FailureThreshold":3}'`,
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"shop.example.com","Type":"A","SetIdentifier":"green","Weight":100,"TTL":60,"ResourceRecords":[{"Value":"192.0.2.20"}],"HealthCheckId":"<health-check-id>"}}]}'`,
      ]);
      // An alias to a load balancer only needs EvaluateTargetHealth.
      expect(byId(results, `${ZONE}/www.example.com/A/www-euw1`).remediation!.commands).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"www.example.com","Type":"A","SetIdentifier":"www-euw1","Region":"eu-west-1","AliasTarget":{"HostedZoneId":"Z32O12XQLNTSW2","DNSName":"dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.","EvaluateTargetHealth":true}}}]}'`,
      ]);
      // The default geolocation record is rewritten with its "*" location.
      expect(byId(results, `${ZONE}/static.example.com/A/static-default`).remediation!.commands[1]).toContain(
        '"SetIdentifier":"static-default","GeoLocation":{"CountryCode":"*"},"AliasTarget":{"HostedZoneId":"Z2FDTNDATAQYW2"',
      );
      expect(byId(results, `${PRIVATE_ZONE}/cache.corp.internal/A/cache-a`).remediation!.commands[0]).toContain('"Type":"CLOUDWATCH_METRIC"');
    },
  },
]);
