import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule, commandsOf } from '../support/rule-cases.js';
import { changesOf, healthCheckConfigsOf, operationsOf } from '../support/route53-steps.js';

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
    name: 'records without either fail: weighted A and CNAME records, latency records, CloudFront geolocation aliases, multivalue answers, a private weighted pair',
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
      { resource: `${ZONE}/app.example.com/CNAME/app-aws`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/app.example.com/CNAME/app-legacy`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/eu.example.com/A/eu-fra`, messageId: 'noHealthCheck' },
    ],
    pass: [`${ZONE}/shop.example.com/A/blue`, `${ZONE}/www.example.com/A/www-use1`],
    check(results) {
      const green = byId(results, `${ZONE}/shop.example.com/A/green`);
      expectMessage(green, 'noHealthCheck', { record: 'shop.example.com A (set green)', zone: 'zone example.com', policy: 'weighted' });
      expect(green.evidence).toEqual({ routingPolicy: 'weighted', setIdentifier: 'green' });
      expect(healthCheckConfigsOf(green)).toEqual(['{"Type":"TCP","IPAddress":"192.0.2.20","Port":<endpoint-port>,"RequestInterval":30,"FailureThreshold":3}']);
      expect(changesOf(green)).toEqual([
        { Action: 'UPSERT', ResourceRecordSet: { Name: 'shop.example.com', Type: 'A', SetIdentifier: 'green', Weight: 100, TTL: 60, ResourceRecords: [{ Value: '192.0.2.20' }], HealthCheckId: '<health-check-id-from-step-1>' } },
      ]);
      // An alias to a load balancer only needs EvaluateTargetHealth.
      expect(commandsOf(byId(results, `${ZONE}/www.example.com/A/www-euw1`))).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"www.example.com","Type":"A","SetIdentifier":"www-euw1","Region":"eu-west-1","AliasTarget":{"HostedZoneId":"Z32O12XQLNTSW2","DNSName":"dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.","EvaluateTargetHealth":true}}}]}'`,
      ]);
      // Both records of the group are fixed in one batch (the same fix for either finding); they
      // answer with the same distribution, so they share one check of it.
      const staticDefault = byId(results, `${ZONE}/static.example.com/A/static-default`);
      expect(staticDefault.remediation).toEqual(byId(results, `${ZONE}/static.example.com/A/static-eu`).remediation);
      expect(operationsOf(staticDefault)).toEqual(['route53 create-health-check', 'route53 change-resource-record-sets']);
      expect(changesOf(staticDefault).map((c) => [c.ResourceRecordSet.SetIdentifier, c.ResourceRecordSet.GeoLocation, c.ResourceRecordSet.HealthCheckId])).toEqual([
        ['static-eu', { ContinentCode: 'EU' }, '<health-check-id-from-step-1>'],
        ['static-default', { CountryCode: '*' }, '<health-check-id-from-step-1>'],
      ]);
      // Two private endpoints: two CloudWatch checks, each with its own alarm to name.
      const cache = byId(results, `${PRIVATE_ZONE}/cache.corp.internal/A/cache-a`);
      expect(healthCheckConfigsOf(cache)).toEqual([
        '{"Type":"CLOUDWATCH_METRIC","AlarmIdentifier":{"Region":"<alarm-region-1>","Name":"<alarm-name-1>"},"InsufficientDataHealthStatus":"LastKnownStatus"}',
        '{"Type":"CLOUDWATCH_METRIC","AlarmIdentifier":{"Region":"<alarm-region-2>","Name":"<alarm-name-2>"},"InsufficientDataHealthStatus":"LastKnownStatus"}',
      ]);

      // The load balancer's only listener is HTTP on port 80: the check is HTTP on 80, on the path its
      // target group checks (not HTTPS on 443, which would be unhealthy forever). The other half of the
      // group leads outside the scan, so the group cannot become an alias group: each gets a check.
      const app = byId(results, `${ZONE}/app.example.com/CNAME/app-aws`);
      expect(healthCheckConfigsOf(app)).toEqual([
        '{"Type":"HTTP","FullyQualifiedDomainName":"http-use1-1029384756.us-east-1.elb.amazonaws.com","Port":80,"ResourcePath":"/healthz","RequestInterval":30,"FailureThreshold":3}',
        '{"Type":"TCP","FullyQualifiedDomainName":"app.legacy-hosting.example.net","Port":<endpoint-port>,"RequestInterval":30,"FailureThreshold":3}',
      ]);

      // A latency record checked from now on gets a TTL short enough for the check to matter (r53-failover-ttl).
      expect(changesOf(byId(results, `${ZONE}/eu.example.com/A/eu-fra`))[0]!.ResourceRecordSet).toMatchObject({ TTL: 60, HealthCheckId: '<health-check-id-from-step-1>' });
    },
  },
]);
