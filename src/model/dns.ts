import type { DnsRecord } from './inventory.js';

/**
 * Route 53 writes names with a trailing dot and escapes some characters as `\ooo` octal codes
 * (`\052.example.com.` is `*.example.com`). The inventory keeps names decoded, in lower case
 * and without the trailing dot, so that rules and reports compare and show them as users write them.
 */
export function decodeDnsName(name: string): string {
  const decoded = name.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return decoded.replace(/\.$/, '').toLowerCase();
}

/**
 * The form in which an alias target's DNS name is compared with a load balancer's: lower case,
 * no trailing dot, no `dualstack.` prefix (Route 53 adds it to alias targets of load balancers).
 */
export function comparableDnsName(name: string): string {
  return decodeDnsName(name).replace(/^dualstack\./, '');
}

/** A hosted zone id without the `/hostedzone/` prefix some API responses put on it: `Z1D633PJN98FT9`. */
export function bareHostedZoneId(id: string): string {
  return id.replace(/^\/hostedzone\//, '');
}

/** Load balancer DNS names end in `elb.amazonaws.com` (`.elb.<region>.amazonaws.com` for NLBs; `.cn` in China). */
export function isLoadBalancerDnsName(name: string): boolean {
  return /\.elb\.([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$/.test(comparableDnsName(name));
}

export type RoutingPolicy = 'simple' | 'failover' | 'weighted' | 'latency' | 'geolocation' | 'geoproximity' | 'multivalue' | 'ip-based';

/** The routing policy of a record, from the field that only that policy sets. */
export function routingPolicy(record: DnsRecord): RoutingPolicy {
  if (record.failover) return 'failover';
  if (record.geoLocation) return 'geolocation';
  if (record.geoProximityLocation) return 'geoproximity';
  if (record.region) return 'latency';
  if (record.weight !== undefined) return 'weighted';
  if (record.multiValueAnswer) return 'multivalue';
  if (record.cidrRoutingConfig) return 'ip-based';
  return 'simple';
}

/** ARCHITECTURE.md's resource id of a record: `<hostedZoneId>/<name>/<type>[/<setIdentifier>]`. */
export function recordId(hostedZoneId: string, record: Pick<DnsRecord, 'name' | 'type' | 'setIdentifier'>): string {
  const parts = [hostedZoneId, record.name, record.type];
  if (record.setIdentifier !== undefined) parts.push(record.setIdentifier);
  // join, not a template literal: V8 keeps a template's result as a tree of its parts, about four
  // times the size of the text, and the report keeps an id for every record it judges.
  return parts.join('/');
}

/**
 * How Route 53 learns that a record's endpoint is down: the record's health check, or the health
 * of the alias target it evaluates. Undefined: it never learns, and keeps answering with it.
 */
export type RecordHealth = { healthCheckId: string } | { evaluatedTarget: string };

export function recordHealth(record: DnsRecord): RecordHealth | undefined {
  if (record.healthCheckId !== undefined) return { healthCheckId: record.healthCheckId };
  if (record.aliasTarget?.evaluateTargetHealth) return { evaluatedTarget: record.aliasTarget.dnsName };
  return undefined;
}
