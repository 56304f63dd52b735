import type { RecordGroup } from '../../src/engine/account-scope.js';
import type { PlaceholderWord } from '../../src/engine/command.js';
import { bareHostedZoneId } from '../../src/model/dns.js';
import type { AliasTarget, DnsRecord, HostedZone } from '../../src/model/inventory.js';

/** The alias hosted zone of every CloudFront distribution: Route 53 cannot evaluate its health. */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/** A `ResourceRecordSet` of `ChangeResourceRecordSets`, with the API's field names. */
export type ResourceRecordSet = Record<string, unknown>;

/** A value of a record to write: from the inventory, or for the user to fill in. */
export type Fillable = string | PlaceholderWord;

/** A record as a fix writes it: a record of the inventory, where the fix may leave some values to the user. */
export interface RecordDraft extends Omit<DnsRecord, 'name' | 'setIdentifier' | 'values' | 'aliasTarget' | 'healthCheckId' | 'region'> {
  /** A name of the zone; a placeholder only for records in a zone the user picks. */
  name: Fillable;
  setIdentifier?: Fillable;
  region?: Fillable;
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

/** A target whose health Route 53 can evaluate for the alias: anything but a CloudFront distribution. */
export function canEvaluateTargetHealth(alias: AliasTarget): boolean {
  return bareHostedZoneId(alias.hostedZoneId) !== CLOUDFRONT_HOSTED_ZONE_ID;
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
