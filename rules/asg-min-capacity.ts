import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';
import { capacityFloor, isAttachedToLoadBalancer, maxSizeWithRoom } from './support/autoscaling.js';

export default defineRule({
  id: 'asg-min-capacity',
  title: 'Auto Scaling groups behind a load balancer keep a spare instance',
  service: 'autoscaling',
  severity: 'medium',
  wellArchitected: ['REL11-BP05', 'REL10-BP01'],
  uses: ['autoscaling:DescribeAutoScalingGroups'],
  params: {
    minInstances: { type: 'integer', default: 2, min: 1, max: 1000, description: 'Smallest acceptable MinSize for a group serving a load balancer.' },
  },
  messages: {
    enough: 'Auto Scaling group {{name}} keeps at least {{minSize}} instances',
    tooSmall: 'Auto Scaling group {{name}} may shrink to {{instances}}; at least {{minInstances}} needed so that one failure does not take the service down',
  },
  rationale:
    'With a minimum of one instance, the group may run a single server: its failure, or the loss of its zone, is an outage until a replacement boots.',
  remediation: {
    summary: 'Raise the minimum size, and the maximum with it where it would leave no room to scale out.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-capacity-limits.html',
  },
  check(scope, { params, pass, fail }) {
    for (const group of scope.autoScalingGroups) {
      if (!isAttachedToLoadBalancer(group)) continue;
      const ref = scope.autoScalingGroupRef(group);
      if (group.minSize >= params.minInstances) {
        pass(ref, 'enough', { name: group.name, minSize: group.minSize });
        continue;
      }
      // The MinSize every capacity fix gives the group (one per zone where it runs fewer), and
      // MaxSize with room to scale out, as asg-scaling-policy's fix does (the same values).
      const minSize = capacityFloor(group, params.minInstances);
      const maxSize = maxSizeWithRoom(group, minSize);
      const launched = minSize - group.desiredCapacity;
      fail(ref, 'tooSmall', { name: group.name, instances: countOf(group.minSize, 'instance'), minInstances: params.minInstances }, {
        evidence: { MinSize: group.minSize, MaxSize: group.maxSize, DesiredCapacity: group.desiredCapacity },
        steps: [
          aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--min-size', minSize, ...(maxSize === group.maxSize ? [] : ['--max-size', maxSize])),
        ],
        // Raising MinSize above the current size raises the desired capacity with it.
        ...(launched > 0 ? { warning: `Launches ${countOf(launched, 'more instance')} at once, billed from then on.` } : {}),
      });
    }
  },
});
