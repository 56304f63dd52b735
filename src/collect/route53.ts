import {
  ListHealthChecksCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  type HealthCheck as SdkHealthCheck,
  type HostedZone as SdkHostedZone,
  type ListResourceRecordSetsRequest,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { decodeDnsName } from '../model/dns.js';
import type { DnsRecord, HostedZone, Route53HealthCheck, Route53Inventory } from '../model/inventory.js';
import { collectPages } from './paginate.js';
import type { RegionCalls } from './region-calls.js';

/** The API's maximum page sizes: 100 hosted zones, 300 record sets, 1000 health checks. */
const ZONES_PAGE = 100;
const RECORDS_PAGE = 300;
const HEALTH_CHECKS_PAGE = 1000;

/**
 * Every hosted zone (public and private) with all its record sets, and every health check with
 * its configuration. Zones are read concurrently, bounded by `RegionCalls`. A failed listing
 * leaves its part empty and a gap behind; a zone whose records could not be read is kept, empty.
 */
export async function collectRoute53(client: Route53Client, calls: RegionCalls): Promise<Route53Inventory> {
  const [sdkZones, sdkHealthChecks] = await Promise.all([
    calls.wants('route53:ListHostedZones')
      ? calls.guard(() =>
          collectPages(
            (Marker) => calls.call('route53:ListHostedZones', () => client.send(new ListHostedZonesCommand({ Marker, MaxItems: ZONES_PAGE }))),
            (page) => ({ items: page.HostedZones, next: page.IsTruncated ? page.NextMarker : undefined }),
          ),
        )
      : undefined,
    calls.wants('route53:ListHealthChecks')
      ? calls.guard(() =>
          collectPages(
            (Marker) => calls.call('route53:ListHealthChecks', () => client.send(new ListHealthChecksCommand({ Marker, MaxItems: HEALTH_CHECKS_PAGE }))),
            (page) => ({ items: page.HealthChecks, next: page.IsTruncated ? page.NextMarker : undefined }),
          ),
        )
      : undefined,
  ]);

  const hostedZones = await Promise.all(
    (sdkZones ?? []).map(async (sdkZone) => {
      const zone = toHostedZone(sdkZone);
      // All or nothing: a zone with part of its records would look complete to the rules.
      const recordSets = calls.wants('route53:ListResourceRecordSets') ? await calls.guard(() => collectRecordSets(client, calls, zone.id)) : undefined;
      zone.records = (recordSets ?? []).map(toDnsRecord);
      return zone;
    }),
  );
  return { hostedZones, healthChecks: (sdkHealthChecks ?? []).flatMap(toHealthCheck) };
}

type RecordStart = Pick<ListResourceRecordSetsRequest, 'StartRecordName' | 'StartRecordType' | 'StartRecordIdentifier'>;

/**
 * `ListResourceRecordSets` has no page token and no SDK paginator: a page ends with the name,
 * type and set identifier of the next record, passed back as `StartRecord*`. A position the API
 * repeats stops the walk: an API (or an emulator) that does so must not loop forever.
 */
async function collectRecordSets(client: Route53Client, calls: RegionCalls, hostedZoneId: string): Promise<ResourceRecordSet[]> {
  const recordSets: ResourceRecordSet[] = [];
  const seen = new Set<string>();
  let start: RecordStart = {};
  for (;;) {
    const input = { HostedZoneId: hostedZoneId, MaxItems: RECORDS_PAGE, ...start };
    const page = await calls.call('route53:ListResourceRecordSets', () => client.send(new ListResourceRecordSetsCommand(input)), { perResource: true });
    recordSets.push(...(page.ResourceRecordSets ?? []));
    if (!page.IsTruncated || page.NextRecordName === undefined) return recordSets;
    const position = JSON.stringify([page.NextRecordName, page.NextRecordType, page.NextRecordIdentifier]);
    if (seen.has(position)) return recordSets;
    seen.add(position);
    // Only the fields the API gave: a type or identifier left over from an earlier page would skip records.
    start = { StartRecordName: page.NextRecordName };
    if (page.NextRecordType !== undefined) start.StartRecordType = page.NextRecordType;
    if (page.NextRecordIdentifier !== undefined) start.StartRecordIdentifier = page.NextRecordIdentifier;
  }
}

function toHostedZone(sdk: SdkHostedZone): HostedZone {
  return {
    id: (sdk.Id ?? '').replace(/^\/hostedzone\//, ''),
    name: decodeDnsName(sdk.Name ?? ''),
    privateZone: sdk.Config?.PrivateZone ?? false,
    records: [],
  };
}

/** Optional fields are set only when the API returned them: the saved inventory has no `undefined`. */
function toDnsRecord(sdk: ResourceRecordSet): DnsRecord {
  const record: DnsRecord = {
    name: decodeDnsName(sdk.Name ?? ''),
    type: sdk.Type ?? '',
    values: (sdk.ResourceRecords ?? []).flatMap((r) => (r.Value === undefined ? [] : [r.Value])),
  };
  if (sdk.SetIdentifier !== undefined) record.setIdentifier = sdk.SetIdentifier;
  if (sdk.TTL !== undefined) record.ttl = sdk.TTL;
  if (sdk.AliasTarget) {
    record.aliasTarget = {
      hostedZoneId: sdk.AliasTarget.HostedZoneId ?? '',
      dnsName: sdk.AliasTarget.DNSName ?? '',
      evaluateTargetHealth: sdk.AliasTarget.EvaluateTargetHealth ?? false,
    };
  }
  if (sdk.HealthCheckId !== undefined) record.healthCheckId = sdk.HealthCheckId;
  if (sdk.Weight !== undefined) record.weight = sdk.Weight;
  if (sdk.Region !== undefined) record.region = sdk.Region;
  if (sdk.Failover !== undefined) record.failover = sdk.Failover;
  if (sdk.GeoLocation) {
    const geo: NonNullable<DnsRecord['geoLocation']> = {};
    if (sdk.GeoLocation.ContinentCode !== undefined) geo.continentCode = sdk.GeoLocation.ContinentCode;
    if (sdk.GeoLocation.CountryCode !== undefined) geo.countryCode = sdk.GeoLocation.CountryCode;
    if (sdk.GeoLocation.SubdivisionCode !== undefined) geo.subdivisionCode = sdk.GeoLocation.SubdivisionCode;
    record.geoLocation = geo;
  }
  if (sdk.GeoProximityLocation) {
    const { AWSRegion, LocalZoneGroup, Bias, Coordinates } = sdk.GeoProximityLocation;
    const proximity: NonNullable<DnsRecord['geoProximityLocation']> = {};
    if (AWSRegion !== undefined) proximity.awsRegion = AWSRegion;
    if (LocalZoneGroup !== undefined) proximity.localZoneGroup = LocalZoneGroup;
    if (Bias !== undefined) proximity.bias = Bias;
    if (Coordinates?.Latitude !== undefined && Coordinates.Longitude !== undefined) proximity.coordinates = { latitude: Coordinates.Latitude, longitude: Coordinates.Longitude };
    record.geoProximityLocation = proximity;
  }
  if (sdk.MultiValueAnswer !== undefined) record.multiValueAnswer = sdk.MultiValueAnswer;
  if (sdk.CidrRoutingConfig) record.cidrRoutingConfig = { collectionId: sdk.CidrRoutingConfig.CollectionId ?? '', locationName: sdk.CidrRoutingConfig.LocationName ?? '' };
  return record;
}

function toHealthCheck(sdk: SdkHealthCheck): Route53HealthCheck[] {
  if (!sdk.Id) return [];
  const config = sdk.HealthCheckConfig ?? { Type: undefined };
  const check: Route53HealthCheck = { id: sdk.Id, type: config.Type ?? '', disabled: config.Disabled ?? false, inverted: config.Inverted ?? false };
  if (config.FullyQualifiedDomainName !== undefined) check.fqdn = config.FullyQualifiedDomainName;
  if (config.IPAddress !== undefined) check.ipAddress = config.IPAddress;
  if (config.Port !== undefined) check.port = config.Port;
  if (config.ResourcePath !== undefined) check.resourcePath = config.ResourcePath;
  if (config.RequestInterval !== undefined) check.requestInterval = config.RequestInterval;
  if (config.FailureThreshold !== undefined) check.failureThreshold = config.FailureThreshold;
  if (config.ChildHealthChecks !== undefined) check.childHealthChecks = config.ChildHealthChecks;
  if (config.HealthThreshold !== undefined) check.healthThreshold = config.HealthThreshold;
  return [check];
}
