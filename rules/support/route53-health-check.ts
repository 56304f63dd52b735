import { createHash } from 'node:crypto';
import type { AccountScope } from '../../src/engine/account-scope.js';
import { aws, json, placeholder, type PlaceholderWord } from '../../src/engine/command.js';
import type { ResolvedLoadBalancer } from '../../src/model/dns-resolver.js';
import type { DnsRecord, HostedZone, Listener, Route53HealthCheck } from '../../src/model/inventory.js';
import type { RemediationStep } from '../../src/model/result.js';
import { CLOUDFRONT_HOSTED_ZONE_ID, type Fillable } from './route53.js';
import { bareHostedZoneId } from '../../src/model/dns.js';

/** A new health check: its configuration (`HealthCheckConfig`), and what it costs or needs, when that is worth saying. */
export interface NewHealthCheck {
  config: HealthCheckConfig;
  warning?: string;
}

/** Listener protocols Route 53 can check, best first: an HTTP check sees the application, a TCP one only the port. */
const CHECKABLE_PROTOCOLS = ['HTTPS', 'HTTP', 'TLS', 'TCP'];

/**
 * The health check of the endpoint a record answers with, built from what the scan knows of it:
 * a load balancer's listener (protocol, port) and the health-check path of the target group it
 * forwards to; else a TCP check of the address or host, its port left to the user. Route 53's
 * checkers sit on the internet: they cannot reach an internal load balancer or an endpoint of a
 * private zone, which are watched through a CloudWatch alarm instead.
 */
export function newHealthCheck(scope: AccountScope, zone: HostedZone, record: DnsRecord, endpoint?: PlaceholderWord): NewHealthCheck {
  const loadBalancer = endpointLoadBalancer(scope, record);
  const { config, warning } =
    zone.privateZone || loadBalancer?.loadBalancer.scheme === 'internal'
      ? cloudWatchCheck(zone, loadBalancer)
      : endpoint
        ? // A record the fix adds, its endpoint for the user to name: the check names the same placeholder.
          { config: { Type: 'TCP', ...(record.type === 'CNAME' ? { FullyQualifiedDomainName: endpoint } : { IPAddress: endpoint }), Port: placeholder('port', 'endpoint-port') } }
        : endpointCheck(scope, record, loadBalancer);
  const checked = config.Type === 'CLOUDWATCH_METRIC' ? config : { ...config, RequestInterval: 30, FailureThreshold: 3 };
  return warning ? { config: checked, warning } : { config: checked };
}

/**
 * `aws route53 create-health-check` of a configuration. The caller reference is derived from the
 * zone, the record and the configuration: pasted twice, the command returns the check it created
 * the first time instead of creating a second one. `--query HealthCheck.Id --output text` prints
 * just the id the record then names.
 */
export function createHealthCheckStep(zone: HostedZone, record: DnsRecord, config: HealthCheckConfig): RemediationStep {
  const document = json(config);
  return aws('route53', 'create-health-check', '--caller-reference', callerReference(zone, record, document.text), '--health-check-config', document, '--query', 'HealthCheck.Id', '--output', 'text');
}

export type HealthCheckConfig = Record<string, Fillable | number | boolean | Record<string, Fillable>> & { Type: Fillable };

/** The load balancer of the scan a record's value names: a CNAME to its DNS name, an A record to one of its addresses. */
function endpointLoadBalancer(scope: AccountScope, record: DnsRecord): ResolvedLoadBalancer | undefined {
  if (record.aliasTarget) return scope.loadBalancerByDnsName(record.aliasTarget.dnsName);
  const only = record.values.length === 1 ? record.values[0]! : undefined;
  if (only === undefined) return undefined;
  return record.type === 'CNAME' ? scope.loadBalancerByDnsName(only) : scope.loadBalancerByAddress(only);
}

function cloudWatchCheck(zone: HostedZone, loadBalancer: ResolvedLoadBalancer | undefined): { config: HealthCheckConfig; warning: string } {
  const where = zone.privateZone ? 'an endpoint of a private zone' : `the internal load balancer ${loadBalancer!.loadBalancer.name}`;
  return {
    config: {
      Type: 'CLOUDWATCH_METRIC',
      AlarmIdentifier: { Region: loadBalancer?.region ?? placeholder('region', 'alarm-region'), Name: placeholder('cloudwatch-alarm-name', 'alarm-name') },
      InsufficientDataHealthStatus: 'LastKnownStatus',
    },
    warning: `Route 53 health checkers cannot reach ${where}: this check follows a CloudWatch alarm, which must exist and go off when the endpoint fails (for a load balancer, on its HealthyHostCount).`,
  };
}

function endpointCheck(scope: AccountScope, record: DnsRecord, loadBalancer: ResolvedLoadBalancer | undefined): { config: HealthCheckConfig; warning?: string } {
  const alias = record.aliasTarget;
  if (loadBalancer) {
    const listener = checkableListener(loadBalancer.loadBalancer.listeners);
    if (listener) return { config: listenerCheck(scope, loadBalancer, listener) };
  }
  if (alias && bareHostedZoneId(alias.hostedZoneId) === CLOUDFRONT_HOSTED_ZONE_ID) {
    return {
      config: { Type: 'HTTPS', FullyQualifiedDomainName: stripDot(alias.dnsName), Port: 443, ResourcePath: placeholder('url-path', 'health-check-path'), EnableSNI: true },
    };
  }
  const only = record.values.length === 1 ? record.values[0] : undefined;
  const target: Record<string, Fillable> =
    loadBalancer !== undefined
      ? { FullyQualifiedDomainName: stripDot(loadBalancer.loadBalancer.dnsName) }
      : alias
        ? { FullyQualifiedDomainName: stripDot(alias.dnsName) }
        : only !== undefined && (record.type === 'A' || record.type === 'AAAA')
          ? { IPAddress: only }
          : only !== undefined && record.type === 'CNAME'
            ? { FullyQualifiedDomainName: stripDot(only) }
            : { FullyQualifiedDomainName: placeholder('dns-name', 'endpoint-host-name') };
  // Nothing says what the endpoint serves: a TCP check of the port the user names.
  return { config: { Type: 'TCP', ...target, Port: placeholder('port', 'endpoint-port') } };
}

function checkableListener(listeners: readonly Listener[]): Listener | undefined {
  for (const protocol of CHECKABLE_PROTOCOLS) {
    const listener = listeners.find((l) => l.protocol === protocol && l.port !== undefined);
    if (listener) return listener;
  }
  return undefined;
}

/** HTTP(S) on the listener's port, on the path the target group checks; TCP for TCP and TLS listeners. */
function listenerCheck(scope: AccountScope, loadBalancer: ResolvedLoadBalancer, listener: Listener): HealthCheckConfig {
  const host = stripDot(loadBalancer.loadBalancer.dnsName);
  if (listener.protocol !== 'HTTP' && listener.protocol !== 'HTTPS') return { Type: 'TCP', FullyQualifiedDomainName: host, Port: listener.port! };
  const forwarded = listener.defaultActions.flatMap((action) => action.targetGroupArns).map((arn) => scope.targetGroup(loadBalancer, arn));
  const path = forwarded.find((tg) => tg?.healthCheck.path !== undefined && /^HTTPS?$/.test(tg.healthCheck.protocol ?? 'HTTP'))?.healthCheck.path;
  const config: HealthCheckConfig = {
    Type: listener.protocol,
    FullyQualifiedDomainName: host,
    Port: listener.port!,
    ResourcePath: path ?? placeholder('url-path', 'health-check-path'),
  };
  if (listener.protocol === 'HTTPS') config.EnableSNI = true;
  return config;
}

/**
 * The same reference for the same check of the same record: pasted twice, the command returns the
 * check it created the first time instead of creating a second one.
 */
function callerReference(zone: HostedZone, record: DnsRecord, config: string): string {
  const id = [zone.id, record.name, record.type, record.setIdentifier ?? ''].join('/');
  return `ha-audit-${createHash('sha256').update(`${id}\n${config}`).digest('hex').slice(0, 32)}`;
}

function stripDot(name: string): string {
  return name.replace(/\.$/, '');
}

/** The id `create-health-check` prints, for the record that names the new check (`<health-check-id-from-step-1>`). */
export function newHealthCheckId(stepNumber: number): PlaceholderWord {
  return placeholder('route53-health-check-id', `health-check-id-from-step-${stepNumber}`);
}

/** The health check enabled and not inverted, in one command whichever of the two is wrong (both, when both are). */
export function repairHealthCheckStep(check: Route53HealthCheck): RemediationStep {
  return aws('route53', 'update-health-check', '--health-check-id', check.id, ...(check.disabled ? ['--no-disabled'] : []), ...(check.inverted ? ['--no-inverted'] : []));
}
