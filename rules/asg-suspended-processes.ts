import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';

/** The processes whose suspension breaks availability, with what stops working. */
const EFFECTS: Record<string, string> = {
  Launch: 'no instance is launched, so lost capacity is never replaced and the group cannot scale out',
  Terminate: 'no instance is terminated, so unhealthy instances stay and the group cannot scale in',
  HealthCheck: 'instance health is not checked, so failed instances are never marked unhealthy',
  ReplaceUnhealthy: 'unhealthy instances are never replaced',
  AZRebalance: 'instances are not rebalanced across zones, so capacity stays in the surviving zones after a zone recovers',
  AlarmNotification: 'CloudWatch alarms are ignored, so scaling policies never fire',
  AddToLoadBalancer: 'new instances are not registered with the load balancer, so they serve nothing',
};

/** What resuming a process does at once, when it changes the running fleet. */
const ON_RESUME: Record<string, string> = {
  Launch: 'Resuming Launch brings the group back to its desired capacity at once (new instances are billed).',
  ReplaceUnhealthy: 'Resuming ReplaceUnhealthy replaces the instances marked unhealthy at once.',
  AZRebalance: 'Resuming AZRebalance may terminate instances in crowded zones to rebalance: their connections are cut.',
  Terminate: 'Resuming Terminate lets scale-in and replacements terminate instances again.',
};

export default defineRule({
  id: 'asg-suspended-processes',
  title: 'Auto Scaling groups run the processes that keep them available',
  service: 'autoscaling',
  severity: 'high',
  wellArchitected: ['REL11-BP03', 'REL07-BP01'],
  uses: ['autoscaling:DescribeAutoScalingGroups'],
  params: {},
  messages: {
    running: 'Auto Scaling group {{name}} runs every process that keeps it available',
    suspended: 'Auto Scaling group {{name}} has {{processes}} suspended: {{effects}}',
  },
  rationale:
    'A suspended process stays suspended until someone resumes it, often long after the deployment or incident that needed it. With ReplaceUnhealthy or HealthCheck suspended, failed instances are never replaced; with Launch, capacity lost with a zone never comes back; with AlarmNotification, no scaling policy fires; with AZRebalance, capacity stays lopsided after a zone recovers. The group still looks healthy to every other check.',
  remediation: {
    summary: 'Resume the suspended processes.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-suspend-resume-processes.html',
  },
  check(scope, { pass, fail, notCollected }) {
    for (const group of scope.autoScalingGroups) {
      const ref = scope.autoScalingGroupRef(group);
      if (group.suspendedProcesses === undefined) {
        notCollected(ref, 'suspendedProcesses');
        continue;
      }
      const harmful = Object.keys(EFFECTS).filter((process) => group.suspendedProcesses!.includes(process));
      if (harmful.length === 0) {
        pass(ref, 'running', { name: group.name }, { evidence: { suspendedProcesses: group.suspendedProcesses } });
        continue;
      }
      const warning = harmful.flatMap((process) => (ON_RESUME[process] ? [ON_RESUME[process]] : [])).join(' ');
      fail(ref, 'suspended', { name: group.name, processes: harmful.join(', '), effects: harmful.map((process) => `${process}: ${EFFECTS[process]}`).join('; ') }, {
        evidence: { suspendedProcesses: group.suspendedProcesses },
        steps: [aws('autoscaling', 'resume-processes', '--auto-scaling-group-name', group.name, '--scaling-processes', ...harmful)],
        ...(warning ? { warning } : {}),
      });
    }
  },
});
