import { expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import { argvOf, byName, expectMessage, fixturePath, testRule } from '../support/rule-cases.js';

const resume = (name: string, ...processes: string[]) => [['autoscaling', 'resume-processes', '--auto-scaling-group-name', name, '--scaling-processes', ...processes]];

testRule('asg-suspended-processes', [
  {
    name: 'nothing suspended, or only processes availability does not depend on (scheduled actions, instance refresh), passes',
    fixture: 'pass.json',
    fail: [],
    pass: ['web-asg', 'api-asg', 'batch-asg'],
    check(results) {
      expectMessage(byName(results, 'batch-asg'), 'running', { name: 'batch-asg' });
      expect(byName(results, 'batch-asg').evidence).toEqual({ suspendedProcesses: ['ScheduledActions', 'InstanceRefresh'] });
    },
  },
  {
    name: 'ReplaceUnhealthy and AlarmNotification, Launch, Terminate, AZRebalance, HealthCheck, AddToLoadBalancer suspended fail, each named with what stops working',
    fixture: 'fail.json',
    fail: [
      // The group: it passes asg-elb-health-check and asg-scaling-policy, yet nothing is replaced and no policy fires.
      { resource: 'web-asg', messageId: 'suspended' },
      { resource: 'api-asg', messageId: 'suspended' },
      { resource: 'batch-asg', messageId: 'suspended' },
    ],
    pass: ['orders-asg'],
    check(results) {
      const web = byName(results, 'web-asg');
      expect(web.message).toContain('ReplaceUnhealthy: unhealthy instances are never replaced');
      expect(web.message).toContain('AlarmNotification: CloudWatch alarms are ignored, so scaling policies never fire');
      expect(argvOf(results, 'web-asg')).toEqual(resume('web-asg', 'ReplaceUnhealthy', 'AlarmNotification'));
      expect(web.remediation!.warning).toMatch(/ReplaceUnhealthy replaces/);
      // ScheduledActions is not resumed: it is not this rule's business.
      expect(argvOf(results, 'api-asg')).toEqual(resume('api-asg', 'Launch', 'Terminate', 'AZRebalance'));
      expect(byName(results, 'api-asg').remediation!.warning).toMatch(/AZRebalance may terminate instances/);
      expect(argvOf(results, 'batch-asg')).toEqual(resume('batch-asg', 'HealthCheck', 'AddToLoadBalancer'));
      expect(byName(results, 'batch-asg').remediation!.warning).toBeUndefined();
    },
  },
  {
    name: 'an inventory saved before suspended processes were collected: error for the groups that lack them',
    fixture: 'not-collected.json',
    fail: [],
    pass: ['web-asg'],
    error: [{ resource: 'api-asg', messageId: 'notCollected' }],
  },
]);

// The wrong verdict of issue 11: the same group passes the two rules that could not see the suspension.
it('the suspended group still passes asg-elb-health-check and asg-scaling-policy: only this rule sees it', async () => {
  const inventory = await loadInventory(fixturePath('asg-suspended-processes', 'fail.json'));
  const results = runRules(inventory, { rules: rules.filter((r) => ['asg-elb-health-check', 'asg-scaling-policy'].includes(r.id)) });
  expect(results.filter((r) => r.resource.name === 'web-asg').map((r) => [r.ruleId, r.status])).toEqual([
    ['asg-elb-health-check', 'pass'],
    ['asg-scaling-policy', 'pass'],
  ]);
});
