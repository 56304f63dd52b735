/**
 * Every rule ha-audit ships, sorted by id. A meta test checks that each file of `rules/` is
 * listed here under its own id, with a test, fixtures and documentation.
 */
import type { Rule } from '../src/engine/define-rule.js';
import appRegionFailure from './app-region-failure.js';
import appZoneFailure from './app-zone-failure.js';
import asgElbHealthCheck from './asg-elb-health-check.js';
import asgMinCapacity from './asg-min-capacity.js';
import asgMultiAz from './asg-multi-az.js';
import asgScalingPolicy from './asg-scaling-policy.js';
import asgSuspendedProcesses from './asg-suspended-processes.js';
import asgZonalShift from './asg-zonal-shift.js';
import auroraMultiAz from './aurora-multi-az.js';
import dynamodbPitr from './dynamodb-pitr.js';
import elasticacheFailover from './elasticache-failover.js';
import elbCrossZone from './elb-cross-zone.js';
import elbDeletionProtection from './elb-deletion-protection.js';
import elbMultiAz from './elb-multi-az.js';
import elbTargetsMultiAz from './elb-targets-multi-az.js';
import elbZonalShift from './elb-zonal-shift.js';
import r53AliasEvaluateTargetHealth from './r53-alias-evaluate-target-health.js';
import r53FailoverDistinctRegions from './r53-failover-distinct-regions.js';
import r53FailoverHealthCheck from './r53-failover-health-check.js';
import r53FailoverPair from './r53-failover-pair.js';
import r53FailoverTtl from './r53-failover-ttl.js';
import r53GeoDefault from './r53-geo-default.js';
import r53HealthCheckDisabled from './r53-health-check-disabled.js';
import r53HealthCheckExists from './r53-health-check-exists.js';
import r53RoutingHealthChecks from './r53-routing-health-checks.js';
import rdsBackups from './rds-backups.js';
import rdsMultiAz from './rds-multi-az.js';
import tgHealthCheck from './tg-health-check.js';
import tgStickiness from './tg-stickiness.js';

export const rules: readonly Rule[] = [
  appRegionFailure,
  appZoneFailure,
  asgElbHealthCheck,
  asgMinCapacity,
  asgMultiAz,
  asgScalingPolicy,
  asgSuspendedProcesses,
  asgZonalShift,
  auroraMultiAz,
  dynamodbPitr,
  elasticacheFailover,
  elbCrossZone,
  elbDeletionProtection,
  elbMultiAz,
  elbTargetsMultiAz,
  elbZonalShift,
  r53AliasEvaluateTargetHealth,
  r53FailoverDistinctRegions,
  r53FailoverHealthCheck,
  r53FailoverPair,
  r53FailoverTtl,
  r53GeoDefault,
  r53HealthCheckDisabled,
  r53HealthCheckExists,
  r53RoutingHealthChecks,
  rdsBackups,
  rdsMultiAz,
  tgHealthCheck,
  tgStickiness,
];
