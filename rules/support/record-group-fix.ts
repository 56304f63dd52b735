import type { AccountScope, RecordGroup } from '../../src/engine/account-scope.js';
import { aws, json, placeholder, type PlaceholderWord } from '../../src/engine/command.js';
import type { ResolvedLoadBalancer } from '../../src/model/dns-resolver.js';
import { isLoadBalancerDnsName, routingPolicy, type RoutingPolicy } from '../../src/model/dns.js';
import type { DnsRecord, HostedZone } from '../../src/model/inventory.js';
import type { RemediationStep } from '../../src/model/result.js';
import { createHealthCheckStep, newHealthCheck, newHealthCheckId, type HealthCheckConfig } from './route53-health-check.js';
import { canEvaluateTargetHealth, resourceRecordSet, type RecordDraft } from './route53.js';
import { failoverRegions } from './failover-regions.js';

/** Policies that pick among several records and skip the unhealthy ones, when they know which are. */
export const HEALTH_AWARE_POLICIES: ReadonlySet<RoutingPolicy> = new Set(['latency', 'weighted', 'geolocation', 'geoproximity', 'multivalue']);

/**
 * The fix reads the account's health checks: without them every check would look deleted and be
 * replaced. A rule giving this fix lists the operation in its `uses` (error, never a harmful fix).
 */
export const FIX_READS_HEALTH_CHECKS = 'route53:ListHealthChecks';

/** `r53-failover-ttl`'s default: the longest TTL of a health-checked record that changes its answer on failure. */
export const DEFAULT_MAX_TTL_SECONDS = 60;

export interface RecordGroupFixOptions {
  /** `r53-failover-ttl`'s parameter: the longest TTL a health-checked record of a routing policy keeps. */
  maxTtlSeconds?: number;
  /** The rules that find a record missing: a failover group lacking a half gets it, a geolocation group its default. */
  addMissing?: boolean;
  /**
   * `app-region-failure`: a health-checked standby in another region. A failover group gets its
   * missing half, or its secondary pointed to another region; a lone simple record becomes the
   * primary of a failover pair; a weighted, latency or multivalue group gets a member in another
   * region (a geolocation group cannot: a location answers with one record).
   */
  standby?: boolean;
}

const STANDBY_HINT = 'Point the standby record at the load balancer of the standby stack in another region (its DNS name and canonical hosted zone id: aws elbv2 describe-load-balancers --region ...).';

const LOCATION_STANDBY_HINT =
  'Each location answers with one record: point it at a failover pair instead (an alias to a record of another name whose health-checked PRIMARY is the current endpoint and whose SECONDARY is a load balancer in another region).';

export interface RecordGroupFix {
  steps: RemediationStep[];
  warning?: string;
  hints: string[];
}

/**
 * The one fix of a record group (a zone's records of one name and type): every change the DNS
 * rules ask of it, in one change batch, after the health checks it needs are created. Every DNS
 * rule that fails on the group or one of its records gives this same fix (the rules that find a
 * record missing add it), so that two fixes never write one record differently, applying one never
 * creates another finding, and pasting one twice changes nothing more.
 *
 * - A record that must be health-checked (failover primary, latency, weighted, geolocation,
 *   geoproximity, multivalue) and is not, or whose health check was deleted: an alias evaluates
 *   its target's health; a CNAME group whose every value names a load balancer of the scan
 *   becomes an alias group (DELETE and CREATE in one batch: Route 53 applies it whole); any other
 *   record gets a new health check (`newHealthCheck`). A deleted health check is never named again.
 * - An alias to a load balancer outside simple routing evaluates its target's health.
 * - A health-checked record of a routing policy gets a TTL of at most `maxTtlSeconds`.
 * - A secondary in the primary's region is pointed to a load balancer the user names in another
 *   region.
 * - With `addMissing` (the rules that find a record missing): a failover group lacking a half gets
 *   it, a geolocation group lacking the default location gets one answering like its first record.
 *   Other fixes leave these out: a record they do not write cannot disagree with them.
 */
export function recordGroupFix(scope: AccountScope, group: RecordGroup, options: RecordGroupFixOptions = {}): RecordGroupFix {
  const maxTtlSeconds = options.maxTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS;
  // A lone simple record becomes the primary of a failover pair: a new set identifier, so the record is replaced.
  const pairing = options.standby === true && isLoneSimpleRecord(group);
  const records = pairing ? group.records.map((record) => ({ ...record, setIdentifier: 'primary', failover: 'PRIMARY' as const })) : group.records;
  const checks: { record: DnsRecord; config: HealthCheckConfig; id: PlaceholderWord }[] = [];
  const warnings = new Set<string>();
  const hints: string[] = [];
  // One check per endpoint: two records answering with the same one share it. A CloudWatch
  // check names no endpoint (its alarm does): never shared.
  const healthCheckFor = (record: DnsRecord, endpoint?: PlaceholderWord) => {
    const check = newHealthCheck(scope, group.zone, record, endpoint);
    if (check.warning) warnings.add(check.warning);
    const same = check.config.Type === 'CLOUDWATCH_METRIC' ? undefined : checks.find((c) => json(c.config).text === json(check.config).text);
    if (same) return same.id;
    const id = newHealthCheckId(checks.length + 1);
    checks.push({ record, config: check.config, id });
    return id;
  };

  const conversion = aliasConversion(scope, { ...group, records });
  let desired: RecordDraft[] = conversion
    ? records.map((record, i) => asAlias(scope, record, conversion[i]!))
    : records.map((record) => repaired(scope, group.zone, record, maxTtlSeconds, healthCheckFor));

  // A secondary on the primary's load balancer, or in its region, fails with it (so does any
  // secondary, when the standby the resilience model asks for is not there).
  const regions = failoverRegions(scope, group);
  const hasPrimary = records.some((record) => record.failover === 'PRIMARY');
  if ((regions && regions.verdict !== 'distinctRegions') || (options.standby && hasPrimary && desired.some((record) => record.failover === 'SECONDARY'))) {
    desired = desired.map((record) => (record.failover === 'SECONDARY' ? inAnotherRegion(record) : record));
    hints.push(STANDBY_HINT);
  }

  const failover = records.some((record) => record.failover !== undefined);
  const added = [
    ...(options.addMissing || (options.standby && failover) ? missingFailoverHalf(group, desired, maxTtlSeconds, healthCheckFor) : []),
    ...(options.addMissing ? missingGeoDefault(desired) : []),
    ...(options.standby && !failover ? standbyMember(group, desired, maxTtlSeconds, healthCheckFor) : []),
  ];
  if (added.some((record) => record.geoLocation?.countryCode === '*')) {
    hints.push(`The default location answers like ${label(desired[0]!)}; point it elsewhere if another endpoint should serve the rest of the world.`);
  }
  if (options.standby && added.length > 0 && !hints.includes(STANDBY_HINT)) hints.push(STANDBY_HINT);
  if (options.standby && !failover && added.length === 0 && !pairing) hints.push(LOCATION_STANDBY_HINT);

  const changes = conversion || pairing
    ? [...group.records.map((record) => change('DELETE', record)), ...[...desired, ...added].map((record) => change('CREATE', record))]
    : [
        ...desired.flatMap((record, i) => (sameRecordSet(record, group.records[i]!) ? [] : [change('UPSERT', record)])),
        ...added.map((record) => change('UPSERT', record)),
      ];
  if (changes.length === 0) return { steps: [], hints };
  const batch = aws('route53', 'change-resource-record-sets', '--hosted-zone-id', group.zone.id, '--change-batch', json({ Changes: changes }));
  // Several checks the user completes: each its own placeholders (`<alarm-name-1>`, `<alarm-name-2>`).
  const numbered = checks.filter((c) => hasPlaceholder(c.config)).length > 1;
  // A placeholder the records name too (the endpoint of a record the fix adds) is one value: never numbered.
  const shared = new Set(json(changes).placeholders.map((p) => p.text));
  const healthChecks = checks.map((c, i) => createHealthCheckStep(group.zone, c.record, numbered ? numberPlaceholders(c.config, i + 1, shared) : c.config));
  const fix: RecordGroupFix = { steps: [...healthChecks, batch], hints };
  if (warnings.size > 0) fix.warning = [...warnings].join(' ');
  return fix;
}

/** The group of a record: its zone's records of the same name and type. */
export function groupOf(scope: AccountScope, zone: HostedZone, record: DnsRecord): RecordGroup {
  return scope.recordGroups().find((g) => g.zone === zone && g.name === record.name && g.type === record.type)!;
}

/** A record Route 53 must be able to take out of its answers when its endpoint is down. */
export function needsHealth(record: DnsRecord): boolean {
  return record.failover === 'PRIMARY' || HEALTH_AWARE_POLICIES.has(routingPolicy(record));
}

/** An alias `r53-alias-evaluate-target-health` judges: to a load balancer (of the scan, or by its DNS name), outside simple routing. */
export function isLoadBalancerAlias(scope: AccountScope, zone: HostedZone, record: DnsRecord): boolean {
  if (!record.aliasTarget || routingPolicy(record) === 'simple') return false;
  return scope.resolvedLoadBalancers(zone, record).length > 0 || isLoadBalancerDnsName(record.aliasTarget.dnsName);
}

/** The health check the record names, when it no longer exists. */
export function isHealthCheckDeleted(scope: AccountScope, record: DnsRecord): boolean {
  return record.healthCheckId !== undefined && scope.healthCheck(record.healthCheckId) === undefined;
}

/** The record needs a health check it does not have: neither its own (existing) nor its alias target's. */
function lacksHealth(scope: AccountScope, record: DnsRecord): boolean {
  if (isHealthCheckDeleted(scope, record)) return true;
  return needsHealth(record) && record.healthCheckId === undefined && !record.aliasTarget?.evaluateTargetHealth;
}

/**
 * The load balancer each record of a CNAME group names, when the group needs health and every
 * record names one of the scan: the group can become aliases that evaluate target health.
 */
function aliasConversion(scope: AccountScope, group: RecordGroup): ResolvedLoadBalancer[] | undefined {
  if (group.type !== 'CNAME' || !group.records.some((record) => lacksHealth(scope, record))) return undefined;
  const targets = group.records.map((record) => (record.values.length === 1 ? scope.loadBalancerByDnsName(record.values[0]!) : undefined));
  return targets.every((target) => target !== undefined) ? (targets as ResolvedLoadBalancer[]) : undefined;
}

/** The CNAME as an alias (`A`) to its load balancer, evaluating its health; its routing fields and existing health check kept. */
function asAlias(scope: AccountScope, record: DnsRecord, target: ResolvedLoadBalancer): RecordDraft {
  const { ttl: _ttl, values: _values, healthCheckId, ...routing } = record;
  const alias: RecordDraft = {
    ...routing,
    type: 'A',
    values: [],
    aliasTarget: {
      hostedZoneId: target.loadBalancer.canonicalHostedZoneId ?? placeholder('hosted-zone-id', 'load-balancer-canonical-hosted-zone-id'),
      dnsName: target.loadBalancer.dnsName,
      evaluateTargetHealth: true,
    },
  };
  if (healthCheckId !== undefined && !isHealthCheckDeleted(scope, record)) alias.healthCheckId = healthCheckId;
  return alias;
}

/** The record with what the DNS rules ask of it, its other fields as they are. */
function repaired(scope: AccountScope, zone: HostedZone, record: DnsRecord, maxTtlSeconds: number, healthCheckFor: HealthCheckFor): RecordDraft {
  const draft: RecordDraft = { ...record };
  const alias = record.aliasTarget;
  const deleted = isHealthCheckDeleted(scope, record);
  if (alias && canEvaluateTargetHealth(alias)) {
    if (!alias.evaluateTargetHealth && (lacksHealth(scope, record) || isLoadBalancerAlias(scope, zone, record))) draft.aliasTarget = { ...alias, evaluateTargetHealth: true };
    // The target's health replaces a deleted check.
    if (deleted) delete draft.healthCheckId;
  } else if (lacksHealth(scope, record)) {
    draft.healthCheckId = healthCheckFor(record);
  }
  if (!alias && draft.healthCheckId !== undefined && routingPolicy(record) !== 'simple' && record.ttl !== undefined && record.ttl > maxTtlSeconds) draft.ttl = maxTtlSeconds;
  return draft;
}

/** The secondary pointed to a load balancer the user names in another region; no check of the old endpoint kept. */
function inAnotherRegion(record: RecordDraft): RecordDraft {
  const { healthCheckId: _old, ...rest } = record;
  const dnsName = placeholder('dns-name', 'load-balancer-dns-name-in-another-region');
  if (!record.aliasTarget) return { ...rest, values: [dnsName] };
  return { ...rest, aliasTarget: { hostedZoneId: placeholder('hosted-zone-id', 'load-balancer-canonical-hosted-zone-id'), dnsName, evaluateTargetHealth: true } };
}

/** The missing half of a failover group, shaped like the other (alias, or values), its endpoint for the user to name. */
function missingFailoverHalf(group: RecordGroup, desired: RecordDraft[], maxTtlSeconds: number, healthCheckFor: HealthCheckFor): RecordDraft[] {
  const roles = new Set(desired.map((r) => r.failover).filter((role) => role !== undefined));
  if (roles.size !== 1) return [];
  const role = roles.has('PRIMARY') ? 'SECONDARY' : 'PRIMARY';
  const sample = desired.find((r) => r.failover !== undefined)!;
  const endpoint = role === 'PRIMARY' ? 'primary' : 'standby';
  const record: RecordDraft = { name: group.name, type: sample.type, setIdentifier: unusedSetIdentifier(desired, endpoint), failover: role, values: [] };
  if (sample.aliasTarget) {
    record.aliasTarget = { hostedZoneId: placeholder('hosted-zone-id', `${endpoint}-alias-hosted-zone-id`), dnsName: placeholder('dns-name', `${endpoint}-dns-name`), evaluateTargetHealth: true };
    return [record];
  }
  record.ttl = Math.min(sample.ttl ?? maxTtlSeconds, maxTtlSeconds);
  const value = sample.type === 'CNAME' ? placeholder('dns-name', `${endpoint}-host-name`) : placeholder('ip-address', `${endpoint}-address`);
  record.values = [value];
  // A primary whose health Route 53 cannot see would never hand over to the secondary.
  if (role === 'PRIMARY') record.healthCheckId = healthCheckFor({ name: group.name, type: sample.type, failover: role, values: [] }, value);
  return [record];
}

/** The id of the health check of a record (a new one when it needs one); `endpoint`: the placeholder a record the fix adds answers with. */
type HealthCheckFor = (record: DnsRecord, endpoint?: PlaceholderWord) => RecordDraft['healthCheckId'];

/** One record, no routing policy: it can become the primary of a failover pair. */
function isLoneSimpleRecord(group: RecordGroup): boolean {
  return group.records.length === 1 && group.records[0]!.setIdentifier === undefined;
}

/**
 * A member in another region for a weighted, latency or multivalue group, health-checked like
 * its routing needs: an alias evaluating its load balancer's health (A, AAAA), else a host or
 * address the user names with a health check of it. A location (geolocation, geoproximity, IP
 * range) answers with one record: no member can be added there.
 */
function standbyMember(group: RecordGroup, desired: RecordDraft[], maxTtlSeconds: number, healthCheckFor: HealthCheckFor): RecordDraft[] {
  const first = desired[0];
  if (!first || first.geoLocation || first.geoProximityLocation || first.cidrRoutingConfig) return [];
  const member: RecordDraft = { name: group.name, type: first.type, setIdentifier: placeholder('route53-set-identifier', 'set-identifier-in-another-region'), values: [] };
  if (first.weight !== undefined) member.weight = first.weight;
  if (first.region !== undefined) member.region = placeholder('region', 'another-region');
  if (first.multiValueAnswer !== undefined) member.multiValueAnswer = first.multiValueAnswer;
  // A multivalue answer cannot be an alias.
  if ((first.type === 'A' || first.type === 'AAAA') && !first.multiValueAnswer) {
    member.aliasTarget = { hostedZoneId: placeholder('hosted-zone-id', 'load-balancer-canonical-hosted-zone-id'), dnsName: placeholder('dns-name', 'load-balancer-dns-name-in-another-region'), evaluateTargetHealth: true };
    return [member];
  }
  member.ttl = Math.min(first.ttl ?? maxTtlSeconds, maxTtlSeconds);
  const value = first.type === 'CNAME' ? placeholder('dns-name', 'load-balancer-dns-name-in-another-region') : placeholder('ip-address', 'address-in-another-region');
  member.values = [value];
  member.healthCheckId = healthCheckFor({ name: group.name, type: first.type, values: [] }, value);
  return [member];
}

/** A default location for a geolocation group without one: a copy of its first record, which is health-checked by now. */
function missingGeoDefault(desired: RecordDraft[]): RecordDraft[] {
  if (!desired.some((r) => r.geoLocation) || desired.some((r) => r.geoLocation?.countryCode === '*')) return [];
  return [{ ...desired[0]!, setIdentifier: unusedSetIdentifier(desired, 'default'), geoLocation: { countryCode: '*' } }];
}

/** `default`, or `default-2`...: set identifiers are unique within a group. */
function unusedSetIdentifier(records: RecordDraft[], base: string): string {
  const used = new Set(records.map((r) => r.setIdentifier));
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!used.has(candidate)) return candidate;
  }
}

function hasPlaceholder(config: HealthCheckConfig): boolean {
  return json(config).placeholders.length > 0;
}

/** The configuration with `-n` after every placeholder label: `<endpoint-port-2>`. */
function numberPlaceholders(config: HealthCheckConfig, n: number, shared: ReadonlySet<string>): HealthCheckConfig {
  const number = (value: unknown): unknown => {
    if (isPlaceholderWord(value)) return shared.has(value.text) ? value : placeholder(value.placeholder, `${value.text.slice(1, -1)}-${n}`);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, number(v)]));
    return value;
  };
  return number(config) as HealthCheckConfig;
}

function isPlaceholderWord(value: unknown): value is PlaceholderWord {
  return typeof value === 'object' && value !== null && 'placeholder' in value;
}

function change(action: 'CREATE' | 'DELETE' | 'UPSERT', record: RecordDraft) {
  return { Action: action, ResourceRecordSet: resourceRecordSet(record) };
}

function sameRecordSet(a: RecordDraft, b: DnsRecord): boolean {
  return json(resourceRecordSet(a)).text === json(resourceRecordSet(b)).text;
}

function label(record: RecordDraft): string {
  return typeof record.setIdentifier === 'string' ? `set ${record.setIdentifier}` : typeof record.name === 'string' ? record.name : record.name.text;
}
