/**
 * The times the model adds up, each from the AWS page that gives it. They are estimates: the
 * report says so (`RESILIENCE_NOTE`), and a time AWS does not document is `null`, not a guess.
 */
import type { HealthCheck, Route53HealthCheck } from '../model/inventory.js';

export const RESILIENCE_NOTE =
  'Outcomes are estimated from the configuration, before any Auto Scaling refill; recovery times add the detection and failover times AWS documents and are estimates.';

/**
 * The DNS name of a load balancer has a TTL of 60 seconds: when a zone fails, the load balancer
 * takes that zone's node out of its name and clients holding the address retry within this time.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html
 * An alias record to a load balancer answers with the same TTL (LOAD_BALANCER_ALIAS_TTL_SECONDS).
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html
 */
export const LOAD_BALANCER_DNS_TTL_SECONDS = 60;

/**
 * A target is taken out of service after `UnhealthyThresholdCount` consecutive failed checks,
 * one every `HealthCheckIntervalSeconds`; the defaults are 30 s and 2 (ALB) / 30 s and 2 (NLB).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html
 */
const TARGET_GROUP_DEFAULT_INTERVAL_SECONDS = 30;
const TARGET_GROUP_DEFAULT_UNHEALTHY_THRESHOLD = 2;

/** Seconds until a target group stops sending to a dead target; null when health checks are off (it never does). */
export function targetGroupDetectionSeconds(healthCheck: HealthCheck): number | null {
  if (!healthCheck.enabled) return null;
  return (healthCheck.intervalSeconds ?? TARGET_GROUP_DEFAULT_INTERVAL_SECONDS) * (healthCheck.unhealthyThreshold ?? TARGET_GROUP_DEFAULT_UNHEALTHY_THRESHOLD);
}

/**
 * Route 53 declares an endpoint unhealthy after `FailureThreshold` consecutive failed checks, one
 * every `RequestInterval` seconds (defaults 30 s and 3).
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
 * A calculated check follows its children; a CloudWatch-alarm check follows an alarm whose
 * period the inventory does not hold; an ARC routing control is flipped by a person.
 */
const ROUTE53_DEFAULT_REQUEST_INTERVAL = 30;
const ROUTE53_DEFAULT_FAILURE_THRESHOLD = 3;

/** Seconds until Route 53 sees the endpoint of this health check down; null when it cannot be computed. */
export function healthCheckDetectionSeconds(check: Route53HealthCheck, byId: (id: string) => Route53HealthCheck | undefined, depth = 0): number | null {
  if (check.type === 'CALCULATED') {
    if (depth > 4) return null;
    const children = (check.childHealthChecks ?? []).map((id) => byId(id));
    if (children.length === 0 || children.some((c) => c === undefined)) return null;
    const times = children.map((c) => healthCheckDetectionSeconds(c!, byId, depth + 1));
    return times.some((t) => t === null) ? null : Math.max(...(times as number[]));
  }
  if (check.type === 'CLOUDWATCH_METRIC' || check.type === 'RECOVERY_CONTROL') return null;
  return (check.requestInterval ?? ROUTE53_DEFAULT_REQUEST_INTERVAL) * (check.failureThreshold ?? ROUTE53_DEFAULT_FAILURE_THRESHOLD);
}

/**
 * Multi-AZ DB instance: "Failover times are typically 60–120 seconds."
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html
 */
export const RDS_MULTI_AZ_INSTANCE_FAILOVER_SECONDS = 120;

/**
 * Multi-AZ DB cluster: "Failover times are typically under 35 seconds."
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-failover.html
 */
export const RDS_MULTI_AZ_CLUSTER_FAILOVER_SECONDS = 35;

/**
 * Aurora promotes a replica when the writer fails: "Service is typically restored in less than
 * 60 seconds, and often less than 30 seconds."
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html
 */
export const AURORA_FAILOVER_SECONDS = 60;

/**
 * ElastiCache (Valkey, Redis OSS) with Multi-AZ promotes a replica and moves the primary endpoint
 * to it; AWS gives no total time, only that the DNS change takes "up to a few seconds", so the
 * outcome says `fails-over` with no figure (null) rather than an invented one.
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html
 */
export const ELASTICACHE_FAILOVER_SECONDS = null;

/**
 * DynamoDB replicates every table across three Availability Zones of its region; ElastiCache
 * Serverless replicates across zones too: neither loses service with one zone.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/disaster-recovery-resiliency.html
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.corecomponents.html
 */
export const REGIONAL_SERVICE_NOTE = 'replicated across the zones of its region';
