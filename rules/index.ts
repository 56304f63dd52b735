/**
 * Every rule ha-audit ships, sorted by id. A meta test checks that each file of `rules/` is
 * listed here under its own id, with a test, fixtures and documentation.
 */
import type { Rule } from '../src/engine/define-rule.js';
import asgElbHealthCheck from './asg-elb-health-check.js';
import asgMinCapacity from './asg-min-capacity.js';
import asgMultiAz from './asg-multi-az.js';
import asgScalingPolicy from './asg-scaling-policy.js';
import elbCrossZone from './elb-cross-zone.js';
import elbDeletionProtection from './elb-deletion-protection.js';
import elbMultiAz from './elb-multi-az.js';
import elbTargetsMultiAz from './elb-targets-multi-az.js';
import tgHealthCheck from './tg-health-check.js';
import tgStickiness from './tg-stickiness.js';

export const rules: readonly Rule[] = [
  asgElbHealthCheck,
  asgMinCapacity,
  asgMultiAz,
  asgScalingPolicy,
  elbCrossZone,
  elbDeletionProtection,
  elbMultiAz,
  elbTargetsMultiAz,
  tgHealthCheck,
  tgStickiness,
];
