/**
 * The `resilience` section of the report (RESILIENCE.md): the entry points of the scan, every
 * path a request takes through them, the zone and region losses played, and what each loss does
 * to each entry point, data store and application. Types (and the order of outcomes): the model in `src/resilience/`
 * computes it from the inventory; reports draw it from the report alone (matrix, path view).
 * `schema/report.schema.json` describes the same structure.
 */

import type { RoutingPolicy } from './dns.js';
import type { LoadBalancerType, TargetType } from './inventory.js';

/** What one scenario does to an entry point, a data store or an application, best first. */
export type Outcome = 'unaffected' | 'survives' | 'fails-over' | 'degraded' | 'unknown' | 'needs-action' | 'down';

/** Outcomes from the worst: what `what-if` lists first, and what an application takes from its parts. */
export const OUTCOMES_WORST_FIRST: readonly Outcome[] = ['down', 'needs-action', 'degraded', 'unknown', 'fails-over', 'survives', 'unaffected'];

/** Reasons of an entry point's `unknown` outcome when it is served outside the scan: listed, never guessed about (not judged, and no gap). */
export const NOT_JUDGED_REASONS: ReadonlySet<string> = new Set(['outsideScan', 'servedOutside']);

/** Worse outcome first; then less capacity left; then the longer recovery (`what-if`, and the worst zone an `app-*` rule names). */
export function worstFirst(a: Pick<ScenarioOutcome, 'outcome' | 'capacity' | 'recoverySeconds'>, b: Pick<ScenarioOutcome, 'outcome' | 'capacity' | 'recoverySeconds'>): number {
  return OUTCOMES_WORST_FIRST.indexOf(a.outcome) - OUTCOMES_WORST_FIRST.indexOf(b.outcome) || shareLeft(a) - shareLeft(b) || (b.recoverySeconds ?? 0) - (a.recoverySeconds ?? 0);
}

function shareLeft(outcome: Pick<ScenarioOutcome, 'capacity'>): number {
  const capacity = outcome.capacity;
  return capacity && capacity.after !== null && capacity.before > 0 ? capacity.after / capacity.before : 0;
}

/** The outcomes an entry point can have (`fails-over` and `needs-action` are for data stores). */
export type EntryPointOutcome = Extract<Outcome, 'unaffected' | 'survives' | 'degraded' | 'down' | 'unknown'>;

/** The outcomes a data store can have (`survives` is for entry points). */
export type DataStoreOutcome = Extract<Outcome, 'unaffected' | 'fails-over' | 'degraded' | 'needs-action' | 'down' | 'unknown'>;

/** An application as the configuration names it: `{name: shop, entryPoints: [www.shop.example.com], dependsOn: [shop-db]}`. */
export interface ApplicationConfig {
  name: string;
  /** DNS names of record groups, load balancer names, or entry point ids. */
  entryPoints: readonly string[];
  /** Data store names (DB identifier, cache id, table name) or ARNs. */
  dependsOn: readonly string[];
}

/** The model's settings: the configuration's `resilience:`. */
export interface ResilienceSettings {
  /** Share of the capacity before that must be left for an entry point to survive (default 0.5). */
  minCapacityShare?: number;
  applications?: readonly ApplicationConfig[];
}

export interface Resilience {
  /** Share of the capacity before that must be left for an entry point to `survive` (configuration `resilience.minCapacityShare`, default 0.5). */
  minCapacityShare: number;
  /** Says that recovery times are estimates from configuration and AWS's documented figures. */
  note: string;
  entryPoints: EntryPoint[];
  scenarios: Scenario[];
  /** One per entry point, data store and application and per scenario. */
  outcomes: ScenarioOutcome[];
  dataStores: DataStore[];
  /** Applications of the configuration (`resilience.applications`); empty when it names none. */
  applications: Application[];
}

// ---------------------------------------------------------------- zones and scenarios

/** A zone as one account names it, with the physical zone id (`use1-az1`) when it was collected. */
export interface ZoneRef {
  zoneName: string;
  zoneId?: string;
}

/**
 * A physical failure: `zone:<region>/<zoneId>` or `region:<region>`. A zone whose id was not
 * collected (an older inventory) is `zone:<region>/<accountId>:<zoneName>`: zone names differ
 * between accounts, so it is never merged with another account's zone of the same name.
 */
export interface Scenario {
  id: string;
  kind: 'zone' | 'region';
  region: string;
  /** Zone scenarios: the physical zone id, when known. */
  zoneId?: string;
  /** Zone scenarios: the name each account of the scan uses for that zone. */
  zoneNames?: { accountId: string; zoneName: string }[];
}

// ---------------------------------------------------------------- entry points and paths

export interface EntryPoint {
  /** A record group `<hostedZoneId>/<name>/<type>`, or a load balancer's ARN. */
  id: string;
  kind: 'record-group' | 'load-balancer';
  /** The DNS name users type (record groups), or the load balancer's name. */
  name: string;
  accountId: string;
  /** `global` for record groups; the load balancer's region otherwise. */
  region: string;
  /** A private hosted zone, or an internal load balancer: reached from inside a network only. */
  internal: boolean;
  /** Record groups: the hosted zone. */
  hostedZone?: { id: string; name: string; privateZone: boolean };
  /** Record groups: the routing policy of its records. */
  routingPolicy?: RoutingPolicy;
  /** Serving targets on the active paths (distinct targets). */
  capacity: number;
  /** Every way a request travels from it, active ones first. */
  paths: Path[];
}

/**
 * One way a request travels: records (a CNAME or alias chain) → load balancer → listener (default
 * action or one rule) → target group → serving targets; an ALB behind an NLB adds a second load
 * balancer, listener and target group. A path that leaves the scan ends in `outside` instead.
 */
export interface Path {
  /** Unique within the report: `<entryPointId>#<n>`. */
  id: string;
  /** Receives traffic now (a failover primary, a weighted record of non-zero weight, every member of a latency set...). */
  active: boolean;
  /** Why an inactive path is inactive: a failover secondary (traffic after a failover), or a weight-0 record (traffic only when every weighted one is unhealthy). */
  standby?: 'secondary' | 'weight-zero';
  hops: PathHop[];
  /** Where the targets serve from; absent on `outside` paths and paths that end before a target group. */
  targets?: PathTargets;
  /** The Auto Scaling groups that feed the last target group. */
  autoScalingGroups: PathAutoScalingGroup[];
  /** Serving targets of the last target group (a Lambda target group counts 1). */
  capacity: number;
  /** The path leaves the scan: listed, never guessed about. */
  outside?: { kind: OutsideKind; destination: string };
  /** Data needed to follow it was not collected: operations that failed (`elbv2:DescribeTargetHealth`) or fields an older inventory lacks. */
  missing?: string[];
}

/**
 * `address`: a record that answers with addresses; `record-not-found`: an alias or CNAME to a name
 * of a scanned zone that has no such record; `loop`: a chain that loops or runs too deep;
 * `other`: a name outside the scanned zones.
 */
export type OutsideKind = 'cloudfront' | 's3' | 'api-gateway' | 'load-balancer-not-scanned' | 'address' | 'record-not-found' | 'loop' | 'other';

export type PathHop = RecordHop | LoadBalancerHop | ListenerHop | TargetGroupHop;

export interface RecordHop {
  kind: 'record';
  /** `<hostedZoneId>/<name>/<type>[/<setIdentifier>]`. */
  id: string;
  accountId: string;
  name: string;
  type: string;
  routingPolicy: RoutingPolicy;
  setIdentifier?: string;
  weight?: number;
  /** Latency records: their region. */
  region?: string;
  failover?: 'PRIMARY' | 'SECONDARY';
  /** How the record leads on: an alias, or a CNAME value. */
  via: 'alias' | 'cname';
  ttl?: number;
  evaluateTargetHealth?: boolean;
  healthCheck?: {
    id: string;
    /** `HTTP`, `HTTPS`, `TCP`, `CALCULATED`, `CLOUDWATCH_METRIC`, `RECOVERY_CONTROL`...; absent when the check does not exist. */
    type?: string;
    /** `RequestInterval × FailureThreshold`; null when not computable (CloudWatch alarm, routing control, missing check). */
    detectionSeconds: number | null;
    disabled?: boolean;
    inverted?: boolean;
  };
}

export interface LoadBalancerHop {
  kind: 'load-balancer';
  arn: string;
  name: string;
  accountId: string;
  region: string;
  type: LoadBalancerType;
  scheme: string;
  /** Zones of its nodes. */
  zones: ZoneRef[];
}

export interface ListenerHop {
  kind: 'listener';
  arn: string;
  port?: number;
  protocol?: string;
  /** The listener rule's priority; absent for the default action. */
  rulePriority?: string;
}

export interface TargetGroupHop {
  kind: 'target-group';
  arn: string;
  name: string;
  targetType: TargetType;
  /** `ForwardConfig.TargetGroups[].Weight` when the action forwards to several groups. */
  forwardWeight?: number;
  /** Whether its load balancer sends its traffic across zones (the group's attribute decides, else the load balancer's). */
  crossZone: boolean;
  /** `target_group_health.dns_failover.minimum_healthy_targets.count` (default 1), `off`, or null when not collected. */
  dnsFailoverMinimumHealthyTargets: number | 'off' | null;
  /** `HealthCheckIntervalSeconds × UnhealthyThresholdCount`; null when health checks are off. */
  detectionSeconds: number | null;
}

export interface PathTargets {
  /** Lambda functions: regional, counted as capacity 1, lost only with their region. */
  regional: boolean;
  /** Serving and registered targets per zone. */
  zones: (ZoneRef & { serving: number; registered: number })[];
  /** Serving targets whose zone could not be found. */
  unplaced: number;
}

export interface PathAutoScalingGroup {
  arn: string;
  name: string;
  /** Zones of its subnets. */
  zones: ZoneRef[];
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
}

// ---------------------------------------------------------------- outcomes

/** Whether Auto Scaling will restore lost capacity in the surviving zones (reported; it does not change the outcome). */
export type Refill = 'not-needed' | 'restores' | 'partly' | 'cannot' | 'no-group' | 'unknown';

export interface ScenarioOutcome {
  /** What is judged: an entry point id, a data store id (ARN) or an application name. */
  subject: 'entry-point' | 'data-store' | 'application';
  id: string;
  scenarioId: string;
  outcome: Outcome;
  /** Entry points and applications: serving targets before the failure and right after it (before any refill); null where unknown. */
  capacity?: { before: number; after: number | null };
  /** Estimated seconds until it serves again; null for `unaffected`, `down`, `needs-action`, or when not computable (said in the reason). */
  recoverySeconds: number | null;
  /** Entry points: ARNs of the load balancers serving after the failure. */
  servedBy?: string[];
  /** Entry points: whether Auto Scaling restores the lost capacity. */
  refill?: Refill;
  /** Stable id of the reason, for tools and tests: `noTargetLeft`, `failoverToSecondary`... */
  reasonId: string;
  /** One sentence a person understands. */
  reason: string;
  /** What would have prevented a `degraded`, `down` or `needs-action` outcome. */
  fix?: string;
  /** Entry points: the records (`<zoneId>/<name>/<type>[/<set>]`) or ARNs (target groups, load balancers) whose configuration causes that outcome. */
  causedBy?: string[];
}

// ---------------------------------------------------------------- data stores and applications

export type DataStoreKind =
  | 'rds-instance'
  | 'rds-cluster'
  | 'aurora-cluster'
  | 'elasticache-replication-group'
  | 'elasticache-cache-cluster'
  | 'elasticache-serverless-cache'
  | 'dynamodb-table';

export interface DataStore {
  /** The ARN. */
  id: string;
  kind: DataStoreKind;
  /** Identifier or table name, as the configuration's `dependsOn` names it. */
  name: string;
  accountId: string;
  region: string;
  engine?: string;
  /** Zones that hold a node, instance or replica of it (empty for regional services such as DynamoDB). */
  zones: ZoneRef[];
  /** Copies in other regions (a cross-region replica, a global database secondary, a global-table replica). */
  replicaRegions?: string[];
}

export interface Application {
  name: string;
  /** Ids of the entry points it names. */
  entryPoints: string[];
  /** Ids of the data stores it depends on. */
  dataStores: string[];
  /** Names of the configuration that matched nothing in the scan. */
  unmatched: string[];
}
