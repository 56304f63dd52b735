import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadInventory } from '../../src/cli/files.js';
import { runRules } from '../../src/engine/run-rules.js';
import { byName, expectMessage, fixturePath, testRule } from '../support/rule-cases.js';

const rule = rules.find((r) => r.id === 'app-region-failure')!;

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
      // A simple record becomes a failover pair, in one change batch: the DNS rules' fix of its group
      // with a standby. A CNAME to a load balancer becomes an alias that evaluates its health (a
      // CNAME primary beside an A secondary is refused, and one without a health check never fails over).
      const legacy = byName(results, 'legacy.example.com').remediation!.steps!;
      expect(legacy).toHaveLength(1);
      expect(JSON.parse(legacy[0]!.argv[legacy[0]!.argv.indexOf('--change-batch') + 1]!).Changes).toEqual([
        { Action: 'DELETE', ResourceRecordSet: { Name: 'legacy.example.com', Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: 'app-use1-7.us-east-1.elb.amazonaws.com' }] } },
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: 'legacy.example.com',
            Type: 'A',
            SetIdentifier: 'primary',
            Failover: 'PRIMARY',
            AliasTarget: { HostedZoneId: '<load-balancer-canonical-hosted-zone-id>', DNSName: 'app-use1-7.us-east-1.elb.amazonaws.com', EvaluateTargetHealth: true },
          },
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: 'legacy.example.com',
            Type: 'A',
            SetIdentifier: 'standby',
            Failover: 'SECONDARY',
            AliasTarget: { HostedZoneId: '<standby-alias-hosted-zone-id>', DNSName: '<standby-dns-name>', EvaluateTargetHealth: true },
          },
        },
      ]);
      // The inventory predates the canonical hosted zone of load balancers: the user fills it in.
      expect(legacy[0]!.placeholders.map((p) => p.kind)).toEqual(['hosted-zone-id', 'hosted-zone-id', 'dns-name']);
      // A load balancer nobody's DNS names gets a new failover pair in a hosted zone the user picks.
      expect(first('lone-nlb').placeholders.map((p) => p.text)).toEqual([
        '<hosted-zone-id>',
        '<dns-name>',
        '<load-balancer-canonical-hosted-zone-id>',
        '<dns-name>',
        '<standby-load-balancer-canonical-hosted-zone-id>',
        '<load-balancer-dns-name-in-another-region>',
      ]);
      // The latency member without health check: evaluate the target health of its alias.
      expect(JSON.parse(first('blind.example.com').argv.at(-1)!).Changes[0].ResourceRecordSet.AliasTarget.EvaluateTargetHealth).toBe(true);
      expect(byName(results, 'blind.example.com').evidence!.regions).toMatchObject({ 'eu-west-1': { outcome: 'degraded', reasonId: 'memberWithoutHealthCheck' } });
    },
  },
]);

describe('app-region-failure fixes', () => {
  it('name the canonical hosted zone of the load balancer when the inventory has it', async () => {
    const inventory = await loadInventory(fixturePath('app-region-failure', 'fail.json'));
    inventory.accounts[0]!.regions.flatMap((r) => r.elbv2.loadBalancers).find((lb) => lb.name === 'lone-nlb')!.canonicalHostedZoneId = 'Z26RNL4JYFTOTI';
    const step = byName(runRules(inventory, { rules: [rule] }), 'lone-nlb').remediation!.steps![0]!;
    const batch = JSON.parse(step.argv[step.argv.indexOf('--change-batch') + 1]!) as { Changes: { ResourceRecordSet: { AliasTarget: { HostedZoneId: string } } }[] };
    expect(batch.Changes[0]!.ResourceRecordSet.AliasTarget.HostedZoneId).toBe('Z26RNL4JYFTOTI');
    expect(step.placeholders.map((p) => p.text)).not.toContain('<load-balancer-canonical-hosted-zone-id>');
  });

  it('add a health-checked member in another region to a weighted group, its check naming the endpoint the member answers with', async () => {
    const results = runRules(await loadInventory(fixturePath('r53-routing-health-checks', 'fail.json')), { rules: [rule] });
    const steps = byName(results, 'app.example.com').remediation!.steps!;
    const batch = steps.at(-1)!;
    const changes = JSON.parse(batch.argv[batch.argv.indexOf('--change-batch') + 1]!).Changes as { ResourceRecordSet: Record<string, unknown> }[];
    expect(changes.at(-1)!.ResourceRecordSet).toEqual({
      Name: 'app.example.com',
      Type: 'CNAME',
      SetIdentifier: '<set-identifier-in-another-region>',
      Weight: 90,
      TTL: 60,
      ResourceRecords: [{ Value: '<load-balancer-dns-name-in-another-region>' }],
      HealthCheckId: `<health-check-id-from-step-${steps.length - 1}>`,
    });
    const check = steps.at(-2)!;
    expect(JSON.parse(check.argv[check.argv.indexOf('--health-check-config') + 1]!.replace(/<endpoint-port-\d>/, '1'))).toMatchObject({ Type: 'TCP', FullyQualifiedDomainName: '<load-balancer-dns-name-in-another-region>' });
  });

  it('give a geolocation group no member (a location answers with one record), but say how to build its standby', async () => {
    const results = runRules(await loadInventory(fixturePath('r53-geo-default', 'fail.json')), { rules: [rule] });
    const www = byName(results, 'www.example.com');
    expect(www.remediation!.steps).toEqual([]);
    expect(www.hints).toContainEqual(expect.stringMatching(/failover pair/));
  });

  it('never take a value from AWS for a placeholder, whatever it looks like', async () => {
    const inventory = await loadInventory(fixturePath('app-region-failure', 'fail.json'));
    const records = inventory.accounts[0]!.route53.hostedZones.flatMap((z) => z.records);
    // A set identifier is any text Route 53 accepts: this one looks like a placeholder of the fix.
    records.find((r) => r.name === 'app.example.com' && r.failover === 'SECONDARY')!.setIdentifier = '<set-identifier-in-another-region>';
    const step = byName(runRules(inventory, { rules: [rule] }), 'app.example.com').remediation!.steps!.at(-1)!;
    expect(step.argv.at(-1)).toContain('"SetIdentifier":"<set-identifier-in-another-region>"');
    expect(step.placeholders.map((p) => p.text)).toEqual(['<load-balancer-canonical-hosted-zone-id>', '<load-balancer-dns-name-in-another-region>']);
  });
});

describe('app-* fixes of a health check Route 53 ignores', () => {
  it('give the command r53-health-check-disabled gives: both flags when the check is disabled and inverted', async () => {
    const inventory = await loadInventory(fixturePath('app-region-failure', 'pass.json'));
    const account = inventory.accounts[0]!;
    const primary = account.route53.hostedZones.flatMap((z) => z.records).find((r) => r.name === 'www.example.com' && r.failover === 'PRIMARY')!;
    const check = account.route53.healthChecks.find((hc) => hc.id === primary.healthCheckId)!;
    check.disabled = true;
    check.inverted = true;
    const results = runRules(inventory, { rules: rules.filter((r) => r.id === 'r53-health-check-disabled' || r.level === 'resilience') });
    const fixes = results.filter((r) => r.status === 'fail').map((r) => [r.ruleId, r.remediation!.steps!.map((s) => s.argv.join(' '))]);
    const repair = `aws route53 update-health-check --health-check-id ${check.id} --no-disabled --no-inverted`;
    expect(fixes).toContainEqual(['r53-health-check-disabled', [repair]]);
    expect(fixes.filter(([id]) => id !== 'r53-health-check-disabled').length).toBeGreaterThan(0);
    for (const [, steps] of fixes) expect(steps).toEqual([repair]);
  });
});
