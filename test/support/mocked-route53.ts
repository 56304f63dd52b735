/**
 * A mocked Route 53 for the collector tests: a real `Route53Client` whose `send` is stubbed with
 * `aws-sdk-client-mock`. It serves hosted zones, their record sets and health checks the way the
 * API does: `ListHostedZones` and `ListHealthChecks` page by `Marker`/`NextMarker` (the id of the
 * first item of the next page), `ListResourceRecordSets` in the API's order (names with their
 * labels reversed, then type, then set identifier) from the `StartRecordName`/`Type`/`Identifier`
 * position, with the API's validation. Every call is logged, in-flight calls are counted, and any
 * operation can be delayed, failed or replaced.
 */
import {
  ListHealthChecksCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type AliasTarget,
  type HealthCheck,
  type HealthCheckConfig,
  type HostedZone,
  type ListHealthChecksRequest,
  type ListHealthChecksResponse,
  type ListHostedZonesRequest,
  type ListHostedZonesResponse,
  type ListResourceRecordSetsRequest,
  type ListResourceRecordSetsResponse,
  type ResourceRecordSet,
  type RRType,
} from '@aws-sdk/client-route-53';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach } from 'vitest';
import type { GlobalClients } from '../../src/collect/aws-clients.js';
import { awsError, hexId, responseMetadata } from './aws-responses.js';

// ---------------------------------------------------------------- API-shaped resources

/** A hosted zone as `ListHostedZones` returns it, and the record sets `ListResourceRecordSets` lists in it. */
export interface FakeZone {
  zone: HostedZone;
  recordSets: ResourceRecordSet[];
}

/** A UUID-shaped id, stable for a seed (health check ids, caller references). */
export function uuidOf(seed: string): string {
  const hex = hexId(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A hosted zone id as the API makes them: `Z` and upper-case alphanumerics. */
export function zoneIdOf(name: string): string {
  return `Z${hexId(name, 13).toUpperCase()}`;
}

/**
 * A hosted zone named `name` (as the API writes it: `example.com.`) holding `recordSets` and,
 * as every zone does, the NS and SOA records Route 53 creates at its apex.
 */
export function hostedZone(name: string, recordSets: ResourceRecordSet[] = [], options: { id?: string; privateZone?: boolean; comment?: string } = {}): FakeZone {
  const id = options.id ?? zoneIdOf(`${name}${options.privateZone ? ' private' : ''}`);
  const apex = [
    recordSet(name, 'NS', ['ns-1536.awsdns-00.co.uk.', 'ns-0.awsdns-00.com.', 'ns-1024.awsdns-00.org.', 'ns-512.awsdns-00.net.'], { TTL: 172800 }),
    recordSet(name, 'SOA', ['ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400'], { TTL: 900 }),
  ];
  const all = [...apex, ...recordSets];
  const config: HostedZone['Config'] = options.comment === undefined ? { PrivateZone: options.privateZone ?? false } : { Comment: options.comment, PrivateZone: options.privateZone ?? false };
  return {
    zone: { Id: `/hostedzone/${id}`, Name: name, CallerReference: uuidOf(`zone ${id}`), Config: config, ResourceRecordSetCount: all.length },
    recordSets: all,
  };
}

/** A record set with values (TTL 300 unless `extra` says otherwise). */
export function recordSet(name: string, type: RRType, values: string[], extra: Partial<ResourceRecordSet> = {}): ResourceRecordSet {
  return { Name: name, Type: type, TTL: 300, ResourceRecords: values.map((Value) => ({ Value })), ...extra };
}

/** An alias record set: no TTL and no `ResourceRecords`, as the API returns it. */
export function aliasRecordSet(name: string, type: RRType, target: AliasTarget, extra: Partial<ResourceRecordSet> = {}): ResourceRecordSet {
  return { Name: name, Type: type, AliasTarget: target, ...extra };
}

/** An alias target on an Application Load Balancer in us-east-1 (its canonical hosted zone). */
export function albAliasTarget(name: string, evaluateTargetHealth: boolean, region = 'us-east-1'): AliasTarget {
  const zones: Record<string, string> = { 'us-east-1': 'Z35SXDOTRQ7X7K', 'us-west-2': 'Z1H1FL5HABSF5', 'eu-west-1': 'Z32O12XQLNTSW2' };
  return { HostedZoneId: zones[region] ?? 'Z35SXDOTRQ7X7K', DNSName: `dualstack.${name}-${hexId(name, 10)}.${region}.elb.amazonaws.com.`, EvaluateTargetHealth: evaluateTargetHealth };
}

/** A health check as `ListHealthChecks` returns it. */
export function healthCheck(seed: string, config: HealthCheckConfig): HealthCheck {
  return { Id: uuidOf(`health check ${seed}`), CallerReference: uuidOf(`caller ${seed}`), HealthCheckConfig: config, HealthCheckVersion: 1 };
}

/** An HTTPS health check of `fqdn` with the console's defaults. */
export function httpsHealthCheck(fqdn: string, config: Partial<HealthCheckConfig> = {}): HealthCheck {
  return healthCheck(fqdn, {
    Port: 443,
    Type: 'HTTPS',
    ResourcePath: '/health',
    FullyQualifiedDomainName: fqdn,
    RequestInterval: 30,
    FailureThreshold: 3,
    MeasureLatency: false,
    Inverted: false,
    Disabled: false,
    EnableSNI: true,
    ...config,
  });
}

// ---------------------------------------------------------------- the mock

export interface Route53World {
  zones: FakeZone[];
  healthChecks: HealthCheck[];
  /** The account's alias (IAM, global too): at most one; none by default. */
  accountAliases?: string[];
}

interface Inputs {
  ListHostedZones: ListHostedZonesRequest;
  ListResourceRecordSets: ListResourceRecordSetsRequest;
  ListHealthChecks: ListHealthChecksRequest;
}

type Outputs = {
  ListHostedZones: ListHostedZonesResponse;
  ListResourceRecordSets: ListResourceRecordSetsResponse;
  ListHealthChecks: ListHealthChecksResponse;
};

export type Route53Operation = keyof Inputs;

export interface Route53FakeOptions {
  /** Items per page the fake returns (never more than the request's `MaxItems`). Default: the request's. */
  pageSize?: Partial<Record<Route53Operation, number>>;
  /** Milliseconds each call of the operation takes. */
  latencyMs?: Partial<Record<Route53Operation, number>>;
  /** Returns an error to fail that call with, or nothing to serve it. */
  fail?: { [O in Route53Operation]?: (input: Inputs[O], call: number) => Error | undefined };
  /** An error to fail IAM `ListAccountAliases` with. */
  aliasError?: Error;
  /** Replaces the fake's handler of an operation (it still goes through logging and latency). */
  handle?: { [O in Route53Operation]?: (input: Inputs[O], call: number) => Outputs[O] };
}

export interface Route53CallEvent {
  seq: number;
  operation: Route53Operation;
  event: 'start' | 'resolve' | 'reject';
  input: Inputs[Route53Operation];
  output?: Outputs[Route53Operation];
}

/** The API's default and largest page sizes. */
const PAGE_LIMITS: Record<Route53Operation, { default: number; max: number }> = {
  ListHostedZones: { default: 100, max: 100 },
  ListResourceRecordSets: { default: 300, max: 300 },
  ListHealthChecks: { default: 100, max: 1000 },
};

export class MockedRoute53 {
  readonly world: Route53World;
  readonly client = new Route53Client({ region: 'us-east-1' });
  readonly iamClient = new IAMClient({ region: 'us-east-1' });
  readonly clients: GlobalClients = { route53: this.client, iam: this.iamClient };
  readonly mock: AwsClientStub<Route53Client>;
  readonly iamMock: AwsClientStub<IAMClient>;
  /** Every call, in order: start, then resolve or reject. */
  readonly events: Route53CallEvent[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly counts = new Map<Route53Operation, number>();

  constructor(
    world: Partial<Route53World> = {},
    readonly options: Route53FakeOptions = {},
  ) {
    this.world = { zones: [], healthChecks: [], ...world };
    this.mock = mockClient(this.client);
    this.iamMock = mockClient(this.iamClient);
    this.iamMock.onAnyCommand().resolves({ $metadata: responseMetadata() });
    // The API's shape: a list (an account has at most one alias), never paged in practice.
    if (options.aliasError) this.iamMock.on(ListAccountAliasesCommand).rejects(options.aliasError);
    else this.iamMock.on(ListAccountAliasesCommand).resolves({ AccountAliases: world.accountAliases ?? [], IsTruncated: false, $metadata: responseMetadata() });
    // A command the fake does not know (a write, say) succeeds with an empty response, as a real
    // one would: the read-only test must catch it by name, not by a crash.
    this.mock.onAnyCommand().resolves({ $metadata: responseMetadata() });
    this.mock.on(ListHostedZonesCommand).callsFake(this.handler('ListHostedZones', (i) => this.listHostedZones(i)));
    this.mock.on(ListResourceRecordSetsCommand).callsFake(this.handler('ListResourceRecordSets', (i) => this.listResourceRecordSets(i)));
    this.mock.on(ListHealthChecksCommand).callsFake(this.handler('ListHealthChecks', (i) => this.listHealthChecks(i)));
  }

  /** The inputs of every call of an operation, in call order. */
  inputs<O extends Route53Operation>(operation: O): Inputs[O][] {
    return this.events.filter((e) => e.operation === operation && e.event === 'start').map((e) => e.input as Inputs[O]);
  }

  /** Every command sent: `route53:CommandName` without `Command`. */
  sentCommands(): string[] {
    const named = (service: string, call: { args: [unknown] }) => `${service}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`;
    return [...this.mock.calls().map((call) => named('route53', call as { args: [unknown] })), ...this.iamMock.calls().map((call) => named('iam', call as { args: [unknown] }))];
  }

  restore(): void {
    this.mock.restore();
    this.iamMock.restore();
  }

  private handler<O extends Route53Operation>(operation: O, serve: (input: Inputs[O]) => Outputs[O]): (input: Inputs[O]) => Promise<Outputs[O]> {
    return async (input: Inputs[O]) => {
      const call = this.counts.get(operation) ?? 0;
      this.counts.set(operation, call + 1);
      this.log(operation, 'start', input);
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        const latency = this.options.latencyMs?.[operation] ?? 0;
        if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
        const failure = (this.options.fail?.[operation] as ((input: Inputs[O], call: number) => Error | undefined) | undefined)?.(input, call);
        if (failure) throw failure;
        const custom = this.options.handle?.[operation] as ((input: Inputs[O], call: number) => Outputs[O]) | undefined;
        const output = { ...(custom ? custom(input, call) : serve(input)), $metadata: responseMetadata() };
        this.log(operation, 'resolve', input, output);
        return output;
      } catch (error) {
        this.log(operation, 'reject', input);
        throw error;
      } finally {
        this.inFlight -= 1;
      }
    };
  }

  private log(operation: Route53Operation, event: Route53CallEvent['event'], input: Route53CallEvent['input'], output?: Route53CallEvent['output']): void {
    this.events.push({ seq: this.events.length, operation, event, input, ...(output ? { output } : {}) });
  }

  private pageSize(operation: Route53Operation, requested: number | undefined): number {
    const limits = PAGE_LIMITS[operation];
    if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) throw awsError('InvalidInput', `1 validation error detected: Value '${requested}' at 'maxItems' failed to satisfy constraint: Member must be a positive integer`);
    // Above its maximum the API returns its maximum, no error.
    return Math.min(requested ?? limits.default, limits.max, this.options.pageSize?.[operation] ?? Number.POSITIVE_INFINITY);
  }

  private listHostedZones(input: ListHostedZonesRequest): ListHostedZonesResponse {
    const size = this.pageSize('ListHostedZones', input.MaxItems);
    const page = markerPage(this.world.zones, (z) => bareZoneId(z.zone.Id), input.Marker, size);
    return {
      HostedZones: page.items.map((z) => z.zone),
      ...(input.Marker !== undefined && { Marker: input.Marker }),
      IsTruncated: page.nextMarker !== undefined,
      ...(page.nextMarker !== undefined && { NextMarker: page.nextMarker }),
      MaxItems: input.MaxItems ?? PAGE_LIMITS.ListHostedZones.default,
    } as ListHostedZonesResponse;
  }

  private listHealthChecks(input: ListHealthChecksRequest): ListHealthChecksResponse {
    const size = this.pageSize('ListHealthChecks', input.MaxItems);
    const page = markerPage(this.world.healthChecks, (h) => h.Id!, input.Marker, size);
    return {
      HealthChecks: page.items,
      ...(input.Marker !== undefined && { Marker: input.Marker }),
      IsTruncated: page.nextMarker !== undefined,
      ...(page.nextMarker !== undefined && { NextMarker: page.nextMarker }),
      MaxItems: input.MaxItems ?? PAGE_LIMITS.ListHealthChecks.default,
    } as ListHealthChecksResponse;
  }

  private listResourceRecordSets(input: ListResourceRecordSetsRequest): ListResourceRecordSetsResponse {
    // The SDK strips `/hostedzone/` before sending; the URL path carries the bare id.
    const zone = this.world.zones.find((z) => bareZoneId(z.zone.Id) === input.HostedZoneId);
    if (!zone) throw awsError('NoSuchHostedZone', `No hosted zone found with ID: ${input.HostedZoneId}`, 404);
    if (input.StartRecordType !== undefined && input.StartRecordName === undefined) throw awsError('InvalidInput', 'The input is not valid: StartRecordType requires StartRecordName');
    if (input.StartRecordIdentifier !== undefined && input.StartRecordType === undefined) throw awsError('InvalidInput', 'The input is not valid: StartRecordIdentifier requires StartRecordName and StartRecordType');
    const size = this.pageSize('ListResourceRecordSets', input.MaxItems);

    const sorted = [...zone.recordSets].sort((a, b) => compareKeys(recordKey(a), recordKey(b)));
    const start: string[] = [];
    if (input.StartRecordName !== undefined) start.push(nameKey(input.StartRecordName));
    if (input.StartRecordType !== undefined) start.push(input.StartRecordType);
    if (input.StartRecordIdentifier !== undefined) start.push(input.StartRecordIdentifier);
    // From the first record at or after the start position, comparing only the parts given.
    let offset = sorted.findIndex((r) => compareKeys(recordKey(r).slice(0, start.length), start) >= 0);
    if (offset < 0) offset = sorted.length;

    const items = sorted.slice(offset, offset + size);
    const next = sorted[offset + items.length];
    return {
      ResourceRecordSets: items,
      IsTruncated: next !== undefined,
      ...(next && { NextRecordName: next.Name, NextRecordType: next.Type }),
      ...(next?.SetIdentifier !== undefined && { NextRecordIdentifier: next.SetIdentifier }),
      MaxItems: input.MaxItems ?? PAGE_LIMITS.ListResourceRecordSets.default,
    } as ListResourceRecordSetsResponse;
  }
}

function bareZoneId(id: string | undefined): string {
  return (id ?? '').replace(/^\/hostedzone\//, '');
}

/** One page from the item whose id is `marker`, and the id of the first item of the next page. */
function markerPage<T>(items: T[], idOf: (item: T) => string, marker: string | undefined, size: number): { items: T[]; nextMarker?: string } {
  const offset = marker === undefined ? 0 : items.findIndex((item) => idOf(item) === marker);
  if (offset < 0) throw awsError('InvalidInput', `The marker ${marker} is not valid`);
  const page = items.slice(offset, offset + size);
  const next = items[offset + page.length];
  return next === undefined ? { items: page } : { items: page, nextMarker: idOf(next) };
}

/**
 * The API sorts by name with its labels reversed and a trailing dot (`com.example.www.`), decoded
 * (`\052` is `*`) and in lower case, then by type, then (our choice) by set identifier.
 */
function nameKey(name: string): string {
  const decoded = name.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))).toLowerCase();
  return `${decoded.replace(/\.$/, '').split('.').reverse().join('.')}.`;
}

function recordKey(record: ResourceRecordSet): string[] {
  return [nameKey(record.Name ?? ''), record.Type ?? '', record.SetIdentifier ?? ''];
}

/** Element by element, in code-point (ASCII) order. */
function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * For a test file: `const mockedRoute53 = mockedRoute53s();` gives a factory of mocked Route 53
 * clients that are all restored after each test.
 */
export function mockedRoute53s(): (world?: Partial<Route53World>, options?: Route53FakeOptions) => MockedRoute53 {
  const made: MockedRoute53[] = [];
  afterEach(() => made.splice(0).forEach((fake) => fake.restore()));
  return (world = {}, options = {}) => {
    const fake = new MockedRoute53(world, options);
    made.push(fake);
    return fake;
  };
}
