import { defineRule } from '../src/engine/define-rule.js';
import { aws, json } from '../src/engine/command.js';
import type { RemediationStep } from '../src/model/result.js';
import { capacityFloor, isAttachedToLoadBalancer, maxSizeWithRoom, scalesOnLoad } from './support/autoscaling.js';

const TARGET_TRACKING_CPU = {
  PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
  TargetValue: 50,
};

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
    noPolicy: 'Auto Scaling group {{name}} has no scaling policy that changes its capacity on load: it cannot add instances on a traffic spike or after losing a zone',
    cannotGrow: 'Auto Scaling group {{name}} cannot scale out: MaxSize {{maxSize}} is not above MinSize {{minSize}}',
    noPolicyCannotGrow:
      'Auto Scaling group {{name}} has no scaling policy that changes its capacity on load and MaxSize {{maxSize}} is not above MinSize {{minSize}}: it can never scale out',
  },
  rationale:
    'When a zone fails, the surviving zones must absorb its traffic. A group that cannot scale out on load stays at its pre-failure size and overloads. Only policies that can change capacity count: enabled target-tracking policies, step and simple policies that a CloudWatch alarm invokes, and predictive policies in ForecastAndScale mode (ForecastOnly, the default, only forecasts); scheduled actions do not follow load.',
  remediation: {
    summary: 'Add a target-tracking scaling policy and leave room between MinSize and MaxSize.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
  },
  check(scope, { pass, fail, notCollected }) {
    for (const group of scope.autoScalingGroups) {
      if (!isAttachedToLoadBalancer(group)) continue;
      const ref = scope.autoScalingGroupRef(group);
      const judged = group.scalingPolicies.map((policy) => ({ policy, verdict: scalesOnLoad(policy) }));
      const scaling = judged.filter((p) => p.verdict?.scales).map((p) => p.policy);
      const unknown = judged.find((p) => p.verdict === undefined);
      const canGrow = group.maxSize > group.minSize;
      const data = { name: group.name, minSize: group.minSize, maxSize: group.maxSize };
      if (scaling.length > 0 && canGrow) {
        pass(ref, 'scales', { ...data, policies: scaling.map((p) => `${p.name} (${p.type})`).join(', ') });
        continue;
      }
      // A policy whose alarms or mode an older inventory lacks may be the one that scales.
      if (scaling.length === 0 && unknown) {
        notCollected(ref, unknown.policy.type === 'PredictiveScaling' ? 'scalingPolicies[].predictiveMode' : 'scalingPolicies[].alarms');
        continue;
      }
      const steps: RemediationStep[] = [];
      // The same MaxSize as asg-min-capacity's fix: applied in either order, neither undoes the other.
      if (!canGrow) steps.push(aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--max-size', maxSizeWithRoom(group, capacityFloor(group))));
      if (scaling.length === 0) {
        steps.push(
          aws('autoscaling', 'put-scaling-policy', '--auto-scaling-group-name', group.name, '--policy-name', 'cpu-target-tracking', '--policy-type', 'TargetTrackingScaling', '--target-tracking-configuration', json(TARGET_TRACKING_CPU)),
        );
      }
      const messageId = scaling.length === 0 ? (canGrow ? 'noPolicy' : 'noPolicyCannotGrow') : 'cannotGrow';
      fail(ref, messageId, data, {
        evidence: { MinSize: group.minSize, MaxSize: group.maxSize, scalingPolicies: judged.map(({ policy, verdict }) => `${policy.name} (${policy.type}: ${verdict!.why})`) },
        steps,
      });
    }
  },
});
