import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import { buildResilience } from '../../src/resilience/model.js';
import { byName, fixturePath, testRule } from '../support/rule-cases.js';

const rule = rules.find((r) => r.id === 'app-zone-failure')!;

testRule('app-zone-failure', [
  {
    name: 'an entry point spread over its zones, and an internal load balancer over two, keep serving whichever zone fails',
    fixture: 'pass.json',
    fail: [],
    pass: ['www.example.com', 'orders-alb'],
    check(results) {
      const www = byName(results, 'www.example.com');
      expect(www.messageId).toBe('survives');
      expect(www.resource).toMatchObject({ type: 'route53:record-group', region: 'global' });
      expect(Object.values(www.evidence!.zones as Record<string, { outcome: string }>).map((z) => z.outcome)).toEqual(['survives', 'survives', 'survives']);
      expect(byName(results, 'orders-alb').resource).toMatchObject({ type: 'elbv2:load-balancer', region: 'us-east-1' });
    },
  },
  {
    name: 'the worst zone names the fault and its fix: targets in one zone (down), uneven targets (degraded), a node left without targets (degraded), a failover primary Route 53 cannot see (down)',
    fixture: 'fail.json',
    fail: [
      { resource: 'single-alb', messageId: 'down' },
      { resource: 'uneven-alb', messageId: 'degraded' },
      { resource: 'tcp-nlb', messageId: 'degraded' },
      { resource: 'api.example.com', messageId: 'down' },
    ],
    pass: [],
    check(results) {
      const steps = (name: string) => byName(results, name).remediation!.steps!.map((s) => s.argv.slice(1, 3).join(' '));
      // The group is in one zone: the fix adds the subnet the VPC has in the load balancer's other zone.
      expect(byName(results, 'single-alb').remediation!.steps![0]!.argv).toEqual(
        expect.arrayContaining(['update-auto-scaling-group', 'single-asg', '--vpc-zone-identifier', 'subnet-us-east-1a,subnet-us-east-1b']),
      );
      // Already over both zones, 2 and 1 instances: two per zone.
      expect(byName(results, 'uneven-alb').remediation!.steps![0]!.argv).toEqual(expect.arrayContaining(['uneven-asg', '--min-size', '4', '--desired-capacity', '4']));
      expect(steps('tcp-nlb')).toEqual(['elbv2 modify-target-group-attributes']);
      expect(steps('api.example.com')).toEqual(['route53 change-resource-record-sets']);
      const uneven = byName(results, 'uneven-alb');
      expect(uneven.evidence!.zones).toMatchObject({ 'use1-az1 (us-east-1a)': { outcome: 'degraded', capacity: { before: 3, after: 1 }, reasonId: 'capacityBelowShare' } });
      expect(uneven.hints).toHaveLength(1);
    },
  },
]);

describe('app-zone-failure capacity fixes', () => {
  it('leave room to scale out above the new size, as the capacity rules do (asg-scaling-policy would fail MaxSize = MinSize)', async () => {
    const inventory = await loadInventory(fixturePath('app-zone-failure', 'fail.json'));
    const group = inventory.accounts[0]!.regions[0]!.autoscaling.groups.find((g) => g.name === 'uneven-asg')!;
    group.maxSize = 3;
    const argv = byName(runRules(inventory, { rules: [rule] }), 'uneven-alb').remediation!.steps![0]!.argv;
    expect(argv.slice(argv.indexOf('--min-size'), argv.indexOf('--region'))).toEqual(['--min-size', '4', '--desired-capacity', '4', '--max-size', '8']);
  });

  it('offer no subnet for a load balancer in one zone: the zone loss takes the load balancer too', async () => {
    const inventory = await loadInventory(fixturePath('app-zone-failure', 'fail.json'));
    const lb = inventory.accounts[0]!.regions[0]!.elbv2.loadBalancers.find((l) => l.name === 'single-alb')!;
    lb.availabilityZones = lb.availabilityZones.slice(0, 1);
    const single = byName(runRules(inventory, { rules: [rule] }), 'single-alb');
    expect(single.remediation!.steps!.filter((s) => s.argv.includes('--vpc-zone-identifier'))).toEqual([]);
  });
});

describe('app-zone-failure with missing data', () => {
  it('gives error (never pass) for an entry point whose paths a gap hides, naming what is missing', async () => {
    const inventory = await loadInventory(fixturePath('app-zone-failure', 'pass.json'));
    inventory.gaps.push({ accountId: '111122223333', region: 'us-east-1', service: 'elbv2', operation: 'DescribeTargetHealth', code: 'AccessDenied', message: 'denied', class: 'denied' });
    const results = runRules(inventory, { rules: [rule] });
    expect(results.map((r) => [r.resource.name, r.status, r.messageId])).toEqual([
      ['www.example.com', 'error', 'notEvaluated'],
      ['orders-alb', 'error', 'notEvaluated'],
    ]);
  });

  it('reads the model it is given: minCapacityShare from the configuration changes the verdict', async () => {
    const inventory = await loadInventory(fixturePath('app-zone-failure', 'fail.json'));
    const lenient = runRules(inventory, { rules: [rule], model: () => buildResilience(inventory, { minCapacityShare: 0.3 }) });
    expect(lenient.find((r) => r.resource.name === 'uneven-alb')?.status).toBe('pass');
  });
});
