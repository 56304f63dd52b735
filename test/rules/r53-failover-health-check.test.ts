import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule, commandsOf } from '../support/rule-cases.js';
import { changesOf, healthCheckConfigsOf, operationsOf } from '../support/route53-steps.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-failover-health-check', [
  {
    name: 'primaries with EvaluateTargetHealth, or with a health check and no target-health evaluation, pass; secondaries get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${ZONE}/www.example.com/A/www-use1`, `${ZONE}/api.example.com/A/api-use1`, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`],
    check(results) {
      const api = byId(results, `${ZONE}/api.example.com/A/api-use1`);
      expect(api.resource).toEqual({ type: 'route53:record', id: `${ZONE}/api.example.com/A/api-use1`, region: 'global', accountId: '111122223333' });
      expectMessage(api, 'healthCheck', { record: 'api.example.com A (set api-use1)', zone: 'zone example.com', healthCheckId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a50' });
      expect(byId(results, `${ZONE}/www.example.com/A/www-use1`).messageId).toBe('evaluatesTargetHealth');
    },
  },
  {
    name: 'primaries without either fail; the fix: EvaluateTargetHealth for an alias, an alias for a CNAME group to load balancers, else a health check of the endpoint',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/api.example.com/A/api-use1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/mail.example.com/A/mail-1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/static.example.com/A/static-cdn`, messageId: 'noHealthCheck' },
      { resource: `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/portal.example.com/CNAME/portal-use1`, messageId: 'noHealthCheck' },
      { resource: `${PRIVATE_ZONE}/billing.corp.internal/CNAME/billing-use1`, messageId: 'noHealthCheck' },
    ],
    pass: [`${ZONE}/www.example.com/A/www-use1`],
    check(results) {
      const api = byId(results, `${ZONE}/api.example.com/A/api-use1`);
      expect(api.evidence).toEqual({
        setIdentifier: 'api-use1',
        failover: 'PRIMARY',
        aliasTarget: 'dualstack.api-use1-2345678901.us-east-1.elb.amazonaws.com.',
        evaluateTargetHealth: false,
      });
      expect(commandsOf(api)).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com","Type":"A","SetIdentifier":"api-use1","Failover":"PRIMARY","AliasTarget":{"HostedZoneId":"Z35SXDOTRQ7X7K","DNSName":"dualstack.api-use1-2345678901.us-east-1.elb.amazonaws.com.","EvaluateTargetHealth":true}}}]}'`,
      ]);

      // An address of no load balancer of the scan: a TCP check of it, on the port the user names (not HTTPS on 443 by guess).
      const mail = byId(results, `${ZONE}/mail.example.com/A/mail-1`);
      expect(healthCheckConfigsOf(mail)).toEqual(['{"Type":"TCP","IPAddress":"192.0.2.25","Port":<endpoint-port>,"RequestInterval":30,"FailureThreshold":3}']);
      expect(changesOf(mail)).toEqual([
        {
          Action: 'UPSERT',
          ResourceRecordSet: { Name: 'mail.example.com', Type: 'A', SetIdentifier: 'mail-1', Failover: 'PRIMARY', TTL: 60, ResourceRecords: [{ Value: '192.0.2.25' }], HealthCheckId: '<health-check-id-from-step-1>' },
        },
      ]);
      // The same check pasted twice is the same check: its caller reference is derived from the record and the check.
      expect(mail.remediation!.steps![0]!.argv).toEqual(expect.arrayContaining(['--caller-reference', expect.stringMatching(/^ha-audit-[0-9a-f]{32}$/), '--query', 'HealthCheck.Id']));

      // Route 53 cannot evaluate a CloudFront distribution's health: a health check of the distribution instead.
      const cdn = byId(results, `${ZONE}/static.example.com/A/static-cdn`);
      expect(healthCheckConfigsOf(cdn)).toEqual([
        '{"Type":"HTTPS","FullyQualifiedDomainName":"d111111abcdef8.cloudfront.net","Port":443,"ResourcePath":"<health-check-path>","EnableSNI":true,"RequestInterval":30,"FailureThreshold":3}',
      ]);
      expect(changesOf(cdn)[0]!.ResourceRecordSet).toMatchObject({ AliasTarget: { HostedZoneId: 'Z2FDTNDATAQYW2', EvaluateTargetHealth: false }, HealthCheckId: '<health-check-id-from-step-1>' });

      // Route 53's checkers cannot reach a private endpoint (here an RDS cluster, not a load balancer): a CloudWatch alarm does, and the fix says so.
      const db = byId(results, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`);
      expectMessage(db, 'noHealthCheck', { record: 'db.corp.internal CNAME (set db-use1)', zone: 'private zone corp.internal' });
      expect(healthCheckConfigsOf(db)).toEqual(['{"Type":"CLOUDWATCH_METRIC","AlarmIdentifier":{"Region":"<alarm-region>","Name":"<alarm-name>"},"InsufficientDataHealthStatus":"LastKnownStatus"}']);
      expect(db.remediation!.warning).toMatch(/cannot reach an endpoint of a private zone/);

      // A CNAME pair whose values are two load balancers of the scan becomes an alias pair evaluating
      // target health: DELETE and CREATE in one batch (a CNAME cannot sit beside an A record), no health check.
      const portal = byId(results, `${ZONE}/portal.example.com/CNAME/portal-use1`);
      expect(operationsOf(portal)).toEqual(['route53 change-resource-record-sets']);
      expect(changesOf(portal)).toEqual([
        { Action: 'DELETE', ResourceRecordSet: { Name: 'portal.example.com', Type: 'CNAME', SetIdentifier: 'portal-use1', Failover: 'PRIMARY', TTL: 300, ResourceRecords: [{ Value: 'web-use1-1234567890.us-east-1.elb.amazonaws.com' }] } },
        { Action: 'DELETE', ResourceRecordSet: { Name: 'portal.example.com', Type: 'CNAME', SetIdentifier: 'portal-euw1', Failover: 'SECONDARY', TTL: 300, ResourceRecords: [{ Value: 'web-euw1-987654321.eu-west-1.elb.amazonaws.com' }] } },
        {
          Action: 'CREATE',
          ResourceRecordSet: { Name: 'portal.example.com', Type: 'A', SetIdentifier: 'portal-use1', Failover: 'PRIMARY', AliasTarget: { HostedZoneId: 'Z35SXDOTRQ7X7K', DNSName: 'web-use1-1234567890.us-east-1.elb.amazonaws.com', EvaluateTargetHealth: true } },
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: { Name: 'portal.example.com', Type: 'A', SetIdentifier: 'portal-euw1', Failover: 'SECONDARY', AliasTarget: { HostedZoneId: 'Z32O12XQLNTSW2', DNSName: 'web-euw1-987654321.eu-west-1.elb.amazonaws.com', EvaluateTargetHealth: true } },
        },
      ]);

      // Internal load balancers in a private zone: the alias is the only fix (no checker reaches them).
      // billing-euw1 was saved without its canonical hosted zone: the user names it.
      const billing = byId(results, `${PRIVATE_ZONE}/billing.corp.internal/CNAME/billing-use1`);
      expect(operationsOf(billing)).toEqual(['route53 change-resource-record-sets']);
      expect(changesOf(billing).map((c) => [c.Action, c.ResourceRecordSet.Type, (c.ResourceRecordSet.AliasTarget as { HostedZoneId?: string } | undefined)?.HostedZoneId])).toEqual([
        ['DELETE', 'CNAME', undefined],
        ['DELETE', 'CNAME', undefined],
        ['CREATE', 'A', 'Z35SXDOTRQ7X7K'],
        ['CREATE', 'A', '<load-balancer-canonical-hosted-zone-id>'],
      ]);
    },
  },
]);
