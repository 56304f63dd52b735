import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule } from '../support/rule-cases.js';

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
    name: 'primaries without either fail: the fix is EvaluateTargetHealth for a load balancer, a health check for an IP, CloudFront or a private zone',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/api.example.com/A/api-use1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/mail.example.com/A/mail-1`, messageId: 'noHealthCheck' },
      { resource: `${ZONE}/static.example.com/A/static-cdn`, messageId: 'noHealthCheck' },
      { resource: `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`, messageId: 'noHealthCheck' },
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
      expect(api.remediation!.commands).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com","Type":"A","SetIdentifier":"api-use1","Failover":"PRIMARY","AliasTarget":{"HostedZoneId":"Z35SXDOTRQ7X7K","DNSName":"dualstack.api-use1-2345678901.us-east-1.elb.amazonaws.com.","EvaluateTargetHealth":true}}}]}'`,
      ]);

      expect(byId(results, `${ZONE}/mail.example.com/A/mail-1`).remediation!.commands).toEqual([
        `aws route53 create-health-check --caller-reference ha-audit-76b4bd56371d6c1fd65c0d3a51600179 --health-check-config '{"Type":"HTTPS","IPAddress":"192.0.2.25","Port":443,"ResourcePath":"<health-check-path>","RequestInterval":30,"FailureThreshold":3}'`,
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"mail.example.com","Type":"A","SetIdentifier":"mail-1","Failover":"PRIMARY","TTL":60,"ResourceRecords":[{"Value":"192.0.2.25"}],"HealthCheckId":"<health-check-id>"}}]}'`,
      ]);

      // Route 53 cannot evaluate a CloudFront distribution's health: a health check of the distribution instead.
      const [createCheck, upsert] = byId(results, `${ZONE}/static.example.com/A/static-cdn`).remediation!.commands;
      expect(createCheck).toContain('"FullyQualifiedDomainName":"d111111abcdef8.cloudfront.net"');
      expect(upsert).toContain('"AliasTarget":{"HostedZoneId":"Z2FDTNDATAQYW2","DNSName":"d111111abcdef8.cloudfront.net.","EvaluateTargetHealth":false},"HealthCheckId":"<health-check-id>"');

      // Route 53's checkers cannot reach a private endpoint: a CloudWatch alarm does.
      const db = byId(results, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`);
      expectMessage(db, 'noHealthCheck', { record: 'db.corp.internal CNAME (set db-use1)', zone: 'private zone corp.internal' });
      expect(db.remediation!.commands[0]).toBe(
        `aws route53 create-health-check --caller-reference ha-audit-9de9775847c913553aaa455cd4f6960b --health-check-config '{"Type":"CLOUDWATCH_METRIC","AlarmIdentifier":{"Region":"<alarm-region>","Name":"<alarm-name>"},"InsufficientDataHealthStatus":"LastKnownStatus"}'`,
      );
    },
  },
]);
