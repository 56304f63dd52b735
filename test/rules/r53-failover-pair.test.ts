import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule, commandsOf } from '../support/rule-cases.js';
import { changesOf, healthCheckConfigsOf, operationsOf } from '../support/route53-steps.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-failover-pair', [
  {
    name: 'a pair across two regions and a private-zone CNAME pair pass; simple records get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${ZONE}/www.example.com/A`, `${PRIVATE_ZONE}/db.corp.internal/CNAME`],
    check(results) {
      const www = byId(results, `${ZONE}/www.example.com/A`);
      expect(www.resource).toEqual({ type: 'route53:record-group', id: `${ZONE}/www.example.com/A`, region: 'global', accountId: '111122223333' });
      expectMessage(www, 'paired', { group: 'www.example.com A', zone: 'zone example.com', primary: 'www-use1', secondary: 'www-euw1' });
      expectMessage(byId(results, `${PRIVATE_ZONE}/db.corp.internal/CNAME`), 'paired', { group: 'db.corp.internal CNAME', zone: 'private zone corp.internal', primary: 'db-use1', secondary: 'db-euw1' });
    },
  },
  {
    name: 'a lone PRIMARY and a lone SECONDARY fail with their own messages; weighted records get no result',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/api.example.com/A`, messageId: 'primaryWithoutSecondary' },
      { resource: `${ZONE}/status.example.com/CNAME`, messageId: 'secondaryWithoutPrimary' },
    ],
    pass: [`${ZONE}/www.example.com/A`],
    check(results) {
      const api = byId(results, `${ZONE}/api.example.com/A`);
      expect(api.evidence).toEqual({ primary: ['api-use1'], secondary: [] });
      // The missing SECONDARY, shaped like the primary (an alias), evaluating its target's health; its set identifier known.
      expect(commandsOf(api)).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com","Type":"A","SetIdentifier":"standby","Failover":"SECONDARY","AliasTarget":{"HostedZoneId":"<standby-alias-hosted-zone-id>","DNSName":"<standby-dns-name>","EvaluateTargetHealth":true}}}]}'`,
      ]);

      const status = byId(results, `${ZONE}/status.example.com/CNAME`);
      expectMessage(status, 'secondaryWithoutPrimary', { group: 'status.example.com CNAME', zone: 'zone example.com', secondary: 'status-standby' });
      expect(status.evidence).toEqual({ primary: [], secondary: ['status-standby'] });
      // A non-alias PRIMARY needs a health check of its own to ever hand over.
      expect(operationsOf(status)).toEqual(['route53 create-health-check', 'route53 change-resource-record-sets']);
      // The check watches the host the new primary answers with: one placeholder, filled in once.
      expect(healthCheckConfigsOf(status)).toEqual(['{"Type":"TCP","FullyQualifiedDomainName":"<primary-host-name>","Port":<endpoint-port>,"RequestInterval":30,"FailureThreshold":3}']);
      expect(changesOf(status)).toEqual([
        {
          Action: 'UPSERT',
          ResourceRecordSet: { Name: 'status.example.com', Type: 'CNAME', SetIdentifier: 'primary', Failover: 'PRIMARY', TTL: 60, ResourceRecords: [{ Value: '<primary-host-name>' }], HealthCheckId: '<health-check-id-from-step-1>' },
        },
      ]);
    },
  },
]);
