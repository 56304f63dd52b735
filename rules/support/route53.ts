import type { RecordGroup } from '../../src/engine/account-scope.js';
import { awsCommand } from '../../src/engine/shell.js';
import { bareHostedZoneId } from '../../src/model/dns.js';
import type { AliasTarget, DnsRecord, HostedZone } from '../../src/model/inventory.js';

/** The alias hosted zone of every CloudFront distribution: Route 53 cannot evaluate its health. */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/** A `ResourceRecordSet` of `ChangeResourceRecordSets`, with the API's field names. */
export type ResourceRecordSet = Record<string, unknown>;

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
export function resourceRecordSet(record: DnsRecord): ResourceRecordSet {
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
export function upsertCommand(zone: HostedZone, set: ResourceRecordSet): string {
  const changeBatch = { Changes: [{ Action: 'UPSERT', ResourceRecordSet: set }] };
  return awsCommand('route53', 'change-resource-record-sets', '--hosted-zone-id', zone.id, '--change-batch', JSON.stringify(changeBatch));
}

/** The alias record rewritten with `EvaluateTargetHealth: true`. */
export function evaluateTargetHealthCommand(zone: HostedZone, record: DnsRecord, alias: AliasTarget): string {
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
export function createHealthCheckCommand(zone: HostedZone, record: DnsRecord): string {
  const config = zone.privateZone
    ? { Type: 'CLOUDWATCH_METRIC', AlarmIdentifier: { Region: '<alarm-region>', Name: '<alarm-name>' }, InsufficientDataHealthStatus: 'LastKnownStatus' }
    : { Type: 'HTTPS', ...healthCheckEndpoint(record), Port: 443, ResourcePath: '<health-check-path>', RequestInterval: 30, FailureThreshold: 3 };
  return awsCommand('route53', 'create-health-check', '--caller-reference', '<unique-reference>', '--health-check-config', JSON.stringify(config));
}

/** The record's one IP address, the host its CNAME or alias names, or a placeholder. */
function healthCheckEndpoint(record: DnsRecord): Record<string, string> {
  if (record.aliasTarget) return { FullyQualifiedDomainName: record.aliasTarget.dnsName.replace(/\.$/, '') };
  const only = record.values.length === 1 ? record.values[0]! : undefined;
  if (only !== undefined && (record.type === 'A' || record.type === 'AAAA')) return { IPAddress: only };
  if (only !== undefined && record.type === 'CNAME') return { FullyQualifiedDomainName: only.replace(/\.$/, '') };
  return { FullyQualifiedDomainName: '<endpoint-host-name>' };
}

/**
 * What makes Route 53 notice that a record's endpoint is down: evaluating the alias target's
 * health where it can, else a new health check attached to the record.
 */
export function healthCheckCommands(zone: HostedZone, record: DnsRecord): string[] {
  if (record.aliasTarget && canEvaluateTargetHealth(record.aliasTarget)) return [evaluateTargetHealthCommand(zone, record, record.aliasTarget)];
  return [createHealthCheckCommand(zone, record), upsertCommand(zone, { ...resourceRecordSet(record), HealthCheckId: '<health-check-id>' })];
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
