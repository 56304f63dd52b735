import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import { isAttachedToLoadBalancer } from './support/autoscaling.js';

export default defineRule({
  id: 'asg-elb-health-check',
  title: 'Auto Scaling groups behind a load balancer replace instances it finds unhealthy',
  service: 'autoscaling',
  severity: 'high',
  wellArchitected: ['REL11-BP01', 'REL11-BP03'],
  uses: ['autoscaling:DescribeAutoScalingGroups'],
  params: {},
  messages: {
    elbHealthCheck: 'Auto Scaling group {{name}} replaces instances that fail the load balancer health check',
    ec2Only:
      'Auto Scaling group {{name}} uses {{types}} health checks only: an instance that fails the load balancer health check stays in service and is never replaced',
  },
  rationale:
    'With EC2 health checks only, an instance whose application hangs still passes (it is running), so the load balancer stops using it but Auto Scaling never replaces it: capacity silently shrinks until a zone failure finds no spare.',
  remediation: {
    summary: 'Set the health check type to ELB, with a grace period long enough for an instance to boot.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-elb-healthcheck.html',
  },
  check(scope, { pass, fail }) {
    for (const group of scope.autoScalingGroups) {
      if (!isAttachedToLoadBalancer(group)) continue;
      const ref = scope.autoScalingGroupRef(group);
      // HealthCheckType may list several types (`ELB,EBS`); EC2 is always implied.
      if (group.healthCheckTypes.includes('ELB')) {
        pass(ref, 'elbHealthCheck', { name: group.name });
        continue;
      }
      const types = ['ELB', ...group.healthCheckTypes.filter((t) => t !== 'EC2')].join(',');
      const gracePeriod = group.healthCheckGracePeriod && group.healthCheckGracePeriod > 0 ? group.healthCheckGracePeriod : 300;
      fail(ref, 'ec2Only', { name: group.name, types: group.healthCheckTypes.join(',') || 'EC2' }, {
        evidence: { HealthCheckType: group.healthCheckTypes.join(','), HealthCheckGracePeriod: group.healthCheckGracePeriod ?? null },
        steps: [
          aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--health-check-type', types, '--health-check-grace-period', gracePeriod),
        ],
        warning: 'Instances that fail the load balancer\'s health check now are replaced at once: look at the target health first (aws elbv2 describe-target-health).',
      });
    }
  },
});
