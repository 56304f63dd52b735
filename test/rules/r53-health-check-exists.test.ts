import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import type { Result } from '../../src/model/result.js';
import { expectMessage, fixturePath, testRule } from '../support/rule-cases.js';
import { changesOf, operationsOf } from '../support/route53-steps.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-health-check-exists', [
  {
    name: 'records whose health checks exist pass (disabled or not: another rule); records without one get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${ZONE}/shop.example.com/A/blue`, `${ZONE}/shop.example.com/A/green`, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`],
  },
  {
    name: 'records naming a deleted health check fail; the fix never names the deleted check again',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/shop.example.com/A/green`, messageId: 'deleted' },
      { resource: `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`, messageId: 'deleted' },
      { resource: `${ZONE}/cdn.example.com/A/cdn-use1`, messageId: 'deleted' },
    ],
    pass: [`${ZONE}/shop.example.com/A/blue`],
    check(results) {
      const green = byId(results, `${ZONE}/shop.example.com/A/green`);
      expectMessage(green, 'deleted', { record: 'shop.example.com A (set green)', zone: 'zone example.com', healthCheckId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b16' });
      expect(green.evidence).toEqual({ setIdentifier: 'green', healthCheckId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b16', healthCheckExists: false });
      // A new check of the address, which the record then names (an UPSERT keeping the deleted id would be refused: NoSuchHealthCheck).
      expect(operationsOf(green)).toEqual(['route53 create-health-check', 'route53 change-resource-record-sets']);
      expect(changesOf(green)[0]!.ResourceRecordSet.HealthCheckId).toBe('<health-check-id-from-step-1>');
      // A failover primary without a secondary: this fix does not add one (r53-failover-pair's does).
      expect(changesOf(byId(results, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`)).map((c) => c.ResourceRecordSet.SetIdentifier)).toEqual(['db-use1']);
      // An alias to a load balancer: its target's health replaces the deleted check; nothing to create.
      expect(changesOf(byId(results, `${ZONE}/cdn.example.com/A/cdn-use1`))).toEqual([
        {
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: 'cdn.example.com',
            Type: 'A',
            SetIdentifier: 'cdn-use1',
            Weight: 100,
            AliasTarget: { HostedZoneId: 'Z35SXDOTRQ7X7K', DNSName: 'dualstack.web-use1-1234567890.us-east-1.elb.amazonaws.com.', EvaluateTargetHealth: true },
          },
        },
      ]);
    },
  },
]);

describe('r53-health-check-exists without the health checks', () => {
  it('gives one error for the account when ListHealthChecks failed, never "deleted" for every record', async () => {
    const inventory = await loadInventory(fixturePath('r53-health-check-exists', 'pass.json'));
    inventory.accounts[0]!.route53.healthChecks = [];
    inventory.gaps.push({ accountId: '111122223333', region: 'global', service: 'route53', operation: 'ListHealthChecks', code: 'AccessDenied', message: 'not authorized' });
    const results = runRules(inventory, { rules: rules.filter((r) => r.id === 'r53-health-check-exists') });
    expect(results.map((r) => [r.status, r.resource.type, r.messageId])).toEqual([['error', 'aws:account', 'dataMissing']]);
  });
});
