import { createHash } from 'node:crypto';
import type { RecordGroup } from '../../src/engine/account-scope.js';
import { aws, json, placeholder, type PlaceholderWord } from '../../src/engine/command.js';
import type { RemediationStep } from '../../src/model/result.js';
import { bareHostedZoneId } from '../../src/model/dns.js';
import type { AliasTarget, DnsRecord, HostedZone } from '../../src/model/inventory.js';

/** The alias hosted zone of every CloudFront distribution: Route 53 cannot evaluate its health. */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/** The fix of the rules that want a record's endpoint health-checked (`recordHealth`). */
export const HEALTH_CHECK_FIX =
  'Set EvaluateTargetHealth on the alias (load balancer, S3 website, another record), or create a health check for the endpoint and attach it to the record (CloudFront aliases and non-alias records).';

/** A `ResourceRecordSet` of `ChangeResourceRecordSets`, with the API's field names. */
export type ResourceRecordSet = Record<string, unknown>;

/** A value of a record to write: from the inventory, or for the user to fill in. */
export type Fillable = string | PlaceholderWord;

/** A record as a fix writes it: a record of the inventory, where the fix may leave some values to the user. */
export interface RecordDraft extends Omit<DnsRecord, 'setIdentifier' | 'values' | 'aliasTarget' | 'healthCheckId'> {
  setIdentifier?: Fillable;
  values: Fillable[];
  aliasTarget?: { hostedZoneId: Fillable; dnsName: Fillable; evaluateTargetHealth: boolean };
  healthCheckId?: Fillable;
}

/** `www.example.com A (set primary-us)`: how a message names a record. */
export function recordLabel(record: DnsRecord): string {
  const base = `${record.name} ${record.type}`;
  return record.setIdentifier === undefined ? base : `${base} (set ${record.setIdentifier})`;
}

/** `zone example.com` or `private zone corp.internal`: a private and a public zone may share a name. */
export function zoneLabel(zone: HostedZone): string {
  return `${zone.privateZone ? 'private zone' : 'zone'} ${zone.name}`;
}

/** The `{{record}}` and `{{zone}}` of a message about one record. */
export function recordData(zone: HostedZone, record: DnsRecord): { record: string; zone: string } {
  return { record: recordLabel(record), zone: zoneLabel(zone) };
}

/** The `{{group}}` and `{{zone}}` of a message about a record group. */
export function groupData(group: RecordGroup): { group: string; zone: string } {
  return { group: `${group.name} ${group.type}`, zone: zoneLabel(group.zone) };
}

/**
 * The record as `ChangeResourceRecordSets` takes it, field for field from the inventory, in the
 * order of the API reference: an UPSERT of it with one field changed rewrites nothing else.
 */
export function resourceRecordSet(record: RecordDraft): ResourceRecordSet {
  const set: ResourceRecordSet = { Name: record.name, Type: record.type };
  if (record.setIdentifier !== undefined) set.SetIdentifier = record.setIdentifier;
  if (record.weight !== undefined) set.Weight = record.weight;
  if (record.region !== undefined) set.Region = record.region;
  if (record.geoLocation) {
    const { continentCode, countryCode, subdivisionCode } = record.geoLocation;
    set.GeoLocation = defined({ ContinentCode: continentCode, CountryCode: countryCode, SubdivisionCode: subdivisionCode });
  }
  if (record.failover !== undefined) set.Failover = record.failover;
  if (record.multiValueAnswer !== undefined) set.MultiValueAnswer = record.multiValueAnswer;
  if (record.aliasTarget) {
    const { hostedZoneId, dnsName, evaluateTargetHealth } = record.aliasTarget;
    set.AliasTarget = { HostedZoneId: hostedZoneId, DNSName: dnsName, EvaluateTargetHealth: evaluateTargetHealth };
  } else {
    if (record.ttl !== undefined) set.TTL = record.ttl;
    set.ResourceRecords = record.values.map((value) => ({ Value: value }));
  }
  if (record.healthCheckId !== undefined) set.HealthCheckId = record.healthCheckId;
  if (record.cidrRoutingConfig) {
    set.CidrRoutingConfig = { CollectionId: record.cidrRoutingConfig.collectionId, LocationName: record.cidrRoutingConfig.locationName };
  }
  if (record.geoProximityLocation) {
    const { awsRegion, localZoneGroup, coordinates, bias } = record.geoProximityLocation;
    set.GeoProximityLocation = defined({
      AWSRegion: awsRegion,
      LocalZoneGroup: localZoneGroup,
      Coordinates: coordinates && { Latitude: coordinates.latitude, Longitude: coordinates.longitude },
      Bias: bias,
    });
  }
  return set;
}

/** `aws route53 change-resource-record-sets` that creates or replaces one record set. */
export function upsertCommand(zone: HostedZone, set: ResourceRecordSet): RemediationStep {
  const changeBatch = { Changes: [{ Action: 'UPSERT', ResourceRecordSet: set }] };
  return aws('route53', 'change-resource-record-sets', '--hosted-zone-id', zone.id, '--change-batch', json(changeBatch));
}

/** The alias record rewritten with `EvaluateTargetHealth: true`. */
export function evaluateTargetHealthCommand(zone: HostedZone, record: DnsRecord, alias: AliasTarget): RemediationStep {
  return upsertCommand(zone, resourceRecordSet({ ...record, aliasTarget: { ...alias, evaluateTargetHealth: true } }));
}

/** A target whose health Route 53 can evaluate for the alias: anything but a CloudFront distribution. */
export function canEvaluateTargetHealth(alias: AliasTarget): boolean {
  return bareHostedZoneId(alias.hostedZoneId) !== CLOUDFRONT_HOSTED_ZONE_ID;
}

/**
 * `aws route53 create-health-check` for the endpoint a record answers with. Route 53's checkers
 * sit on the internet: an endpoint in a private zone is watched through a CloudWatch alarm.
 */
export function createHealthCheckCommand(zone: HostedZone, record: RecordDraft): RemediationStep {
  const config = zone.privateZone
    ? {
        Type: 'CLOUDWATCH_METRIC',
        AlarmIdentifier: { Region: placeholder('region', 'alarm-region'), Name: placeholder('cloudwatch-alarm-name', 'alarm-name') },
        InsufficientDataHealthStatus: 'LastKnownStatus',
      }
    : { Type: 'HTTPS', ...healthCheckEndpoint(record), Port: 443, ResourcePath: placeholder('url-path', 'health-check-path'), RequestInterval: 30, FailureThreshold: 3 };
  const document = json(config);
  return aws('route53', 'create-health-check', '--caller-reference', callerReference(zone, record, document.text), '--health-check-config', document);
}

/**
 * The same reference for the same check of the same record: pasted twice, the command returns the
 * check it created the first time instead of creating a second one.
 */
function callerReference(zone: HostedZone, record: RecordDraft, config: string): string {
  const name = typeof record.setIdentifier === 'string' ? `${record.name}/${record.type}/${record.setIdentifier}` : `${record.name}/${record.type}`;
  return `ha-audit-${createHash('sha256').update([zone.id, name, config].join('\n')).digest('hex').slice(0, 32)}`;
}

/** The record's one IP address, the host its CNAME or alias names, or a placeholder. */
function healthCheckEndpoint(record: RecordDraft): Record<string, Fillable> {
  const stripDot = (value: Fillable) => (typeof value === 'string' ? value.replace(/\.$/, '') : value);
  if (record.aliasTarget) return { FullyQualifiedDomainName: stripDot(record.aliasTarget.dnsName) };
  const only = record.values.length === 1 ? record.values[0]! : undefined;
  if (only !== undefined && (record.type === 'A' || record.type === 'AAAA')) return { IPAddress: only };
  if (only !== undefined && record.type === 'CNAME') return { FullyQualifiedDomainName: stripDot(only) };
  return { FullyQualifiedDomainName: placeholder('dns-name', 'endpoint-host-name') };
}

/** The id the user gets back from `create-health-check`. */
export const NEW_HEALTH_CHECK_ID = placeholder('route53-health-check-id', 'health-check-id');

/**
 * What makes Route 53 notice that a record's endpoint is down: evaluating the alias target's
 * health where it can, else a new health check attached to the record.
 */
export function healthCheckCommands(zone: HostedZone, record: DnsRecord): RemediationStep[] {
  if (record.aliasTarget && canEvaluateTargetHealth(record.aliasTarget)) return [evaluateTargetHealthCommand(zone, record, record.aliasTarget)];
  return newHealthCheckCommands(zone, record);
}

/** A new health check for the record's endpoint, then the record upserted with it. */
export function newHealthCheckCommands(zone: HostedZone, record: RecordDraft): RemediationStep[] {
  return [createHealthCheckCommand(zone, record), upsertCommand(zone, resourceRecordSet({ ...record, healthCheckId: NEW_HEALTH_CHECK_ID }))];
}

/** Where a fix points a record, left to the user: an alias target, or a value. */
export interface EndpointPlaceholders {
  aliasHostedZoneId: PlaceholderWord;
  dnsName: PlaceholderWord;
  value: PlaceholderWord;
}

/** `<standby-alias-hosted-zone-id>`, `<standby-dns-name>`, and `<standby-address>` (`<standby-host-name>` for a CNAME). */
export function endpointPlaceholders(endpoint: string, type: string): EndpointPlaceholders {
  return {
    aliasHostedZoneId: placeholder('hosted-zone-id', `${endpoint}-alias-hosted-zone-id`),
    dnsName: placeholder('dns-name', `${endpoint}-dns-name`),
    value: type === 'CNAME' ? placeholder('dns-name', `${endpoint}-host-name`) : placeholder('ip-address', `${endpoint}-address`),
  };
}

/** The record pointed to an endpoint the user picks, its other fields kept: an alias stays an alias (evaluating target health), values stay values. */
export function withEndpoint(record: RecordDraft, endpoint: EndpointPlaceholders): RecordDraft {
  if (!record.aliasTarget) return { ...record, values: [endpoint.value] };
  return { ...record, aliasTarget: { hostedZoneId: endpoint.aliasHostedZoneId, dnsName: endpoint.dnsName, evaluateTargetHealth: true } };
}

/**
 * A record to add beside `sample`: its name and type, an alias if it is one (else its TTL, or
 * 60 s), the routing `fields` given, and the placeholders of `endpoint` for where it points.
 */
export function placeholderRecord(sample: DnsRecord, fields: Partial<RecordDraft>, endpoint: string): RecordDraft {
  const shape: Partial<RecordDraft> = sample.aliasTarget ? { aliasTarget: sample.aliasTarget } : { ttl: sample.ttl ?? 60 };
  return withEndpoint({ name: sample.name, type: sample.type, values: [], ...shape, ...fields }, endpointPlaceholders(endpoint, sample.type));
}

/** `aliasTarget.dnsName`, `healthCheckId`...: what a record carries that the DNS rules look at. */
export function recordEvidence(record: DnsRecord): Record<string, unknown> {
  return defined({
    setIdentifier: record.setIdentifier,
    failover: record.failover,
    healthCheckId: record.healthCheckId,
    aliasTarget: record.aliasTarget?.dnsName,
    evaluateTargetHealth: record.aliasTarget?.evaluateTargetHealth,
  });
}

/** The object without its undefined fields, so that the JSON shows only what the record has. */
function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
