import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-health-check-disabled', [
  {
    name: 'records whose health checks are enabled and not inverted pass; records without one get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [`${ZONE}/shop.example.com/A/blue`, `${ZONE}/shop.example.com/A/green`, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`],
  },
  {
    name: 'a disabled and an inverted health check fail with their own messages; both at once has its own message (always unhealthy); a deleted one gets no result',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/shop.example.com/A/green`, messageId: 'disabled' },
      { resource: `${ZONE}/geo.example.com/CNAME/geo-eu`, messageId: 'inverted' },
      { resource: `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`, messageId: 'disabledAndInverted' },
    ],
    pass: [`${ZONE}/shop.example.com/A/blue`],
    check(results) {
      const green = byId(results, `${ZONE}/shop.example.com/A/green`);
      expectMessage(green, 'disabled', { record: 'shop.example.com A (set green)', zone: 'zone example.com', healthCheckId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c27' });
      expect(green.evidence).toEqual({
        setIdentifier: 'green',
        healthCheckId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c27',
        healthCheckType: 'HTTPS',
        disabled: true,
        inverted: false,
      });
      expect(commandsOf(green)).toEqual(['aws route53 update-health-check --health-check-id a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c27 --no-disabled']);
      expect(commandsOf(byId(results, `${ZONE}/geo.example.com/CNAME/geo-eu`))).toEqual([
        'aws route53 update-health-check --health-check-id f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e38 --no-inverted',
      ]);
      expect(commandsOf(byId(results, `${PRIVATE_ZONE}/db.corp.internal/CNAME/db-use1`))).toEqual([
        'aws route53 update-health-check --health-check-id 0a1b2c3d-4e5f-4061-9728-3a4b5c6d7e49 --no-disabled --no-inverted',
      ]);
    },
  },
]);
