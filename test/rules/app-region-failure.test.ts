import { expect } from 'vitest';
import { byName, expectMessage, testRule } from '../support/rule-cases.js';

testRule('app-region-failure', [
  {
    name: 'a health-checked failover pair to a load balancer in another region passes',
    fixture: 'pass.json',
    fail: [],
    pass: ['www.example.com'],
    check(results) {
      expectMessage(byName(results, 'www.example.com'), 'survives', { entryPoint: 'www.example.com', regions: 'us-east-1' });
    },
  },
  {
    name: 'no standby in another region fails: a load balancer users reach directly, a secondary in the same region, a simple CNAME; a latency record without health check keeps its users on the lost region (degraded)',
    fixture: 'fail.json',
    fail: [
      { resource: 'lone-nlb', messageId: 'down' },
      { resource: 'app.example.com', messageId: 'down' },
      { resource: 'legacy.example.com', messageId: 'down' },
      { resource: 'blind.example.com', messageId: 'degraded' },
    ],
    pass: [],
    check(results) {
      const first = (name: string) => byName(results, name).remediation!.steps![0]!;
      // The secondary moves to a load balancer the user picks in another region.
      expect(first('app.example.com').placeholders.map((p) => p.text)).toEqual(['<load-balancer-canonical-hosted-zone-id>', '<load-balancer-dns-name-in-another-region>']);
      // A simple record becomes a failover pair, in one change batch.
      expect(JSON.parse(first('legacy.example.com').argv.at(-1)!).Changes.map((c: { Action: string }) => c.Action)).toEqual(['DELETE', 'CREATE', 'CREATE']);
      // A load balancer nobody's DNS names gets a new failover pair in a hosted zone the user picks.
      expect(first('lone-nlb').placeholders.map((p) => p.kind)).toContain('hosted-zone-id');
      // The latency member without health check: evaluate the target health of its alias.
      expect(JSON.parse(first('blind.example.com').argv.at(-1)!).Changes[0].ResourceRecordSet.AliasTarget.EvaluateTargetHealth).toBe(true);
      expect(byName(results, 'blind.example.com').evidence!.regions).toMatchObject({ 'eu-west-1': { outcome: 'degraded', reasonId: 'memberWithoutHealthCheck' } });
    },
  },
]);
