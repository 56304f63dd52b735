import type { PlaceholderKind, RemediationStep } from '../../src/model/result.js';

/** A real-looking value of each kind: what a user would type in place of the placeholder. */
export const PLACEHOLDER_VALUES: Record<PlaceholderKind, string> = {
  'availability-zone': 'us-east-1c',
  'cache-cluster-id': 'sessions-replica-002',
  'cloudwatch-alarm-name': 'web-endpoint-down',
  'db-instance-class': 'db.r6g.large',
  'db-instance-id': 'orders-reader-2',
  'db-snapshot-id': 'orders-before-multi-az',
  'dns-name': 'standby-alb-1234567890.eu-west-1.elb.amazonaws.com',
  'elastic-ip-allocation-id': 'eipalloc-0a1b2c3d4e5f60718',
  'hosted-zone-id': 'Z32O12XQLNTSW2',
  'instance-id': 'i-0a1b2c3d4e5f60718',
  'ip-address': '192.0.2.44',
  'lambda-function-arn': 'arn:aws:lambda:us-east-1:111122223333:function:web',
  'load-balancer-arn': 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef',
  port: '8443',
  region: 'us-east-1',
  'replication-group-id': 'sessions-ha',
  'route53-health-check-id': 'a1b2c3d4-0000-4000-8000-00000000a001',
  'route53-health-check-type': 'HTTPS',
  'route53-set-identifier': 'standby',
  'subnet-id': 'subnet-0f9e8d7c6b5a40312',
  'url-path': '/healthz',
};

/** The step's argv with every placeholder replaced by a value of its kind (or by `values` where given). */
export function filledArgv(step: RemediationStep, values: Partial<Record<string, string>> = {}): string[] {
  const argv = [...step.argv];
  for (const p of step.placeholders) argv[p.arg] = argv[p.arg]!.split(p.text).join(values[p.text] ?? PLACEHOLDER_VALUES[p.kind]);
  return argv;
}
