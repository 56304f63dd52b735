import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { argvOf, byName, expectMessage, testRule } from '../support/rule-cases.js';

const update = (name: string, ...rest: string[]) => [['autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', name, ...rest]];
const warningOf = (results: Result[], name: string) => byName(results, name).remediation!.warning;

testRule('asg-min-capacity', [
  {
    name: 'attached groups with MinSize 2 or more pass; a group without a load balancer gets no result',
    fixture: 'pass.json',
    fail: [],
    // batch-asg (MinSize 0, no load balancer) is not listed: no result.
    pass: ['web-asg', 'api-asg'],
    check(results) {
      expectMessage(byName(results, 'web-asg'), 'enough', { name: 'web-asg', minSize: 2 });
    },
  },
  {
    name: 'MinSize 1 or 0 fails, however the group is attached; MaxSize is raised where it would leave no room to scale out',
    fixture: 'fail.json',
    fail: [
      { resource: 'web-asg', messageId: 'tooSmall' },
      { resource: 'legacy-asg', messageId: 'tooSmall' },
      { resource: 'reports-asg', messageId: 'tooSmall' },
    ],
    // batch-asg (MinSize 1, no load balancer) is not listed: no result.
    pass: ['search-asg', 'api-asg'],
    check(results) {
      const web = byName(results, 'web-asg');
      expectMessage(web, 'tooSmall', { name: 'web-asg', instances: '1 instance', minInstances: 2 });
      expect(web.evidence).toEqual({ MinSize: 1, MaxSize: 4, DesiredCapacity: 1 });
      expect(argvOf(results, 'web-asg')).toEqual(update('web-asg', '--min-size', '2'));
      // Desired capacity 1 rises with the minimum: one more instance, billed.
      expect(warningOf(results, 'web-asg')).toMatch(/1 more instance/);
      // Classic load balancer (LoadBalancerNames only), MaxSize 1: the maximum is raised to twice the minimum,
      // the value asg-scaling-policy's fix gives too, so that neither fix undoes the other.
      expect(argvOf(results, 'legacy-asg')).toEqual(update('legacy-asg', '--min-size', '2', '--max-size', '4'));
      // Traffic source without a type; MaxSize 2 would allow the new minimum but no scale-out (asg-scaling-policy).
      expect(argvOf(results, 'reports-asg')).toEqual(update('reports-asg', '--min-size', '2', '--max-size', '4'));
    },
  },
  {
    name: 'minInstances 3: MinSize 2 fails, 3 passes',
    fixture: 'pass.json',
    params: { minInstances: 3 },
    fail: [{ resource: 'web-asg', messageId: 'tooSmall' }],
    pass: ['api-asg'],
    check(results) {
      expectMessage(byName(results, 'web-asg'), 'tooSmall', { name: 'web-asg', instances: '2 instances', minInstances: 3 });
      expect(argvOf(results, 'web-asg')).toEqual(update('web-asg', '--min-size', '3'));
      // Already running 2: one more.
      expect(warningOf(results, 'web-asg')).toMatch(/1 more instance/);
    },
  },
  {
    name: 'minInstances 3: --max-size 6 is added where MaxSize leaves no room above 3',
    fixture: 'fail.json',
    params: { minInstances: 3 },
    fail: [
      { resource: 'web-asg', messageId: 'tooSmall' },
      { resource: 'legacy-asg', messageId: 'tooSmall' },
      { resource: 'reports-asg', messageId: 'tooSmall' },
      { resource: 'search-asg', messageId: 'tooSmall' },
      { resource: 'api-asg', messageId: 'tooSmall' },
    ],
    pass: [],
    check(results) {
      expect(argvOf(results, 'web-asg')).toEqual(update('web-asg', '--min-size', '3'));
      expect(argvOf(results, 'legacy-asg')).toEqual(update('legacy-asg', '--min-size', '3', '--max-size', '6'));
      expect(argvOf(results, 'reports-asg')).toEqual(update('reports-asg', '--min-size', '3', '--max-size', '6'));
      expect(argvOf(results, 'search-asg')).toEqual(update('search-asg', '--min-size', '3', '--max-size', '6'));
      expect(argvOf(results, 'api-asg')).toEqual(update('api-asg', '--min-size', '3'));
    },
  },
  {
    name: 'minInstances 1: only MinSize 0 fails',
    fixture: 'fail.json',
    params: { minInstances: 1 },
    fail: [{ resource: 'reports-asg', messageId: 'tooSmall' }],
    pass: ['web-asg', 'legacy-asg', 'search-asg', 'api-asg'],
    check(results) {
      // One instance for two zones: the MinSize every capacity fix gives it is one per zone
      // (elb-targets-multi-az's fix gives the same), with room above it to scale out.
      expect(argvOf(results, 'reports-asg')).toEqual(update('reports-asg', '--min-size', '2', '--max-size', '4'));
      expect(warningOf(results, 'reports-asg')).toMatch(/Launches 1 more instance/);
    },
  },
]);
