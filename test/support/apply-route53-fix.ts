import { decodeDnsName, routingPolicy } from '../../src/model/dns.js';
import type { AccountInventory, DnsRecord, Inventory, Route53HealthCheck } from '../../src/model/inventory.js';
import type { RemediationStep } from '../../src/model/result.js';
import { PLACEHOLDER_VALUES } from './placeholder-values.js';

/** A Route 53 write of a fix: what Route 53 itself would refuse is an error here too. */
export class Route53Refusal extends Error {}

const ROUTE53_WRITES = new Set(['change-resource-record-sets', 'create-health-check', 'update-health-check']);

/** A step that writes a Route 53 record or health check. */
export function writesRoute53(step: RemediationStep): boolean {
  return step.argv[1] === 'route53' && ROUTE53_WRITES.has(step.argv[2]!);
}

/**
 * Plays the Route 53 steps of a fix on a copy of the account, as Route 53 would: health checks
 * created (each with a new id, which later steps get for `<health-check-id-from-step-N>`), change
 * batches applied whole, health checks updated. Refuses what Route 53 refuses: a DELETE that does
 * not match the record exactly, a CREATE of a record that exists, a record naming a health check
 * that does not exist, a CNAME beside another record of its name, an alias to a load balancer of
 * another type than A or AAAA, a group mixing routing policies, a second PRIMARY or SECONDARY, a
 * second record for one location. Placeholders take a value of their kind.
 */
export function applyRoute53Fix(inventory: Inventory, accountId: string, steps: RemediationStep[]): Inventory {
  const copy = structuredClone(inventory);
  const account = copy.accounts.find((a) => a.accountId === accountId)!;
  const created = new Map<number, string>();
  steps.forEach((step, index) => {
    if (!writesRoute53(step)) return;
    const argv = fill(step, created);
    const option = (name: string) => {
      const i = argv.indexOf(name);
      if (i < 0) throw new Route53Refusal(`${argv[2]} without ${name}`);
      return argv[i + 1]!;
    };
    switch (argv[2]) {
      case 'create-health-check': {
        const id = `0b5e11c0-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
        account.route53.healthChecks.push(toHealthCheck(id, JSON.parse(option('--health-check-config')) as Record<string, unknown>));
        created.set(index + 1, id);
        break;
      }
      case 'update-health-check': {
        const check = account.route53.healthChecks.find((hc) => hc.id === option('--health-check-id'));
        if (!check) throw new Route53Refusal('NoSuchHealthCheck');
        if (argv.includes('--no-disabled')) check.disabled = false;
        if (argv.includes('--no-inverted')) check.inverted = false;
        break;
      }
      case 'change-resource-record-sets':
        applyBatch(account, option('--hosted-zone-id'), JSON.parse(option('--change-batch')) as { Changes: { Action: string; ResourceRecordSet: Record<string, unknown> }[] });
        break;
    }
  });
  return copy;
}

/** The argv with every placeholder replaced: a new check's id by the id created at that step. */
function fill(step: RemediationStep, created: Map<number, string>): string[] {
  const argv = [...step.argv];
  for (const p of step.placeholders) {
    const fromStep = /^<health-check-id-from-step-(\d+)>$/.exec(p.text);
    const value = fromStep ? created.get(Number(fromStep[1])) : PLACEHOLDER_VALUES[p.kind];
    if (value === undefined) throw new Route53Refusal(`${p.text} names a step that created no health check`);
    argv[p.arg] = argv[p.arg]!.split(p.text).join(value);
  }
  return argv;
}

function applyBatch(account: AccountInventory, zoneId: string, batch: { Changes: { Action: string; ResourceRecordSet: Record<string, unknown> }[] }): void {
  const zone = account.route53.hostedZones.find((z) => z.id === zoneId);
  if (!zone) throw new Route53Refusal(`NoSuchHostedZone ${zoneId}`);
  const records = [...zone.records];
  const written: DnsRecord[] = [];
  const key = (r: Pick<DnsRecord, 'name' | 'type' | 'setIdentifier'>) => `${r.name}|${r.type}|${r.setIdentifier ?? ''}`;
  for (const { Action, ResourceRecordSet } of batch.Changes) {
    const record = toRecord(ResourceRecordSet);
    const at = records.findIndex((r) => key(r) === key(record));
    if (Action === 'DELETE') {
      if (at < 0) throw new Route53Refusal(`InvalidChangeBatch: ${key(record)} not found`);
      if (JSON.stringify(normalised(records[at]!)) !== JSON.stringify(normalised(record))) throw new Route53Refusal(`InvalidChangeBatch: ${key(record)} does not match the record to delete`);
      records.splice(at, 1);
    } else if (Action === 'CREATE') {
      if (at >= 0) throw new Route53Refusal(`InvalidChangeBatch: ${key(record)} already exists`);
      records.push(record);
      written.push(record);
    } else if (Action === 'UPSERT') {
      if (at >= 0) records[at] = record;
      else records.push(record);
      written.push(record);
    } else {
      throw new Route53Refusal(`InvalidChangeBatch: action ${Action}`);
    }
  }
  // What Route 53 checks of the records the batch writes.
  for (const record of written) {
    if (record.healthCheckId !== undefined && !account.route53.healthChecks.some((hc) => hc.id === record.healthCheckId)) {
      throw new Route53Refusal(`NoSuchHealthCheck ${record.healthCheckId} (${key(record)})`);
    }
    if (records.some((r) => r.name === record.name && r.type !== record.type && (r.type === 'CNAME' || record.type === 'CNAME'))) throw new Route53Refusal(`InvalidChangeBatch: CNAME ${record.name} beside another type`);
    if (record.aliasTarget && /\.elb\./.test(record.aliasTarget.dnsName) && record.type !== 'A' && record.type !== 'AAAA') {
      throw new Route53Refusal(`InvalidChangeBatch: alias of type ${record.type} to a load balancer`);
    }
    // A group (name and type) has one routing policy; a failover group one PRIMARY and one SECONDARY; a location one record.
    const group = records.filter((r) => r.name === record.name && r.type === record.type);
    if (new Set(group.map(routingPolicy)).size > 1 || (group.length > 1 && group.some((r) => r.setIdentifier === undefined))) {
      throw new Route53Refusal(`InvalidChangeBatch: ${record.name} ${record.type} mixes routing policies (${group.map(routingPolicy).join(', ')})`);
    }
    for (const role of ['PRIMARY', 'SECONDARY']) {
      if (group.filter((r) => r.failover === role).length > 1) throw new Route53Refusal(`InvalidChangeBatch: ${record.name} ${record.type} has two ${role} records`);
    }
    const locations = group.filter((r) => r.geoLocation).map((r) => JSON.stringify(r.geoLocation));
    if (new Set(locations).size < locations.length) throw new Route53Refusal(`InvalidChangeBatch: ${record.name} ${record.type} has two records for one location`);
  }
  zone.records = records;
}

/** The record of a `ResourceRecordSet`, as the collector would read it back. */
function toRecord(set: Record<string, unknown>): DnsRecord {
  const record: DnsRecord = { name: decodeDnsName(String(set.Name)), type: String(set.Type), values: [] };
  if (set.SetIdentifier !== undefined) record.setIdentifier = String(set.SetIdentifier);
  if (set.TTL !== undefined) record.ttl = Number(set.TTL);
  if (Array.isArray(set.ResourceRecords)) record.values = (set.ResourceRecords as { Value: string }[]).map((r) => r.Value);
  const alias = set.AliasTarget as { HostedZoneId: string; DNSName: string; EvaluateTargetHealth: boolean } | undefined;
  if (alias) record.aliasTarget = { hostedZoneId: alias.HostedZoneId, dnsName: alias.DNSName, evaluateTargetHealth: alias.EvaluateTargetHealth };
  if (set.HealthCheckId !== undefined) record.healthCheckId = String(set.HealthCheckId);
  if (set.Weight !== undefined) record.weight = Number(set.Weight);
  if (set.Region !== undefined) record.region = String(set.Region);
  if (set.Failover !== undefined) record.failover = set.Failover as 'PRIMARY' | 'SECONDARY';
  if (set.MultiValueAnswer !== undefined) record.multiValueAnswer = Boolean(set.MultiValueAnswer);
  const geo = set.GeoLocation as { ContinentCode?: string; CountryCode?: string; SubdivisionCode?: string } | undefined;
  if (geo) record.geoLocation = dropUndefined({ continentCode: geo.ContinentCode, countryCode: geo.CountryCode, subdivisionCode: geo.SubdivisionCode });
  const cidr = set.CidrRoutingConfig as { CollectionId: string; LocationName: string } | undefined;
  if (cidr) record.cidrRoutingConfig = { collectionId: cidr.CollectionId, locationName: cidr.LocationName };
  const proximity = set.GeoProximityLocation as { AWSRegion?: string; LocalZoneGroup?: string; Bias?: number; Coordinates?: { Latitude: string; Longitude: string } } | undefined;
  if (proximity) {
    record.geoProximityLocation = dropUndefined({
      awsRegion: proximity.AWSRegion,
      localZoneGroup: proximity.LocalZoneGroup,
      bias: proximity.Bias,
      coordinates: proximity.Coordinates && { latitude: proximity.Coordinates.Latitude, longitude: proximity.Coordinates.Longitude },
    });
  }
  return record;
}

function toHealthCheck(id: string, config: Record<string, unknown>): Route53HealthCheck {
  const check: Route53HealthCheck = { id, type: String(config.Type), disabled: Boolean(config.Disabled ?? false), inverted: Boolean(config.Inverted ?? false) };
  if (config.FullyQualifiedDomainName !== undefined) check.fqdn = String(config.FullyQualifiedDomainName);
  if (config.IPAddress !== undefined) check.ipAddress = String(config.IPAddress);
  if (config.Port !== undefined) check.port = Number(config.Port);
  if (config.ResourcePath !== undefined) check.resourcePath = String(config.ResourcePath);
  if (config.RequestInterval !== undefined) check.requestInterval = Number(config.RequestInterval);
  if (config.FailureThreshold !== undefined) check.failureThreshold = Number(config.FailureThreshold);
  return check;
}

/** A record in a canonical form for comparison: sorted keys, no empty values list on an alias. */
function normalised(record: DnsRecord): unknown {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)])) : value;
  return sorted({ ...record, values: record.aliasTarget ? [] : record.values });
}

function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
