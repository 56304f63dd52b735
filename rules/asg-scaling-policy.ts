import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import type { RemediationStep } from '../src/model/result.js';
import { isAttachedToLoadBalancer } from './support/autoscaling.js';

const TARGET_TRACKING_CPU = JSON.stringify({
  PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
  TargetValue: 50,
});

export default defineRule({
  id: 'asg-scaling-policy',
  title: 'Auto Scaling groups behind a load balancer scale out on load',
  service: 'autoscaling',
  severity: 'low',
  wellArchitected: ['REL07-BP01'],
  uses: ['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribePolicies'],
  params: {},
  messages: {
    scales: 'Auto Scaling group {{name}} scales between {{minSize}} and {{maxSize}} instances with {{policies}}',
    noPolicy: 'Auto Scaling group {{name}} has no enabled scaling policy: it cannot add instances on a traffic spike or after losing a zone',
    cannotGrow: 'Auto Scaling group {{name}} cannot scale out: MaxSize {{maxSize}} is not above MinSize {{minSize}}',
    noPolicyCannotGrow: 'Auto Scaling group {{name}} has no enabled scaling policy and MaxSize {{maxSize}} is not above MinSize {{minSize}}: it can never scale out',
  },
  rationale:
    'When a zone fails, the surviving zones must absorb its traffic. A group that cannot scale out on load stays at its pre-failure size and overloads.',
  remediation: {
    summary: 'Add a target-tracking scaling policy and leave room between MinSize and MaxSize.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
  },
  check(scope, { pass, fail }) {
    for (const group of scope.autoScalingGroups) {
      if (!isAttachedToLoadBalancer(group)) continue;
      const ref = scope.autoScalingGroupRef(group);
      const policies = group.scalingPolicies.filter((p) => p.enabled);
      const canGrow = group.maxSize > group.minSize;
      const data = { name: group.name, minSize: group.minSize, maxSize: group.maxSize };
      if (policies.length > 0 && canGrow) {
        pass(ref, 'scales', { ...data, policies: policies.map((p) => `${p.name} (${p.type})`).join(', ') });
        continue;
      }
      const steps: RemediationStep[] = [];
      if (!canGrow) {
        steps.push(aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--max-size', Math.max(group.minSize * 2, group.minSize + 2)));
      }
      if (policies.length === 0) {
        steps.push(
          aws('autoscaling', 'put-scaling-policy', '--auto-scaling-group-name', group.name, '--policy-name', 'cpu-target-tracking', '--policy-type', 'TargetTrackingScaling', '--target-tracking-configuration', TARGET_TRACKING_CPU),
        );
      }
      const messageId = policies.length === 0 ? (canGrow ? 'noPolicy' : 'noPolicyCannotGrow') : 'cannotGrow';
      fail(ref, messageId, data, {
        evidence: { MinSize: group.minSize, MaxSize: group.maxSize, scalingPolicies: group.scalingPolicies.map((p) => `${p.name} (${p.type}${p.enabled ? '' : ', disabled'})`) },
        steps,
      });
    }
  },
});
