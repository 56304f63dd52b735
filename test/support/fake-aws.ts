/**
 * A fake AWS endpoint for end-to-end tests: a local HTTP server that speaks the wire protocols
 * of the services ha-audit calls, so that the real SDK clients (and the CLI, through
 * `AWS_ENDPOINT_URL=http://127.0.0.1:<port>` or `--endpoint-url`) can scan it.
 *
 * - STS (2011-06-15), Elastic Load Balancing v2 (2015-12-01), Auto Scaling (2011-01-01), RDS
 *   (2014-10-31) and ElastiCache (2015-02-02) use the AWS query protocol: `POST /`,
 *   `application/x-www-form-urlencoded` body with `Action=...&Version=...`, answered with
 *   `<ActionResponse xmlns=...><ActionResult>...</ActionResult><ResponseMetadata><RequestId>`
 *   and errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * - EC2 (2016-11-15) uses the EC2 variant: no `Result` wrapper, camelCase element names, lists
 *   of `<item>`, `<requestId>` first, errors as
 *   `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`.
 * - Route 53 (2013-04-01) uses REST-XML: `GET /2013-04-01/hostedzone`, `.../hostedzone/{Id}/rrset`,
 *   `/2013-04-01/healthcheck` with query parameters (`marker`, `maxitems`, `name`, `type`,
 *   `identifier`), answered with `<ActionResponse xmlns=...>` (no `Result` wrapper), errors in the
 *   query protocol's `ErrorResponse`. Names on the wire end with a dot and escape `*` as `\052`;
 *   zone ids carry `/hostedzone/`. It is global: signed for us-east-1, its region here is `global`.
 * - DynamoDB (2012-08-10) uses JSON 1.0: `POST /` with `X-Amz-Target: DynamoDB_20120810.<Action>`,
 *   errors as `{"__type":"<namespace>#<Code>","message":"..."}`, always with status 400.
 *
 * The service is told by the path (Route 53), the `X-Amz-Target` header (DynamoDB) or the
 * `Version` parameter (each query service has its own), the region by the credential scope of
 * the SigV4 `Authorization` header (`AKID/date/<region>/<service>/aws4_request`), whose service
 * must be the one called. Signatures are not checked.
 *
 * Element names follow the SDK's own schemas (`@aws-sdk/client-*` `dist-es/schemas/schemas_0.js`:
 * member names and list entry names for the query and REST-XML services, `xmlName` traits for
 * EC2, member names for JSON) and the AWS API references.
 *
 * The data comes from an ha-audit `Inventory` (its first account): what a scan of the fake
 * should find is that inventory again, up to what the wire cannot carry or the collectors do not
 * ask for (`expectedCollection` spells that out).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import type {
  AccountInventory,
  AutoScalingGroup,
  CacheCluster,
  DbCluster,
  DbInstance,
  DnsRecord,
  DynamoDbTable,
  Ec2Instance,
  Gap,
  HostedZone,
  Inventory,
  ListenerAction,
  LoadBalancer,
  RegionInventory,
  ReplicationGroup,
  Route53HealthCheck,
  Route53Inventory,
  ServerlessCache,
  Subnet,
  TargetGroup,
} from '../../src/model/inventory.js';
import { UNKNOWN_PITR } from '../../src/collect/dynamodb.js';
import { classifyGap } from '../../src/model/gap-class.js';
import { emptyRegionInventory, emptyRoute53Inventory, GLOBAL_REGION, INVENTORY_FORMAT_VERSION } from '../../src/model/inventory.js';

// ---------------------------------------------------------------- API

/** Services by their SigV4 signing name (the IAM prefix). */
export type FakeService = 'sts' | 'elasticloadbalancing' | 'autoscaling' | 'ec2' | 'route53' | 'rds' | 'elasticache' | 'dynamodb' | 'iam';
/** A signing name, or ha-audit's service id (`elbv2` for `elasticloadbalancing`). */
export type FakeServiceName = FakeService | 'elbv2';

/** Every call of `action` (in `region`, or in every region) fails with this error, or its first `count` calls. */
export interface FakeAwsFailure {
  service: FakeServiceName;
  action: string;
  /** A region, or `global` for Route 53. */
  region?: string;
  /** `AccessDenied`, `UnauthorizedOperation`, `ValidationError`, `AccessDeniedException`... */
  code: string;
  /** Default: an IAM-style "is not authorized to perform" message. */
  message?: string;
  /** Only the first `count` calls fail (a passing outage: `ServiceUnavailable` with status 503); default every call. */
  count?: number;
  /**
   * Default: 400 for DynamoDB (JSON services answer every client error with 400); else 403 for
   * `AccessDenied*`, `UnauthorizedOperation`, `AuthFailure`, and 400 otherwise.
   */
  status?: number;
}

/** The first `count` calls of `action` (in `region`, or over all regions) are throttled. */
export interface FakeAwsThrottle {
  service: FakeServiceName;
  action: string;
  /** A region, or `global` for Route 53. */
  region?: string;
  count: number;
  /** Default 400. */
  status?: number;
}

export interface FakeAwsScenario {
  /** Served: its first account, every region of it, and its Route 53. Other accounts are ignored. */
  inventory: Inventory;
  /** What `GetCallerIdentity` returns; default the first account's id. */
  accountId?: string;
  /**
   * Other accounts, each served to the credentials that STS `AssumeRole` hands out for a role of
   * it (`arn:aws:iam::<id>:role/<any name>`), with the same page size and failures. A role of any
   * other account is refused (`AccessDenied`).
   */
  members?: AccountInventory[];
  /** Largest page of every paginated list (default 2), whatever page size the client asks. */
  pageSize?: number;
  failures?: FakeAwsFailure[];
  throttle?: FakeAwsThrottle[];
  /** This share of every request, in (0, 1), is throttled at random (a seeded sequence: the same run each time), like a proxy in front of AWS. */
  randomThrottle?: number;
  /**
   * Turn the inventory's gaps (of its first account, except `sts`) into failures of the same
   * operation, region, code and message, so that a scan of the fake reports them again.
   * Default true.
   */
  gapsAsFailures?: boolean;
}

export interface FakeAwsRequest {
  /** The account whose credentials signed it: the caller's, or a member's (`AssumeRole`). */
  accountId: string;
  service: FakeService;
  action: string;
  /** The region of the credential scope; `global` for Route 53. */
  region: string;
  /**
   * Query services: the decoded form parameters, `Action` and `Version` included. Route 53: the
   * query string parameters, and the hosted zone of the path as `Id`. DynamoDB: the members of
   * the JSON body (strings as they are, other values as JSON).
   */
  params: Record<string, string>;
  /** The HTTP status the fake answered with. */
  status: number;
  /** The body it answered with: XML, or JSON for DynamoDB. */
  response: string;
}

export interface FakeAws {
  /** `http://127.0.0.1:<port>`: for `endpoint`, `--endpoint-url` or `AWS_ENDPOINT_URL`. */
  url: string;
  /** Every request received, in arrival order (throttled and failed ones included). */
  requests: FakeAwsRequest[];
  close(): Promise<void>;
}

export async function startFakeAws(scenario: FakeAwsScenario): Promise<FakeAws> {
  const caller = new FakeState(scenario);
  const states = new Map([[caller.accountId, caller]]);
  for (const member of scenario.members ?? []) states.set(member.accountId, new FakeState({ ...scenario, inventory: { ...scenario.inventory, accounts: [member], gaps: [] }, accountId: member.accountId }));
  caller.members = new Set([...states.keys()].filter((id) => id !== caller.accountId));
  const requests: FakeAwsRequest[] = [];
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        // Signed with a member's key (from `AssumeRole`): that account answers.
        const member = MEMBER_KEY.exec(/Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '')?.[1];
        const state = (member !== undefined ? states.get(member) : undefined) ?? caller;
        const { record, response } = state.handle(req, body);
        if (record) requests.push({ ...record, accountId: state.accountId, status: response.status, response: response.body });
        send(res, response);
      })
      .catch((error: unknown) => {
        send(res, { status: 500, contentType: 'text/plain', body: `fake-aws: ${String(error)}` });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive: without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** The signing name of a service given either way. */
export function signingName(service: FakeServiceName): FakeService {
  return service === 'elbv2' ? 'elasticloadbalancing' : service;
}

// ---------------------------------------------------------------- protocol

type Protocol = 'query' | 'ec2' | 'rest-xml' | 'json';

interface ServiceSpec {
  protocol: Protocol;
  version: string;
  /** The namespace of XML answers (query, EC2, REST-XML). */
  xmlns: string;
}

const SERVICES: Record<FakeService, ServiceSpec> = {
  sts: { protocol: 'query', version: '2011-06-15', xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/' },
  elasticloadbalancing: { protocol: 'query', version: '2015-12-01', xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/' },
  autoscaling: { protocol: 'query', version: '2011-01-01', xmlns: 'http://autoscaling.amazonaws.com/doc/2011-01-01/' },
  ec2: { protocol: 'ec2', version: '2016-11-15', xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/' },
  route53: { protocol: 'rest-xml', version: '2013-04-01', xmlns: 'https://route53.amazonaws.com/doc/2013-04-01/' },
  rds: { protocol: 'query', version: '2014-10-31', xmlns: 'http://rds.amazonaws.com/doc/2014-10-31/' },
  elasticache: { protocol: 'query', version: '2015-02-02', xmlns: 'http://elasticache.amazonaws.com/doc/2015-02-02/' },
  dynamodb: { protocol: 'json', version: '2012-08-10', xmlns: '' },
  iam: { protocol: 'query', version: '2010-05-08', xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/' },
};

/** Route 53 is global: signed for this region (aws partition). */
const ROUTE53_SIGNING_REGION = 'us-east-1';
const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';

/** Route 53's REST routes (GET only: ha-audit reads). */
const ROUTE53_ROUTES: { pattern: RegExp; action: string }[] = [
  { pattern: /^\/2013-04-01\/hostedzone$/, action: 'ListHostedZones' },
  { pattern: /^\/2013-04-01\/hostedzone\/([^/]+)\/rrset$/, action: 'ListResourceRecordSets' },
  { pattern: /^\/2013-04-01\/healthcheck$/, action: 'ListHealthChecks' },
];

const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthFailure', 'UnauthorizedAccess']);

interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
  requestId?: string;
  headers?: Record<string, string>;
}

/** An error the fake answers with, in the protocol of the service. */
class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface Call {
  service: FakeService;
  action: string;
  region: string;
  params: Record<string, string>;
  /** The parsed JSON body (DynamoDB); empty for the XML services. */
  input: Record<string, unknown>;
  data: RegionInventory;
}

/** What a request asks for, before it is answered. */
interface ParsedRequest {
  service: FakeService;
  action: string;
  region: string;
  params: Record<string, string>;
  input: Record<string, unknown>;
  /** A request that cannot be read (bad JSON...): answered with this error. */
  error?: AwsError;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  const headers: Record<string, string | number> = { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body), ...answer.headers };
  if (answer.requestId) headers['x-amzn-requestid'] = answer.requestId;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, ...` */
function credentialScope(req: IncomingMessage): { region: string; service: string } | undefined {
  const match = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
  return match ? { region: match[1]!, service: match[2]! } : undefined;
}

function serviceOfVersion(version: string | undefined): FakeService | undefined {
  return (Object.keys(SERVICES) as FakeService[]).find((s) => SERVICES[s].protocol !== 'rest-xml' && SERVICES[s].protocol !== 'json' && SERVICES[s].version === version);
}

/** Route 53 by its path, DynamoDB by its target header, the query services by `Version`. */
function parseRequest(req: IncomingMessage, body: string): ParsedRequest | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const scope = credentialScope(req);
  if (url.pathname.startsWith(`/${SERVICES.route53.version}/`)) {
    const params: Record<string, string> = {};
    for (const [key, value] of url.searchParams) params[key] = value;
    const route = ROUTE53_ROUTES.find((r) => r.pattern.test(url.pathname));
    const label = route?.pattern.exec(url.pathname)?.[1];
    if (label !== undefined) params.Id = decodeURIComponent(label);
    return { service: 'route53', action: route && req.method === 'GET' ? route.action : `${req.method ?? 'GET'} ${url.pathname}`, region: GLOBAL_REGION, params, input: {} };
  }
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const region = scope?.region ?? 'us-east-1';
    const action = target.startsWith(DYNAMODB_TARGET_PREFIX) ? target.slice(DYNAMODB_TARGET_PREFIX.length) : target;
    let input: Record<string, unknown> = {};
    try {
      const parsed: unknown = body === '' ? {} : JSON.parse(body);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('not an object');
      input = parsed as Record<string, unknown>;
    } catch {
      return { service: 'dynamodb', action, region, params: {}, input, error: new AwsError('SerializationException', 'Start of structure or map found where not expected.') };
    }
    const params = Object.fromEntries(Object.entries(input).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
    const error = target.startsWith(DYNAMODB_TARGET_PREFIX) ? undefined : new AwsError('UnknownOperationException', '');
    return { service: 'dynamodb', action, region, params, input, ...(error ? { error } : {}) };
  }
  const form = new URLSearchParams(req.method === 'GET' ? url.search : body);
  const params: Record<string, string> = {};
  for (const [key, value] of form) params[key] = value;
  const service = serviceOfVersion(params.Version) ?? (scope?.service as FakeService | undefined);
  if (!service || !(service in SERVICES)) return undefined;
  return { service, action: params.Action ?? '', region: scope?.region ?? 'us-east-1', params, input: {} };
}

// ---------------------------------------------------------------- XML

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<name>value</name>`, or nothing when the value is undefined. */
function t(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>children</name>`. */
function e(name: string, ...children: string[]): string {
  return `<${name}>${children.join('')}</${name}>`;
}

/** A query-protocol list: `<name><member>...</member>...</name>` (EC2: `item`; others: the schema's entry name). */
function list<T>(name: string, items: readonly T[], render: (item: T) => string, member = 'member'): string {
  return items.length === 0 ? `<${name}/>` : e(name, ...items.map((item) => e(member, render(item))));
}

function strings(name: string, items: readonly string[], member = 'member'): string {
  return list(name, items, escapeXml, member);
}

// ---------------------------------------------------------------- request parameters

/** `Prefix.1`, `Prefix.2`... (or `Prefix.1.Field`...) in index order. */
function listParam(params: Record<string, string>, prefix: string, field?: string): string[] {
  const escape = (s: string) => s.replace(/\./g, '\\.');
  const pattern = new RegExp(`^${escape(prefix)}\\.(\\d+)${field ? `\\.${escape(field)}` : ''}$`);
  return Object.entries(params)
    .flatMap(([key, value]) => {
      const match = pattern.exec(key);
      return match ? [[Number(match[1]), value] as const] : [];
    })
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value);
}

/**
 * Query filters: EC2 `Filter.N.Name` / `Filter.N.Value.M`, RDS `Filters.Filter.N.Name` /
 * `Filters.Filter.N.Values.Value.M`.
 */
function queryFilters(params: Record<string, string>, style: 'ec2' | 'rds' = 'ec2'): { name: string; values: string[] }[] {
  const prefix = style === 'ec2' ? 'Filter' : 'Filters.Filter';
  const valuePrefix = style === 'ec2' ? 'Value' : 'Values.Value';
  const indexes = new Set<number>();
  const namePattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.Name$`);
  for (const key of Object.keys(params)) {
    const match = namePattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b).map((i) => ({ name: params[`${prefix}.${i}.Name`]!, values: listParam(params, `${prefix}.${i}.${valuePrefix}`) }));
}

// ---------------------------------------------------------------- pagination

/** Opaque-token pagination of a query service (each handler names the element returning the next token). */
interface PageSpec {
  /** Request parameter carrying the token. */
  tokenParam: 'Marker' | 'NextToken';
  sizeParam: 'PageSize' | 'MaxRecords' | 'MaxResults';
  min: number;
  max: number;
  /** The service's answer to a page size out of range. */
  badSize(requested: string, spec: PageSpec): AwsError;
  /** The service's answer to a token it did not hand out. */
  badToken(token: string): AwsError;
}

const lowerFirst = (name: string) => `${name[0]!.toLowerCase()}${name.slice(1)}`;

/** The validation message of the Coral-based query services (ELBv2, Auto Scaling). */
function coralSizeError(requested: string, spec: PageSpec): AwsError {
  const bound = Number(requested) < spec.min ? `greater than or equal to ${spec.min}` : `less than or equal to ${spec.max}`;
  return new AwsError('ValidationError', `1 validation error detected: Value '${requested}' at '${lowerFirst(spec.sizeParam)}' failed to satisfy constraint: Member must have value ${bound}`);
}

const ELBV2_PAGES: PageSpec = {
  tokenParam: 'Marker',
  sizeParam: 'PageSize',
  min: 1,
  max: 400,
  badSize: coralSizeError,
  badToken: (token) => new AwsError('ValidationError', `The marker '${token}' is not valid`),
};
const ASG_PAGES: PageSpec = {
  tokenParam: 'NextToken',
  sizeParam: 'MaxRecords',
  min: 1,
  max: 100,
  badSize: coralSizeError,
  badToken: () => new AwsError('InvalidNextToken', 'The token is invalid.'),
};
const EC2_PAGES: PageSpec = {
  tokenParam: 'NextToken',
  sizeParam: 'MaxResults',
  min: 5,
  max: 1000,
  badSize: (requested, spec) => new AwsError('InvalidParameterValue', `Value ( ${requested} ) for parameter maxResults is invalid. Expecting a value between ${spec.min} and ${spec.max}.`),
  badToken: (token) => new AwsError('InvalidPaginationToken', `The pagination token '${token}' is invalid.`),
};
/** RDS and ElastiCache `MaxRecords`: 20 to 100. */
const RDS_PAGES: PageSpec = {
  tokenParam: 'Marker',
  sizeParam: 'MaxRecords',
  min: 20,
  max: 100,
  badSize: (requested, spec) => new AwsError('InvalidParameterValue', `Invalid value ${requested} for MaxRecords. Must be between ${spec.min} and ${spec.max}`),
  badToken: (token) => new AwsError('InvalidParameterValue', `Invalid marker: ${token}`),
};
const ELASTICACHE_PAGES: PageSpec = {
  ...RDS_PAGES,
  badSize: (requested, spec) => new AwsError('InvalidParameterValue', `The parameter MaxRecords must be between ${spec.min} and ${spec.max}. Value given: ${requested}`),
  badToken: () => new AwsError('InvalidParameterValue', 'Invalid pagination marker.'),
};
/** `DescribeServerlessCaches`: `MaxResults` (default 50) and `NextToken`. */
const SERVERLESS_PAGES: PageSpec = {
  tokenParam: 'NextToken',
  sizeParam: 'MaxResults',
  min: 1,
  max: 100,
  badSize: (requested, spec) => new AwsError('InvalidParameterValue', `The parameter MaxResults must be between ${spec.min} and ${spec.max}. Value given: ${requested}`),
  badToken: () => new AwsError('InvalidParameterValue', 'Invalid pagination token.'),
};

// ---------------------------------------------------------------- the fake

const EMPTY_REGION = (region: string): RegionInventory => emptyRegionInventory(region);

const CREATED = '2026-01-05T10:00:00.000Z';
/** A recent restore point, for backups. */
const LATEST_RESTORABLE = '2026-11-20T08:55:00.000Z';

/** The service's own throttling error, as it answers it on the wire. */
function throttlingError(protocol: Protocol, status: number): AwsError {
  if (protocol === 'ec2') return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', status);
  if (protocol === 'json') return new AwsError('ThrottlingException', 'Rate of requests exceeds the allowed throughput.', status);
  return new AwsError('Throttling', 'Rate exceeded', status);
}

/** The access key `AssumeRole` gives for a member account. */
const MEMBER_KEY = /^ASIAFAKE(\d{12})$/;

class FakeState {
  readonly accountId: string;
  /** The accounts whose roles this one may assume. */
  members: ReadonlySet<string> = new Set();
  readonly pageSize: number;
  readonly route53: Route53Inventory;
  /** The account's alias (`ListAccountAliases`): the inventory account's name. */
  readonly alias: string | undefined;
  readonly regions: Map<string, RegionInventory>;
  private readonly failures: FakeAwsFailure[];
  private readonly throttles: { spec: FakeAwsThrottle; seen: number }[];
  private readonly randomThrottle: number;
  /** Calls failed so far by each failure that has a `count`. */
  private readonly failed = new Map<FakeAwsFailure, number>();
  /** The seed of `random` (mulberry32). */
  private seed = 1;
  private readonly tokens = new Map<string, { key: string; offset: number }>();

  constructor(scenario: FakeAwsScenario) {
    const account = scenario.inventory.accounts[0];
    this.accountId = scenario.accountId ?? account?.accountId ?? '123456789012';
    this.pageSize = scenario.pageSize ?? 2;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${this.pageSize}`);
    this.failures = effectiveFailures(scenario);
    this.throttles = (scenario.throttle ?? []).map((spec) => ({ spec, seen: 0 }));
    this.randomThrottle = scenario.randomThrottle ?? 0;
    this.regions = new Map((account?.regions ?? []).map((r) => [r.region, r]));
    this.route53 = account?.route53 ?? emptyRoute53Inventory();
    this.alias = account?.name;
  }

  handle(req: IncomingMessage, body: string): { record?: Omit<FakeAwsRequest, 'status' | 'response' | 'accountId'>; response: HttpAnswer } {
    const parsed = parseRequest(req, body);
    if (!parsed) {
      const params = new URLSearchParams(req.method === 'GET' ? new URL(req.url ?? '/', 'http://localhost').search : body);
      const scope = credentialScope(req);
      return {
        response: queryError(new AwsError('InvalidAction', `fake-aws: no service for Version=${params.get('Version') ?? ''} and scope ${scope?.service ?? '(none)'}`)),
      };
    }
    const { service, action, region, params, input } = parsed;
    const record = { service, action, region, params };
    const spec = SERVICES[service];
    const requestId = randomUUID();
    try {
      if (parsed.error) throw parsed.error;
      this.checkAuthorization(req, service);
      this.checkThrottle(service, action, region, spec.protocol);
      this.checkFailure(service, action, region);
      const handler = HANDLERS[service][action];
      if (!handler) {
        if (spec.protocol === 'json') throw new AwsError('UnknownOperationException', '');
        if (spec.protocol === 'rest-xml') throw new AwsError('UnknownOperationException', `fake-aws: no Route 53 operation ${action}`, 404);
        throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      }
      const call: Call = { service, action, region, params, input, data: this.regions.get(region) ?? EMPTY_REGION(region) };
      return { record, response: success(spec, action, handler.call(this, call), requestId) };
    } catch (caught) {
      // A bug of the fake answers 400 `FakeAwsBug` (not retried, unlike a 500), and the scan
      // shows it as a gap with that code.
      const error = caught instanceof AwsError ? caught : new AwsError('FakeAwsBug', caught instanceof Error ? (caught.stack ?? caught.message) : String(caught));
      return { record, response: errorAnswer(spec, error, requestId) };
    }
  }

  /** A signed request, for the service called (and, for Route 53, for us-east-1): else AWS refuses it before anything else. */
  private checkAuthorization(req: IncomingMessage, service: FakeService): void {
    const protocol = SERVICES[service].protocol;
    const scope = credentialScope(req);
    if (!req.headers.authorization || !scope) {
      if (protocol === 'json') throw new AwsError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
      throw new AwsError(protocol === 'ec2' ? 'AuthFailure' : 'MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    }
    const status = protocol === 'json' ? 400 : 403;
    const code = protocol === 'json' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch';
    if (scope.service !== service) throw new AwsError(code, `Credential should be scoped to correct service: '${service}'. `, status);
    if (service === 'route53' && scope.region !== ROUTE53_SIGNING_REGION) throw new AwsError(code, `Credential should be scoped to a valid region, not '${scope.region}'. `, status);
  }

  private checkThrottle(service: FakeService, action: string, region: string, protocol: Protocol): void {
    for (const throttle of this.throttles) {
      const { spec } = throttle;
      if (signingName(spec.service) !== service || spec.action !== action || (spec.region !== undefined && spec.region !== region)) continue;
      if (throttle.seen >= spec.count) continue;
      throttle.seen += 1;
      throw throttlingError(protocol, spec.status ?? 400);
    }
    if (this.randomThrottle > 0 && this.random() < this.randomThrottle) throw throttlingError(protocol, 400);
  }

  /** A number in [0, 1) from a seeded sequence (mulberry32). */
  private random(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = Math.imul(this.seed ^ (this.seed >>> 15), 1 | this.seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private checkFailure(service: FakeService, action: string, region: string): void {
    const failure = matchFailure(this.failures, service, action, region, (f) => f.count === undefined || (this.failed.get(f) ?? 0) < f.count);
    if (failure) this.failed.set(failure, (this.failed.get(failure) ?? 0) + 1);
    if (failure) throw new AwsError(failure.code, failureMessage(failure, this.accountId, service, action), failureStatus(failure, service));
  }

  /** One page of `items`, with an opaque token bound to the call's other parameters. */
  page<T>(call: Call, items: readonly T[], spec: PageSpec): { items: T[]; next: string | undefined } {
    const requested = call.params[spec.sizeParam];
    let size = this.pageSize;
    if (requested !== undefined) {
      const n = Number(requested);
      if (!Number.isInteger(n) || n < spec.min || n > spec.max) throw spec.badSize(requested, spec);
      size = Math.min(n, this.pageSize);
    }
    const rest = Object.entries(call.params)
      .filter(([key]) => key !== spec.tokenParam && key !== spec.sizeParam)
      .sort(([a], [b]) => a.localeCompare(b));
    const key = `${call.service}/${call.region}/${JSON.stringify(rest)}`;
    let offset = 0;
    const token = call.params[spec.tokenParam];
    if (token !== undefined && token !== '') {
      const saved = this.tokens.get(token);
      if (!saved || saved.key !== key) throw spec.badToken(token);
      offset = saved.offset;
    }
    const pageItems = items.slice(offset, offset + size);
    let next: string | undefined;
    if (offset + size < items.length) {
      next = randomBytes(18).toString('base64');
      this.tokens.set(next, { key, offset: offset + size });
    }
    return { items: pageItems, next };
  }

  /**
   * Route 53's `maxitems`: a positive integer, silently capped at the operation's maximum (and
   * at the fake's page size); `fallback` when absent.
   */
  route53PageSize(call: Call, fallback: number): number {
    const requested = call.params.maxitems;
    if (requested === undefined) return Math.min(fallback, this.pageSize);
    const n = Number(requested);
    if (!/^\d+$/.test(requested) || n < 1) throw new AwsError('InvalidInput', `1 validation error detected: Value '${requested}' at 'maxItems' failed to satisfy constraint: Member must be a positive integer`);
    return Math.min(n, fallback, this.pageSize);
  }
}

function effectiveFailures(scenario: FakeAwsScenario): FakeAwsFailure[] {
  const explicit = scenario.failures ?? [];
  if (scenario.gapsAsFailures === false) return explicit;
  const accountId = scenario.inventory.accounts[0]?.accountId;
  const fromGaps = scenario.inventory.gaps
    .filter((g) => g.accountId === accountId && g.service !== 'sts')
    .map(
      (g): FakeAwsFailure => ({
        service: g.service === 'elbv2' ? 'elasticloadbalancing' : (g.service as FakeService),
        action: g.operation,
        region: g.region,
        code: g.code,
        message: g.message,
      }),
    );
  return [...explicit, ...fromGaps];
}

function matchFailure(failures: readonly FakeAwsFailure[], service: FakeService, action: string, region: string, active: (failure: FakeAwsFailure) => boolean = () => true): FakeAwsFailure | undefined {
  return failures.find((f) => signingName(f.service) === service && f.action === action && (f.region === undefined || f.region === region) && active(f));
}

function failureMessage(failure: FakeAwsFailure, accountId: string, service: FakeService, action: string): string {
  if (failure.message !== undefined) return failure.message;
  const denial = `User: arn:aws:iam::${accountId}:user/ha-audit is not authorized to perform: ${service}:${action} because no identity-based policy allows the ${service}:${action} action`;
  if (failure.code === 'UnauthorizedOperation') return `You are not authorized to perform this operation. ${denial}`;
  if (DENIED_CODES.has(failure.code)) return denial;
  return `fake-aws: ${failure.code} on ${service}:${action}`;
}

function failureStatus(failure: FakeAwsFailure, service: FakeService): number {
  if (failure.status !== undefined) return failure.status;
  if (SERVICES[service].protocol === 'json') return 400;
  return DENIED_CODES.has(failure.code) ? 403 : 400;
}

/** The body of a successful answer, in the protocol of the service. */
function success(spec: ServiceSpec, action: string, inner: string, requestId: string): HttpAnswer {
  switch (spec.protocol) {
    case 'ec2':
      return {
        status: 200,
        contentType: 'text/xml;charset=UTF-8',
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${spec.xmlns}">${t('requestId', requestId)}${inner}</${action}Response>`,
        requestId,
      };
    case 'rest-xml':
      return { status: 200, contentType: 'text/xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${spec.xmlns}">${inner}</${action}Response>`, requestId };
    case 'json':
      return jsonAnswer(200, inner, requestId);
    case 'query':
      return {
        status: 200,
        contentType: 'text/xml',
        body: `<${action}Response xmlns="${spec.xmlns}">${e(`${action}Result`, inner)}${e('ResponseMetadata', t('RequestId', requestId))}</${action}Response>`,
        requestId,
      };
  }
}

function errorAnswer(spec: ServiceSpec, error: AwsError, requestId: string): HttpAnswer {
  switch (spec.protocol) {
    case 'ec2':
      return ec2Error(error, requestId);
    case 'rest-xml': {
      const answer = queryError(error, requestId, spec.xmlns);
      return { ...answer, body: `<?xml version="1.0" encoding="UTF-8"?>\n${answer.body}` };
    }
    case 'json':
      return jsonError(error, requestId);
    case 'query':
      return queryError(error, requestId, spec.xmlns);
  }
}

function queryError(error: AwsError, requestId: string = randomUUID(), xmlns?: string): HttpAnswer {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const open = xmlns ? `<ErrorResponse xmlns="${xmlns}">` : '<ErrorResponse>';
  const body = `${open}${e('Error', t('Type', type), t('Code', error.code), t('Message', error.message))}${t('RequestId', requestId)}</ErrorResponse>`;
  return { status: error.status, contentType: 'text/xml', body, requestId };
}

function ec2Error(error: AwsError, requestId: string): HttpAnswer {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${e('Errors', e('Error', t('Code', error.code), t('Message', error.message)))}${t('RequestID', requestId)}</Response>`;
  return { status: error.status, contentType: 'text/xml;charset=UTF-8', body, requestId };
}

/** DynamoDB answers carry a CRC32 of the body, which SDKs may check. */
function jsonAnswer(status: number, body: string, requestId: string): HttpAnswer {
  return { status, contentType: 'application/x-amz-json-1.0', body, requestId, headers: { 'x-amz-crc32': String(crc32(body)) } };
}

/**
 * The namespace of a DynamoDB error's `__type`: the Coral framework's own errors
 * (authentication, validation, throttling) are not DynamoDB's. `AccessDeniedException` spells
 * its message `Message`, the others `message`.
 */
function jsonError(error: AwsError, requestId: string): HttpAnswer {
  const coral: Record<string, string> = {
    AccessDeniedException: 'com.amazon.coral.service',
    UnrecognizedClientException: 'com.amazon.coral.service',
    MissingAuthenticationTokenException: 'com.amazon.coral.service',
    InvalidSignatureException: 'com.amazon.coral.service',
    IncompleteSignatureException: 'com.amazon.coral.service',
    ExpiredTokenException: 'com.amazon.coral.service',
    SerializationException: 'com.amazon.coral.service',
    UnknownOperationException: 'com.amazon.coral.service',
    ValidationException: 'com.amazon.coral.validate',
    ThrottlingException: 'com.amazon.coral.availability',
  };
  const type = `${coral[error.code] ?? 'com.amazonaws.dynamodb.v20120810'}#${error.code}`;
  const body = error.code === 'UnknownOperationException' ? { __type: type } : { __type: type, [error.code === 'AccessDeniedException' ? 'Message' : 'message']: error.message };
  return jsonAnswer(error.status, JSON.stringify(body), requestId);
}

// ---------------------------------------------------------------- handlers

/** The XML inside the `<ActionResponse>` (query: inside `<ActionResult>`), or the JSON body. */
type Handler = (this: FakeState, call: Call) => string;

const HANDLERS: Record<FakeService, Record<string, Handler>> = {
  sts: {
    GetCallerIdentity() {
      return t('Arn', `arn:aws:iam::${this.accountId}:user/ha-audit`) + t('UserId', 'AIDAFAKEAWSHAAUDIT01') + t('Account', this.accountId);
    },
    AssumeRole(call) {
      const roleArn = required(call, 'RoleArn');
      const session = required(call, 'RoleSessionName');
      const member = /^arn:aws:iam::(\d{12}):role\/([\w+=,.@-]+)$/.exec(roleArn);
      if (!member || !this.members.has(member[1]!)) {
        throw new AwsError('AccessDenied', `User: arn:aws:iam::${this.accountId}:user/ha-audit is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
      }
      const expiration = new Date(Date.now() + 3_600_000).toISOString();
      return (
        e('Credentials', t('AccessKeyId', `ASIAFAKE${member[1]}`) + t('SecretAccessKey', 'fakeSecretOfTheAssumedRole') + t('SessionToken', 'fakeSessionToken') + t('Expiration', expiration)) +
        e('AssumedRoleUser', t('AssumedRoleId', `AROAFAKE:${session}`) + t('Arn', `arn:aws:sts::${member[1]}:assumed-role/${member[2]}/${session}`))
      );
    },
  },

  iam: {
    // The account's alias: the inventory's account name, if any (an account has at most one).
    ListAccountAliases() {
      return strings('AccountAliases', this.alias === undefined ? [] : [this.alias]) + t('IsTruncated', false);
    },
  },

  elasticloadbalancing: {
    DescribeLoadBalancers(call) {
      const all = call.data.elbv2.loadBalancers;
      const arns = listParam(call.params, 'LoadBalancerArns.member');
      const names = listParam(call.params, 'Names.member');
      let selected = all;
      if (arns.length > 0) selected = arns.map((arn) => all.find((lb) => lb.arn === arn) ?? notFound('LoadBalancerNotFound', `Load balancer '${arn}' not found`));
      else if (names.length > 0) selected = names.map((name) => all.find((lb) => lb.name === name) ?? notFound('LoadBalancerNotFound', `Load balancers '[${name}]' not found`));
      const page = this.page(call, selected, ELBV2_PAGES);
      return list('LoadBalancers', page.items, (lb) => loadBalancerXml(lb)) + t('NextMarker', page.next);
    },

    DescribeLoadBalancerAttributes(call) {
      const lb = findLoadBalancer(call, required(call, 'LoadBalancerArn'));
      return keyValues('Attributes', lb.attributes);
    },

    DescribeListeners(call) {
      const lbArn = call.params.LoadBalancerArn;
      const listenerArns = listParam(call.params, 'ListenerArns.member');
      let listeners: { lb: LoadBalancer; listener: LoadBalancer['listeners'][number] }[];
      if (lbArn) {
        const lb = findLoadBalancer(call, lbArn);
        listeners = lb.listeners.map((listener) => ({ lb, listener }));
      } else if (listenerArns.length > 0) {
        listeners = listenerArns.map((arn) => findListener(call, arn));
      } else {
        throw new AwsError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
      }
      const page = this.page(call, listeners, ELBV2_PAGES);
      return (
        list('Listeners', page.items, ({ lb, listener }) =>
          [
            t('ListenerArn', listener.arn),
            t('LoadBalancerArn', lb.arn),
            t('Port', listener.port),
            t('Protocol', listener.protocol),
            listener.protocol === 'HTTPS' || listener.protocol === 'TLS' ? t('SslPolicy', 'ELBSecurityPolicy-TLS13-1-2-2021-06') : '',
            actionsXml('DefaultActions', listener.defaultActions),
          ].join(''),
        ) + t('NextMarker', page.next)
      );
    },

    DescribeRules(call) {
      const listenerArn = call.params.ListenerArn;
      const ruleArns = listParam(call.params, 'RuleArns.member');
      let rules: WireRule[];
      if (listenerArn) {
        rules = rulesOf(findListener(call, listenerArn).listener);
      } else if (ruleArns.length > 0) {
        const every = call.data.elbv2.loadBalancers.flatMap((lb) => lb.listeners.flatMap(rulesOf));
        rules = ruleArns.map((arn) => every.find((r) => r.arn === arn) ?? notFound('RuleNotFound', 'One or more rules not found'));
      } else {
        throw new AwsError('ValidationError', 'You must specify either listener or rule ARNs');
      }
      const page = this.page(call, rules, ELBV2_PAGES);
      return list('Rules', page.items, ruleXml) + t('NextMarker', page.next);
    },

    DescribeTargetGroups(call) {
      const all = call.data.elbv2.targetGroups;
      const lbArn = call.params.LoadBalancerArn;
      const arns = listParam(call.params, 'TargetGroupArns.member');
      const names = listParam(call.params, 'Names.member');
      let selected = all;
      if (lbArn) {
        findLoadBalancer(call, lbArn);
        selected = all.filter((tg) => tg.loadBalancerArns.includes(lbArn));
      } else if (arns.length > 0) {
        selected = arns.map((arn) => all.find((tg) => tg.arn === arn) ?? notFound('TargetGroupNotFound', 'One or more target groups not found'));
      } else if (names.length > 0) {
        selected = names.map((name) => all.find((tg) => tg.name === name) ?? notFound('TargetGroupNotFound', `Target groups '[${name}]' not found`));
      }
      const page = this.page(call, selected, ELBV2_PAGES);
      return list('TargetGroups', page.items, targetGroupXml) + t('NextMarker', page.next);
    },

    DescribeTargetGroupAttributes(call) {
      return keyValues('Attributes', findTargetGroup(call, required(call, 'TargetGroupArn')).attributes);
    },

    DescribeTargetHealth(call) {
      const tg = findTargetGroup(call, required(call, 'TargetGroupArn'));
      const ids = listParam(call.params, 'Targets.member', 'Id');
      const targets = ids.length > 0 ? tg.targets.filter((target) => ids.includes(target.id)) : tg.targets;
      return list('TargetHealthDescriptions', targets, (target) =>
        [
          e('Target', t('Id', target.id), t('Port', target.port), t('AvailabilityZone', target.availabilityZone)),
          t('HealthCheckPort', tg.healthCheck.port === 'traffic-port' || tg.healthCheck.port === undefined ? target.port : tg.healthCheck.port),
          e('TargetHealth', t('State', target.state), t('Reason', target.reason), t('Description', target.reason ? describeReason(target.reason) : undefined)),
        ].join(''),
      );
    },

    DescribeTags(call) {
      const arns = listParam(call.params, 'ResourceArns.member');
      if (arns.length === 0) throw new AwsError('ValidationError', "1 validation error detected: Value null at 'resourceArns' failed to satisfy constraint: Member must not be null");
      if (arns.length > 20) {
        throw new AwsError('ValidationError', `1 validation error detected: Value '[${arns.join(', ')}]' at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20`);
      }
      return list('TagDescriptions', arns, (arn) => {
        const resource: { tags: Record<string, string> } =
          call.data.elbv2.loadBalancers.find((lb) => lb.arn === arn) ??
          call.data.elbv2.targetGroups.find((tg) => tg.arn === arn) ??
          (arn.includes(':targetgroup/') ? notFound('TargetGroupNotFound', 'One or more target groups not found') : notFound('LoadBalancerNotFound', 'One or more load balancers not found'));
        return t('ResourceArn', arn) + keyValues('Tags', resource.tags);
      });
    },
  },

  autoscaling: {
    DescribeAutoScalingGroups(call) {
      const all = call.data.autoscaling.groups;
      const names = listParam(call.params, 'AutoScalingGroupNames.member');
      // Unknown names are ignored, as the real API does.
      const selected = names.length > 0 ? all.filter((g) => names.includes(g.name)) : all;
      const page = this.page(call, selected, ASG_PAGES);
      return list('AutoScalingGroups', page.items, (g) => autoScalingGroupXml(g, call.region, this.accountId)) + t('NextToken', page.next);
    },

    DescribePolicies(call) {
      const groupName = call.params.AutoScalingGroupName;
      const names = listParam(call.params, 'PolicyNames.member');
      const types = listParam(call.params, 'PolicyTypes.member');
      const policies = call.data.autoscaling.groups
        .filter((g) => groupName === undefined || g.name === groupName)
        .flatMap((group) => group.scalingPolicies.map((policy) => ({ group, policy })))
        .filter(({ policy }) => (names.length === 0 || names.includes(policy.name)) && (types.length === 0 || types.includes(policy.type)));
      const page = this.page(call, policies, ASG_PAGES);
      return (
        list('ScalingPolicies', page.items, ({ group, policy }) => {
          const arn = `arn:aws:autoscaling:${call.region}:${this.accountId}:scalingPolicy:${fakeUuid(group.name + policy.name)}:autoScalingGroupName/${group.name}:policyName/${policy.name}`;
          return [
            t('AutoScalingGroupName', group.name),
            t('PolicyName', policy.name),
            t('PolicyARN', arn),
            t('PolicyType', policy.type),
            policyDetailsXml(policy.type, policy.predictiveMode),
            list('Alarms', policy.alarms ?? [], (name) => t('AlarmName', name) + t('AlarmARN', `arn:aws:cloudwatch:${call.region}:${this.accountId}:alarm:${name}`)),
            t('Enabled', policy.enabled),
          ].join('');
        }) + t('NextToken', page.next)
      );
    },
  },

  ec2: {
    DescribeInstances(call) {
      const ids = listParam(call.params, 'InstanceId');
      if (ids.length > 0 && call.params.MaxResults !== undefined) {
        throw new AwsError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
      }
      const filters = queryFilters(call.params);
      checkFilterValues(filters);
      let instances = call.data.ec2.instances;
      for (const id of ids) if (!instances.some((i) => i.id === id)) throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
      if (ids.length > 0) instances = instances.filter((i) => ids.includes(i.id));
      instances = applyFilters(instances, filters, {
        'instance-id': (i) => i.id,
        'availability-zone': (i) => i.availabilityZone,
        'instance-state-name': (i) => i.state,
      });
      const page = this.page(call, instances, EC2_PAGES);
      // One reservation per instance: as launched one at a time.
      return (
        list(
          'reservationSet',
          page.items,
          (instance) =>
            t('reservationId', `r-${fakeHex(instance.id, 17)}`) +
            t('ownerId', this.accountId) +
            '<groupSet/>' +
            list('instancesSet', [instance], (i) => instanceXml(i, call.region), 'item'),
          'item',
        ) + t('nextToken', page.next)
      );
    },

    DescribeSubnets(call) {
      const ids = listParam(call.params, 'SubnetId');
      const filters = queryFilters(call.params);
      checkFilterValues(filters);
      let subnets = call.data.ec2.subnets;
      for (const id of ids) if (!subnets.some((s) => s.id === id)) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
      if (ids.length > 0) subnets = subnets.filter((s) => ids.includes(s.id));
      subnets = applyFilters(subnets, filters, {
        'subnet-id': (s) => s.id,
        'vpc-id': (s) => s.vpcId,
        'availability-zone': (s) => s.availabilityZone,
      });
      const page = this.page(call, subnets, EC2_PAGES);
      return list('subnetSet', page.items, (s) => subnetXml(s, call.region, this.accountId), 'item') + t('nextToken', page.next);
    },

    DescribeAvailabilityZones(call) {
      return list(
        'availabilityZoneInfo',
        fakeZones(call.data),
        (z) =>
          [
            t('zoneName', z.zoneName),
            t('zoneState', 'available'),
            t('regionName', call.region),
            '<messageSet/>',
            t('zoneId', z.zoneId),
            t('groupName', call.region),
            t('networkBorderGroup', call.region),
            t('zoneType', 'availability-zone'),
            t('optInStatus', 'opt-in-not-required'),
          ].join(''),
        'item',
      );
    },
  },

  route53: {
    ListHostedZones(call) {
      const size = this.route53PageSize(call, 100);
      const page = markerPage(this.route53.hostedZones, (zone) => zone.id, call.params.marker, size);
      return (
        list('HostedZones', page.items, hostedZoneXml, 'HostedZone') +
        t('Marker', call.params.marker) +
        t('IsTruncated', page.next !== undefined) +
        t('NextMarker', page.next?.id) +
        t('MaxItems', size)
      );
    },

    ListResourceRecordSets(call) {
      const zone = this.route53.hostedZones.find((z) => z.id === call.params.Id) ?? notFound('NoSuchHostedZone', `No hosted zone found with ID: ${call.params.Id ?? ''}`, 404);
      const { name, type, identifier } = call.params;
      if (type !== undefined && name === undefined) throw new AwsError('InvalidInput', 'The input is not valid: a type requires a name (StartRecordType requires StartRecordName)');
      if (identifier !== undefined && type === undefined) throw new AwsError('InvalidInput', 'The input is not valid: an identifier requires a type (StartRecordIdentifier requires StartRecordType)');
      const size = this.route53PageSize(call, 300);
      const records = route53Order(zone.records);
      let start = 0;
      if (name !== undefined) {
        const from = { name: decodeRoute53Name(name), type: type ?? '', setIdentifier: identifier ?? '' };
        start = records.findIndex((record) => compareRecords(record, from) >= 0);
        if (start < 0) start = records.length;
      }
      const items = records.slice(start, start + size);
      const next = records[start + size];
      return (
        list('ResourceRecordSets', items, recordXml, 'ResourceRecordSet') +
        t('IsTruncated', next !== undefined) +
        t('NextRecordName', next ? encodeRoute53Name(next.name) : undefined) +
        t('NextRecordType', next?.type) +
        t('NextRecordIdentifier', next?.setIdentifier) +
        t('MaxItems', size)
      );
    },

    ListHealthChecks(call) {
      const size = this.route53PageSize(call, 1000);
      const page = markerPage(this.route53.healthChecks, (check) => check.id, call.params.marker, size);
      return (
        list('HealthChecks', page.items, healthCheckXml, 'HealthCheck') +
        t('Marker', call.params.marker) +
        t('IsTruncated', page.next !== undefined) +
        t('NextMarker', page.next?.id) +
        t('MaxItems', size)
      );
    },
  },

  rds: {
    DescribeDBInstances(call) {
      const id = call.params.DBInstanceIdentifier;
      let instances = call.data.rds.instances;
      if (id) {
        instances = instances.filter((i) => i.id === id || i.arn === id);
        if (instances.length === 0) throw new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
      }
      instances = applyFilters(instances, queryFilters(call.params, 'rds'), {
        'db-instance-id': (i) => [i.id, i.arn],
        'db-cluster-id': (i) => [i.clusterId, call.data.rds.clusters.find((c) => c.id === i.clusterId)?.arn],
        engine: (i) => i.engine,
      });
      const page = this.page(call, instances, RDS_PAGES);
      return t('Marker', page.next) + list('DBInstances', page.items, (i) => dbInstanceXml(i, call.region, this), 'DBInstance');
    },

    DescribeDBClusters(call) {
      const id = call.params.DBClusterIdentifier;
      let clusters = call.data.rds.clusters;
      if (id) {
        clusters = clusters.filter((c) => c.id === id || c.arn === id);
        if (clusters.length === 0) throw new AwsError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
      }
      clusters = applyFilters(clusters, queryFilters(call.params, 'rds'), {
        'db-cluster-id': (c) => [c.id, c.arn],
        engine: (c) => c.engine,
      });
      const page = this.page(call, clusters, RDS_PAGES);
      return t('Marker', page.next) + list('DBClusters', page.items, (c) => dbClusterXml(c, call.region, this), 'DBCluster');
    },
  },

  elasticache: {
    DescribeReplicationGroups(call) {
      const id = call.params.ReplicationGroupId;
      let groups = call.data.elasticache.replicationGroups;
      if (id) {
        groups = groups.filter((g) => g.id === id);
        if (groups.length === 0) throw new AwsError('ReplicationGroupNotFoundFault', `ReplicationGroup ${id} not found.`, 404);
      }
      const page = this.page(call, groups, ELASTICACHE_PAGES);
      return t('Marker', page.next) + list('ReplicationGroups', page.items, (g) => replicationGroupXml(g, call.region), 'ReplicationGroup');
    },

    DescribeCacheClusters(call) {
      const id = call.params.CacheClusterId;
      let clusters = call.data.elasticache.cacheClusters;
      if (id) {
        clusters = clusters.filter((c) => c.id === id);
        if (clusters.length === 0) throw new AwsError('CacheClusterNotFound', `CacheCluster not found: ${id}`, 404);
      }
      if (call.params.ShowCacheClustersNotInReplicationGroups === 'true') clusters = clusters.filter((c) => c.replicationGroupId === undefined);
      const showNodes = call.params.ShowCacheNodeInfo === 'true';
      const page = this.page(call, clusters, ELASTICACHE_PAGES);
      return t('Marker', page.next) + list('CacheClusters', page.items, (c) => cacheClusterXml(c, call.region, showNodes), 'CacheCluster');
    },

    DescribeServerlessCaches(call) {
      const name = call.params.ServerlessCacheName;
      let caches = call.data.elasticache.serverlessCaches;
      if (name) {
        caches = caches.filter((c) => c.name === name);
        if (caches.length === 0) throw new AwsError('ServerlessCacheNotFoundFault', `Serverless cache ${name} not found.`, 404);
      }
      const page = this.page(call, caches, SERVERLESS_PAGES);
      return t('NextToken', page.next) + list('ServerlessCaches', page.items, (c) => serverlessCacheXml(c, call.region, call.data));
    },
  },

  dynamodb: {
    ListTables(call) {
      const limit = call.input.Limit;
      if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100)) {
        const bound = typeof limit === 'number' && limit > 100 ? 'less than or equal to 100' : 'greater than or equal to 1';
        throw new AwsError('ValidationException', `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value ${bound}`);
      }
      const start = call.input.ExclusiveStartTableName;
      if (start !== undefined && typeof start !== 'string') throw new AwsError('SerializationException', 'Unexpected value type in payload');
      // In name order (DynamoDB compares the UTF-8 bytes; table names are ASCII).
      const names = dynamoDbOrder(call.data.dynamodb.tables).map((table) => table.name);
      let from = start === undefined ? 0 : names.findIndex((n) => n > start);
      if (from < 0) from = names.length;
      const size = Math.min(limit ?? 100, this.pageSize);
      const page = names.slice(from, from + size);
      const more = from + size < names.length;
      return JSON.stringify({ ...(more ? { LastEvaluatedTableName: page[page.length - 1] } : {}), TableNames: page });
    },

    DescribeTable(call) {
      const table = findTable(call, 'ResourceNotFoundException', (name) => `Requested resource not found: Table: ${name} not found`);
      return JSON.stringify({ Table: tableJson(table, call.region, this.accountId) });
    },

    DescribeContinuousBackups(call) {
      const table = findTable(call, 'TableNotFoundException', (name) => `Table not found: ${name}`);
      const enabled = table.pointInTimeRecovery === 'ENABLED';
      return JSON.stringify({
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: {
            PointInTimeRecoveryStatus: table.pointInTimeRecovery,
            ...(enabled
              ? {
                  ...(table.recoveryPeriodInDays === undefined ? {} : { RecoveryPeriodInDays: table.recoveryPeriodInDays }),
                  EarliestRestorableDateTime: epochSeconds(CREATED),
                  LatestRestorableDateTime: epochSeconds(LATEST_RESTORABLE),
                }
              : {}),
          },
        },
      });
    },
  },
};

function notFound(code: string, message: string, status = 400): never {
  throw new AwsError(code, message, status);
}

/** Route 53's `marker` pagination: the marker is the id of the first item of the page. */
function markerPage<T>(items: readonly T[], idOf: (item: T) => string, marker: string | undefined, size: number): { items: T[]; next: T | undefined } {
  let start = 0;
  if (marker !== undefined && marker !== '') {
    start = items.findIndex((item) => idOf(item) === marker);
    if (start < 0) throw new AwsError('InvalidInput', `The marker '${marker}' is not valid`);
  }
  return { items: items.slice(start, start + size), next: items[start + size] };
}

function findTable(call: Call, code: string, message: (name: string) => string): DynamoDbTable {
  const name = call.input.TableName;
  if (typeof name !== 'string' || name === '') {
    throw new AwsError('ValidationException', "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  }
  return call.data.dynamodb.tables.find((table) => table.name === name || table.arn === name) ?? notFound(code, message(name));
}

function required(call: Call, name: string): string {
  const value = call.params[name];
  if (!value) throw new AwsError('ValidationError', `1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function findLoadBalancer(call: Call, arn: string): LoadBalancer {
  return call.data.elbv2.loadBalancers.find((lb) => lb.arn === arn) ?? notFound('LoadBalancerNotFound', `Load balancer '${arn}' not found`);
}

function findListener(call: Call, arn: string): { lb: LoadBalancer; listener: LoadBalancer['listeners'][number] } {
  for (const lb of call.data.elbv2.loadBalancers) {
    const listener = lb.listeners.find((l) => l.arn === arn);
    if (listener) return { lb, listener };
  }
  return notFound('ListenerNotFound', `Listener '${arn}' not found`);
}

function findTargetGroup(call: Call, arn: string): TargetGroup {
  return call.data.elbv2.targetGroups.find((tg) => tg.arn === arn) ?? notFound('TargetGroupNotFound', `Target groups '${arn}' not found`);
}

function checkFilterValues(filters: { values: string[] }[]): void {
  const count = filters.reduce((n, f) => n + f.values.length, 0);
  if (count > 200) throw new AwsError('FilterLimitExceeded', 'The maximum number of filter values specified on a single call is 200');
}

/** An item passes a filter when one of its values for the filter's field is among the filter's values. */
function applyFilters<T>(
  items: readonly T[],
  filters: { name: string; values: string[] }[],
  fields: Record<string, (item: T) => string | undefined | readonly (string | undefined)[]>,
): T[] {
  let result = [...items];
  for (const filter of filters) {
    const field = fields[filter.name];
    if (!field) throw new AwsError('InvalidParameterValue', `The filter '${filter.name}' is invalid (fake-aws knows ${Object.keys(fields).join(', ')})`);
    result = result.filter((item) => {
      const value = field(item);
      const values = typeof value === 'string' || value === undefined ? [value] : value;
      return values.some((v) => filter.values.includes(v ?? ''));
    });
  }
  return result;
}

/** Deterministic hex from a string (resource ids the inventory does not carry). */
function fakeHex(seed: string, length: number): string {
  let h = 2166136261;
  let out = '';
  while (out.length < length) {
    for (const ch of seed + out.length) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function fakeUuid(seed: string): string {
  const h = fakeHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------- ELBv2 shapes

function keyValues(name: string, values: Record<string, string>): string {
  return list(name, Object.entries(values), ([key, value]) => t('Key', key) + t('Value', value));
}

/** The Route 53 zone of load balancers (`CanonicalHostedZoneId`, alias targets) by region; us-east-1's elsewhere. */
const ELB_HOSTED_ZONES: Record<string, { application: string; network: string }> = {
  'us-east-1': { application: 'Z35SXDOTRQ7X7K', network: 'Z26RNL4JYFTOTI' },
  'eu-west-1': { application: 'Z32O12XQLNTSW2', network: 'Z2IFOLAFXWLO4F' },
};

export function elbHostedZoneId(region: string, type: LoadBalancer['type']): string {
  const zones = ELB_HOSTED_ZONES[region] ?? ELB_HOSTED_ZONES['us-east-1']!;
  return type === 'network' ? zones.network : zones.application;
}

/** `LoadBalancer`: LoadBalancerArn, DNSName, CanonicalHostedZoneId, CreatedTime, LoadBalancerName, Scheme, VpcId, State, Type, AvailabilityZones, SecurityGroups, IpAddressType. */
function loadBalancerXml(lb: LoadBalancer): string {
  return [
    t('LoadBalancerArn', lb.arn),
    t('DNSName', lb.dnsName),
    t('CanonicalHostedZoneId', lb.canonicalHostedZoneId ?? elbHostedZoneId(lb.arn.split(':')[3] ?? '', lb.type)),
    t('CreatedTime', CREATED),
    t('LoadBalancerName', lb.name),
    t('Scheme', lb.scheme),
    t('VpcId', lb.vpcId),
    lb.state === undefined ? '' : e('State', t('Code', lb.state)),
    t('Type', lb.type),
    list('AvailabilityZones', lb.availabilityZones, (z) =>
      [
        t('ZoneName', z.zoneName),
        t('SubnetId', z.subnetId),
        list('LoadBalancerAddresses', z.addresses ?? [], (a) => t('IpAddress', a.ipAddress) + t('AllocationId', a.allocationId) + t('PrivateIPv4Address', a.privateIPv4Address) + t('IPv6Address', a.ipv6Address)),
      ].join(''),
    ),
    lb.type === 'application' ? strings('SecurityGroups', [`sg-${fakeHex(lb.arn, 17)}`]) : '',
    t('IpAddressType', 'ipv4'),
  ].join('');
}

/**
 * `Action`: Type, TargetGroupArn (a single group only), ForwardConfig (every group, weight 1),
 * Order. As the real API does, a forward to one group carries both `TargetGroupArn` and
 * `ForwardConfig`; a weighted forward only `ForwardConfig`.
 */
function actionsXml(name: string, actions: readonly ListenerAction[]): string {
  return list(name, actions, (action) => {
    const arns = action.targetGroupArns;
    const weights = action.forwardWeights ?? arns.map((targetGroupArn) => ({ targetGroupArn, weight: 1 }));
    return [
      t('Type', action.type),
      weights.length === 1 ? t('TargetGroupArn', weights[0]!.targetGroupArn) : '',
      action.type === 'redirect' ? e('RedirectConfig', t('Protocol', 'HTTPS'), t('Port', '443'), t('Host', '#{host}'), t('Path', '/#{path}'), t('Query', '#{query}'), t('StatusCode', 'HTTP_301')) : '',
      action.type === 'fixed-response' ? e('FixedResponseConfig', t('MessageBody', 'Not Found'), t('StatusCode', '404'), t('ContentType', 'text/plain')) : '',
      arns.length > 0
        ? e(
            'ForwardConfig',
            list('TargetGroups', weights, (w) => t('TargetGroupArn', w.targetGroupArn) + t('Weight', w.weight)),
            e('TargetGroupStickinessConfig', t('Enabled', false)),
          )
        : '',
      t('Order', actions.indexOf(action) + 1),
    ].join('');
  });
}

interface WireRule {
  arn: string;
  priority: string;
  isDefault: boolean;
  actions: ListenerAction[];
}

/** The inventory's (non-default) rules, then the default rule carrying the default actions. */
function rulesOf(listener: LoadBalancer['listeners'][number]): WireRule[] {
  const defaultArn = `${listener.arn.replace(':listener/', ':listener-rule/')}/${fakeHex(listener.arn + '/default', 16)}`;
  return [
    ...listener.rules.map((rule) => ({ arn: rule.arn, priority: rule.priority, isDefault: false, actions: rule.actions })),
    { arn: defaultArn, priority: 'default', isDefault: true, actions: listener.defaultActions },
  ];
}

/** `Rule`: RuleArn, Priority, Conditions, Actions, IsDefault. */
function ruleXml(rule: WireRule): string {
  const path = `/rule-${rule.priority}/*`;
  return [
    t('RuleArn', rule.arn),
    t('Priority', rule.priority),
    rule.isDefault
      ? '<Conditions/>'
      : list('Conditions', [path], (p) => t('Field', 'path-pattern') + strings('Values', [p]) + e('PathPatternConfig', strings('Values', [p]))),
    actionsXml('Actions', rule.actions),
    t('IsDefault', rule.isDefault),
  ].join('');
}

/** `TargetGroup`, in the order of the SDK schema. */
function targetGroupXml(tg: TargetGroup): string {
  const hc = tg.healthCheck;
  const http = tg.protocol === 'HTTP' || tg.protocol === 'HTTPS';
  return [
    t('TargetGroupArn', tg.arn),
    t('TargetGroupName', tg.name),
    t('Protocol', tg.protocol),
    t('Port', tg.port),
    t('VpcId', tg.vpcId),
    t('HealthCheckProtocol', hc.protocol),
    t('HealthCheckPort', hc.port),
    t('HealthCheckEnabled', hc.enabled),
    t('HealthCheckIntervalSeconds', hc.intervalSeconds),
    t('HealthCheckTimeoutSeconds', hc.timeoutSeconds),
    t('HealthyThresholdCount', hc.healthyThreshold),
    t('UnhealthyThresholdCount', hc.unhealthyThreshold),
    t('HealthCheckPath', hc.path),
    http ? e('Matcher', t('HttpCode', '200')) : '',
    strings('LoadBalancerArns', tg.loadBalancerArns),
    t('TargetType', tg.targetType),
    http ? t('ProtocolVersion', 'HTTP1') : '',
    tg.targetType === 'lambda' ? '' : t('IpAddressType', 'ipv4'),
  ].join('');
}

function describeReason(reason: string): string {
  const descriptions: Record<string, string> = {
    'Target.FailedHealthChecks': 'Health checks failed',
    'Target.ResponseCodeMismatch': 'Health checks failed with these codes: [502]',
    'Target.Timeout': 'Request timed out',
    'Target.NotRegistered': 'Target is not registered to the target group',
    'Target.NotInUse': 'Target group is not configured to receive traffic from the load balancer',
    'Target.HealthCheckDisabled': 'Health checks are disabled for the target group',
    'Elb.InitialHealthChecking': 'Initial health checks in progress',
    'Elb.RegistrationInProgress': 'Target registration is in progress',
    'Target.DeregistrationInProgress': 'Target deregistration is in progress',
  };
  return descriptions[reason] ?? reason;
}

// ---------------------------------------------------------------- Auto Scaling shapes

/** `AutoScalingGroup`, in the order of the SDK schema. */
function autoScalingGroupXml(g: AutoScalingGroup, region: string, accountId: string): string {
  return [
    t('AutoScalingGroupName', g.name),
    t('MinSize', g.minSize),
    t('MaxSize', g.maxSize),
    t('DesiredCapacity', g.desiredCapacity),
    t('DefaultCooldown', 300),
    strings('AvailabilityZones', g.availabilityZones),
    // Comma-separated on the wire (`EC2`, `ELB`, `EC2,EBS`...); the API always sends one.
    t('HealthCheckType', g.healthCheckTypes.join(',') || 'EC2'),
    t('CreatedTime', CREATED),
    t('AutoScalingGroupARN', g.arn || `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${fakeUuid(g.name)}:autoScalingGroupName/${g.name}`),
    e('LaunchTemplate', t('LaunchTemplateId', `lt-${fakeHex(g.name, 17)}`), t('LaunchTemplateName', `${g.name}-lt`), t('Version', '$Latest')),
    strings('LoadBalancerNames', g.loadBalancerNames),
    strings('TargetGroupARNs', g.targetGroupArns),
    t('HealthCheckGracePeriod', g.healthCheckGracePeriod),
    list('Instances', g.instances, (i) =>
      [
        t('InstanceId', i.id),
        t('InstanceType', 't3.micro'),
        t('AvailabilityZone', i.availabilityZone),
        t('LifecycleState', i.lifecycleState),
        t('HealthStatus', i.healthStatus),
        e('LaunchTemplate', t('LaunchTemplateId', `lt-${fakeHex(g.name, 17)}`), t('LaunchTemplateName', `${g.name}-lt`), t('Version', '1')),
        t('ProtectedFromScaleIn', false),
      ].join(''),
    ),
    list('SuspendedProcesses', g.suspendedProcesses ?? [], (name) => t('ProcessName', name) + t('SuspensionReason', `User suspended at ${CREATED}`)),
    // Comma-separated subnet ids.
    t('VPCZoneIdentifier', g.subnetIds.length > 0 ? g.subnetIds.join(',') : undefined),
    '<EnabledMetrics/>',
    list('Tags', Object.entries(g.tags), ([key, value]) =>
      [t('ResourceId', g.name), t('ResourceType', 'auto-scaling-group'), t('Key', key), t('Value', value), t('PropagateAtLaunch', true)].join(''),
    ),
    strings('TerminationPolicies', ['Default']),
    t('NewInstancesProtectedFromScaleIn', false),
    t('ServiceLinkedRoleARN', `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`),
    t('CapacityRebalance', false),
    list('TrafficSources', g.trafficSources, (s) => t('Identifier', s.identifier) + t('Type', s.type)),
    e('AvailabilityZoneDistribution', t('CapacityDistributionStrategy', g.capacityDistributionStrategy ?? 'balanced-best-effort')),
    // Only a group that was ever given a policy carries one.
    g.availabilityZoneImpairmentPolicy?.zonalShiftEnabled || g.availabilityZoneImpairmentPolicy?.impairedZoneHealthCheckBehavior
      ? e(
          'AvailabilityZoneImpairmentPolicy',
          t('ZonalShiftEnabled', g.availabilityZoneImpairmentPolicy.zonalShiftEnabled),
          t('ImpairedZoneHealthCheckBehavior', g.availabilityZoneImpairmentPolicy.impairedZoneHealthCheckBehavior),
        )
      : '',
  ].join('');
}

function policyDetailsXml(type: string, predictiveMode: string | undefined): string {
  switch (type) {
    case 'TargetTrackingScaling':
      return e(
        'TargetTrackingConfiguration',
        e('PredefinedMetricSpecification', t('PredefinedMetricType', 'ASGAverageCPUUtilization')),
        t('TargetValue', 50),
        t('DisableScaleIn', false),
      );
    case 'StepScaling':
      return t('AdjustmentType', 'ChangeInCapacity') + list('StepAdjustments', [0], (lower) => t('MetricIntervalLowerBound', lower) + t('ScalingAdjustment', 1)) + t('MetricAggregationType', 'Average');
    case 'PredictiveScaling':
      return e(
        'PredictiveScalingConfiguration',
        list('MetricSpecifications', [50], (v) => t('TargetValue', v) + e('PredefinedMetricPairSpecification', t('PredefinedMetricType', 'ASGCPUUtilization'))),
        t('Mode', predictiveMode ?? 'ForecastOnly'),
      );
    default:
      return t('AdjustmentType', 'ChangeInCapacity') + t('ScalingAdjustment', 1) + t('Cooldown', 300);
  }
}

// ---------------------------------------------------------------- EC2 shapes

const INSTANCE_STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

/** EC2 `Instance` (`item` of `instancesSet`): the `xmlName`s of the SDK schema. */
function instanceXml(i: Ec2Instance, region: string): string {
  const ip = `10.0.${parseInt(fakeHex(i.id, 2), 16)}.${parseInt(fakeHex(i.id + 'ip', 2), 16)}`;
  return [
    t('instanceId', i.id),
    t('imageId', `ami-${fakeHex('ami', 17)}`),
    i.state === undefined ? '' : e('instanceState', t('code', INSTANCE_STATE_CODES[i.state] ?? 16), t('name', i.state)),
    t('privateDnsName', `ip-${ip.replace(/\./g, '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`),
    '<dnsName/>',
    '<reason/>',
    t('amiLaunchIndex', 0),
    '<productCodes/>',
    t('instanceType', 't3.micro'),
    t('launchTime', CREATED),
    e('placement', t('availabilityZone', i.availabilityZone), '<groupName/>', t('tenancy', 'default')),
    e('monitoring', t('state', 'disabled')),
    t('privateIpAddress', ip),
    t('architecture', 'x86_64'),
    t('rootDeviceType', 'ebs'),
    t('rootDeviceName', '/dev/xvda'),
    t('virtualizationType', 'hvm'),
  ].join('');
}

/** EC2 `Subnet` (`item` of `subnetSet`). */
/**
 * The zones `DescribeAvailabilityZones` lists: the inventory's own, else zones a to c of the
 * region, with the zone ids its subnets give them (`use1-az1`... where they give none).
 */
export function fakeZones(data: RegionInventory): { zoneName: string; zoneId: string }[] {
  if (data.ec2.availabilityZones) return data.ec2.availabilityZones;
  const ids = new Map(data.ec2.subnets.flatMap((s) => (s.availabilityZoneId ? [[s.availabilityZone, s.availabilityZoneId] as const] : [])));
  const used = new Set(ids.values());
  let next = 1;
  return ['a', 'b', 'c'].map((letter) => {
    const zoneName = `${data.region}${letter}`;
    let zoneId = ids.get(zoneName);
    while (zoneId === undefined) {
      const candidate = `${shortRegion(data.region)}-az${next++}`;
      if (!used.has(candidate)) zoneId = candidate;
    }
    used.add(zoneId);
    return { zoneName, zoneId };
  });
}

function subnetXml(s: Subnet, region: string, accountId: string): string {
  return [
    t('subnetId', s.id),
    t('subnetArn', `arn:aws:ec2:${region}:${accountId}:subnet/${s.id}`),
    t('state', 'available'),
    t('vpcId', s.vpcId),
    t('ownerId', accountId),
    t('cidrBlock', s.cidrBlock),
    '<ipv6CidrBlockAssociationSet/>',
    t('availableIpAddressCount', 250),
    t('availabilityZone', s.availabilityZone),
    t('availabilityZoneId', s.availabilityZoneId),
    t('defaultForAz', false),
    t('mapPublicIpOnLaunch', false),
    t('assignIpv6AddressOnCreation', false),
  ].join('');
}


// ---------------------------------------------------------------- Route 53 shapes

/** Route 53 escapes every character but `a-z`, `0-9`, `-`, `_` and `.` as `\ooo` (octal). */
export function encodeRoute53Name(name: string): string {
  const escaped = name.toLowerCase().replace(/[^a-z0-9\-_.]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return `${escaped}.`;
}

/** A name as a client may send it (`name=`): escaped or not, with or without the final dot. */
function decodeRoute53Name(name: string): string {
  return name
    .replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))
    .replace(/\.$/, '')
    .toLowerCase();
}

/** `www.example.com` sorts as `com.example.www.`: Route 53 orders names by their labels reversed. */
function reversedLabels(name: string): string {
  return `${name.split('.').reverse().join('.')}.`;
}

const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareRecords(a: Pick<DnsRecord, 'name' | 'type' | 'setIdentifier'>, b: Pick<DnsRecord, 'name' | 'type' | 'setIdentifier'>): number {
  return ascii(reversedLabels(a.name), reversedLabels(b.name)) || ascii(a.type, b.type) || ascii(a.setIdentifier ?? '', b.setIdentifier ?? '');
}

/** The order of `ListResourceRecordSets`: by name (labels reversed), then type, then set identifier. */
export function route53Order(records: readonly DnsRecord[]): DnsRecord[] {
  return [...records].sort(compareRecords);
}

/** `HostedZone`: Id, Name, CallerReference, Config, ResourceRecordSetCount. */
function hostedZoneXml(zone: HostedZone): string {
  return [
    t('Id', `/hostedzone/${zone.id}`),
    t('Name', encodeRoute53Name(zone.name)),
    t('CallerReference', fakeUuid(`zone/${zone.id}`)),
    e('Config', t('PrivateZone', zone.privateZone)),
    t('ResourceRecordSetCount', zone.records.length),
  ].join('');
}

/** `ResourceRecordSet`, in the order of the SDK schema; an alias has no TTL and no `ResourceRecords`. */
function recordXml(r: DnsRecord): string {
  const geo = r.geoLocation;
  const proximity = r.geoProximityLocation;
  return [
    t('Name', encodeRoute53Name(r.name)),
    t('Type', r.type),
    t('SetIdentifier', r.setIdentifier),
    t('Weight', r.weight),
    t('Region', r.region),
    geo ? e('GeoLocation', t('ContinentCode', geo.continentCode), t('CountryCode', geo.countryCode), t('SubdivisionCode', geo.subdivisionCode)) : '',
    t('Failover', r.failover),
    t('MultiValueAnswer', r.multiValueAnswer),
    t('TTL', r.ttl),
    r.aliasTarget ? '' : list('ResourceRecords', r.values, (value) => t('Value', value), 'ResourceRecord'),
    r.aliasTarget
      ? e('AliasTarget', t('HostedZoneId', r.aliasTarget.hostedZoneId), t('DNSName', r.aliasTarget.dnsName), t('EvaluateTargetHealth', r.aliasTarget.evaluateTargetHealth))
      : '',
    t('HealthCheckId', r.healthCheckId),
    r.cidrRoutingConfig ? e('CidrRoutingConfig', t('CollectionId', r.cidrRoutingConfig.collectionId), t('LocationName', r.cidrRoutingConfig.locationName)) : '',
    proximity
      ? e(
          'GeoProximityLocation',
          t('AWSRegion', proximity.awsRegion),
          t('LocalZoneGroup', proximity.localZoneGroup),
          proximity.coordinates ? e('Coordinates', t('Latitude', proximity.coordinates.latitude), t('Longitude', proximity.coordinates.longitude)) : '',
          t('Bias', proximity.bias),
        )
      : '',
  ].join('');
}

const ENDPOINT_CHECKS = new Set(['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP']);

/** `HealthCheck`: Id, CallerReference, HealthCheckConfig (what its type carries), HealthCheckVersion. */
function healthCheckXml(hc: Route53HealthCheck): string {
  return [
    t('Id', hc.id),
    t('CallerReference', fakeUuid(`health-check/${hc.id}`)),
    e(
      'HealthCheckConfig',
      t('IPAddress', hc.ipAddress),
      t('Port', hc.port),
      t('Type', hc.type),
      t('ResourcePath', hc.resourcePath),
      t('FullyQualifiedDomainName', hc.fqdn),
      hc.type.endsWith('_STR_MATCH') ? t('SearchString', 'OK') : '',
      t('RequestInterval', hc.requestInterval),
      t('FailureThreshold', hc.failureThreshold),
      ENDPOINT_CHECKS.has(hc.type) ? t('MeasureLatency', false) : '',
      t('Inverted', hc.inverted),
      t('Disabled', hc.disabled),
      t('HealthThreshold', hc.healthThreshold),
      hc.childHealthChecks ? strings('ChildHealthChecks', hc.childHealthChecks, 'ChildHealthCheck') : '',
      hc.type.startsWith('HTTPS') ? t('EnableSNI', true) : '',
      hc.type === 'CLOUDWATCH_METRIC' ? e('AlarmIdentifier', t('Region', 'us-east-1'), t('Name', `health-${hc.id}`)) + t('InsufficientDataHealthStatus', 'LastKnownStatus') : '',
    ),
    t('HealthCheckVersion', 1),
  ].join('');
}

// ---------------------------------------------------------------- RDS shapes

interface EngineProfile {
  version: string;
  port: number;
  license: string;
  parameterFamily: string;
}

function engineProfile(engine: string): EngineProfile {
  if (engine === 'aurora-postgresql') return { version: '16.4', port: 5432, license: 'postgresql-license', parameterFamily: 'aurora-postgresql16' };
  if (engine.startsWith('aurora')) return { version: '8.0.mysql_aurora.3.08.0', port: 3306, license: 'general-public-license', parameterFamily: 'aurora-mysql8.0' };
  if (engine === 'postgres') return { version: '16.4', port: 5432, license: 'postgresql-license', parameterFamily: 'postgres16' };
  if (engine === 'mariadb') return { version: '10.11.9', port: 3306, license: 'general-public-license', parameterFamily: 'mariadb10.11' };
  if (engine.startsWith('sqlserver')) return { version: '16.00.4150.1.v1', port: 1433, license: 'license-included', parameterFamily: `${engine}-16.0` };
  if (engine.startsWith('oracle')) return { version: '19.0.0.0.ru-2024-10.rur-2024-10.r1', port: 1521, license: 'bring-your-own-license', parameterFamily: `${engine}-19` };
  if (engine === 'docdb') return { version: '5.0.0', port: 27017, license: 'na', parameterFamily: 'docdb5.0' };
  if (engine === 'neptune') return { version: '1.3.2.1', port: 8182, license: 'amazon-license', parameterFamily: 'neptune1.3' };
  return { version: '8.0.39', port: 3306, license: 'general-public-license', parameterFamily: 'mysql8.0' };
}

/** The Route 53 zone of RDS endpoints, by region (us-east-1's elsewhere). */
const RDS_HOSTED_ZONES: Record<string, string> = { 'us-east-1': 'Z2R2ITUGPM61AM', 'eu-west-1': 'Z29XKXDKYMONMX' };

function tagList(tags: Record<string, string>): string {
  return list('TagList', Object.entries(tags), ([key, value]) => t('Key', key) + t('Value', value), 'Tag');
}

/** `DBInstance`, in the order of the SDK schema. Aurora members take storage and backups from their cluster. */
function dbInstanceXml(i: DbInstance, region: string, state: FakeState): string {
  const profile = engineProfile(i.engine);
  const aurora = i.clusterId !== undefined && i.engine.startsWith('aurora');
  const suffix = fakeHex(`${state.accountId}/${region}`, 12);
  const replicas = [...state.regions.values()].flatMap((r) =>
    r.rds.instances.filter((other) => other.readReplicaSourceInstanceId === i.id || other.readReplicaSourceInstanceId === i.arn).map((other) => (r.region === region ? other.id : other.arn)),
  );
  const subnets = state.regions.get(region)?.ec2.subnets ?? [];
  return [
    t('DBInstanceIdentifier', i.id),
    t('DBInstanceClass', i.instanceClass),
    t('Engine', i.engine),
    t('DBInstanceStatus', i.status),
    t('MasterUsername', 'admin'),
    e('Endpoint', t('Address', `${i.id}.${suffix}.${region}.rds.amazonaws.com`), t('Port', profile.port), t('HostedZoneId', RDS_HOSTED_ZONES[region] ?? RDS_HOSTED_ZONES['us-east-1'])),
    t('AllocatedStorage', aurora ? 1 : 100),
    t('InstanceCreateTime', CREATED),
    t('PreferredBackupWindow', '03:00-03:30'),
    t('BackupRetentionPeriod', i.backupRetentionPeriod),
    '<DBSecurityGroups/>',
    list('VpcSecurityGroups', [`sg-${fakeHex(i.arn, 17)}`], (id) => t('VpcSecurityGroupId', id) + t('Status', 'active'), 'VpcSecurityGroupMembership'),
    list('DBParameterGroups', [`default.${profile.parameterFamily}`], (name) => t('DBParameterGroupName', name) + t('ParameterApplyStatus', 'in-sync'), 'DBParameterGroup'),
    t('AvailabilityZone', i.availabilityZone),
    dbSubnetGroupXml(subnets, region, state.accountId),
    t('PreferredMaintenanceWindow', 'sun:05:00-sun:05:30'),
    '<PendingModifiedValues/>',
    i.backupRetentionPeriod > 0 ? t('LatestRestorableTime', LATEST_RESTORABLE) : '',
    t('MultiAZ', i.multiAz),
    t('EngineVersion', profile.version),
    t('AutoMinorVersionUpgrade', true),
    t('ReadReplicaSourceDBInstanceIdentifier', i.readReplicaSourceInstanceId),
    strings('ReadReplicaDBInstanceIdentifiers', replicas, 'ReadReplicaDBInstanceIdentifier'),
    '<ReadReplicaDBClusterIdentifiers/>',
    t('LicenseModel', profile.license),
    list('OptionGroupMemberships', [`default:${i.engine}`], (name) => t('OptionGroupName', name) + t('Status', 'in-sync'), 'OptionGroupMembership'),
    t('SecondaryAvailabilityZone', i.secondaryAvailabilityZone),
    t('PubliclyAccessible', false),
    t('StorageType', aurora ? 'aurora' : 'gp3'),
    t('DbInstancePort', 0),
    t('DBClusterIdentifier', i.clusterId),
    t('StorageEncrypted', true),
    t('DbiResourceId', `db-${fakeHex(i.arn, 26).toUpperCase()}`),
    t('CACertificateIdentifier', 'rds-ca-rsa2048-g1'),
    '<DomainMemberships/>',
    t('CopyTagsToSnapshot', true),
    t('MonitoringInterval', 0),
    aurora ? t('PromotionTier', 1) : '',
    t('DBInstanceArn', i.arn),
    t('IAMDatabaseAuthenticationEnabled', false),
    t('PerformanceInsightsEnabled', false),
    t('DeletionProtection', false),
    '<AssociatedRoles/>',
    tagList(i.tags),
    t('CustomerOwnedIpEnabled', false),
    t('BackupTarget', 'region'),
    t('NetworkType', 'IPV4'),
    t('ReadReplicaSourceDBClusterIdentifier', i.readReplicaSourceClusterId),
    t('DedicatedLogVolume', false),
  ].join('');
}

/** `DBSubnetGroup` of an instance: the region's subnets of the inventory. */
function dbSubnetGroupXml(subnets: readonly Subnet[], region: string, accountId: string): string {
  return e(
    'DBSubnetGroup',
    t('DBSubnetGroupName', 'default-vpc'),
    t('DBSubnetGroupDescription', 'Created from the RDS Management Console'),
    t('VpcId', subnets[0]?.vpcId),
    t('SubnetGroupStatus', 'Complete'),
    list('Subnets', subnets, (s) => t('SubnetIdentifier', s.id) + e('SubnetAvailabilityZone', t('Name', s.availabilityZone)) + '<SubnetOutpost/>' + t('SubnetStatus', 'Active'), 'Subnet'),
    t('DBSubnetGroupArn', `arn:aws:rds:${region}:${accountId}:subgrp:default-vpc`),
  );
}

/** `DBCluster`, in the order of the SDK schema. */
function dbClusterXml(c: DbCluster, region: string, state: FakeState): string {
  const profile = engineProfile(c.engine);
  const suffix = fakeHex(`${state.accountId}/${region}`, 12);
  const replicas = [...state.regions.values()].flatMap((r) => r.rds.clusters.filter((other) => other.replicationSourceIdentifier === c.arn).map((other) => other.arn));
  return [
    t('AllocatedStorage', 1),
    strings('AvailabilityZones', c.availabilityZones, 'AvailabilityZone'),
    t('BackupRetentionPeriod', c.backupRetentionPeriod),
    t('DBClusterIdentifier', c.id),
    t('DBClusterParameterGroup', `default.${profile.parameterFamily}`),
    t('DBSubnetGroup', 'default-vpc'),
    t('Status', c.status),
    t('EarliestRestorableTime', CREATED),
    t('Endpoint', `${c.id}.cluster-${suffix}.${region}.rds.amazonaws.com`),
    t('ReaderEndpoint', `${c.id}.cluster-ro-${suffix}.${region}.rds.amazonaws.com`),
    '<CustomEndpoints/>',
    t('MultiAZ', c.multiAz),
    t('Engine', c.engine),
    t('EngineVersion', profile.version),
    t('LatestRestorableTime', LATEST_RESTORABLE),
    t('Port', profile.port),
    t('MasterUsername', 'admin'),
    '<DBClusterOptionGroupMemberships/>',
    t('PreferredBackupWindow', '03:00-03:30'),
    t('PreferredMaintenanceWindow', 'sun:05:00-sun:05:30'),
    t('ReplicationSourceIdentifier', c.replicationSourceIdentifier),
    strings('ReadReplicaIdentifiers', replicas, 'ReadReplicaIdentifier'),
    list(
      'DBClusterMembers',
      c.members,
      (m) => t('DBInstanceIdentifier', m.instanceId) + t('IsClusterWriter', m.isWriter) + t('DBClusterParameterGroupStatus', 'in-sync') + t('PromotionTier', 1),
      'DBClusterMember',
    ),
    list('VpcSecurityGroups', [`sg-${fakeHex(c.arn, 17)}`], (id) => t('VpcSecurityGroupId', id) + t('Status', 'active'), 'VpcSecurityGroupMembership'),
    t('HostedZoneId', RDS_HOSTED_ZONES[region] ?? RDS_HOSTED_ZONES['us-east-1']),
    t('StorageEncrypted', true),
    t('DbClusterResourceId', `cluster-${fakeHex(c.arn, 26).toUpperCase()}`),
    t('DBClusterArn', c.arn),
    '<AssociatedRoles/>',
    t('IAMDatabaseAuthenticationEnabled', false),
    t('ClusterCreateTime', CREATED),
    t('EngineMode', c.engineMode),
    t('DeletionProtection', false),
    t('HttpEndpointEnabled', false),
    t('CopyTagsToSnapshot', true),
    t('CrossAccountClone', false),
    '<DomainMemberships/>',
    tagList(c.tags),
    t('AutoMinorVersionUpgrade', true),
    t('NetworkType', 'IPV4'),
  ].join('');
}

// ---------------------------------------------------------------- ElastiCache shapes

/** `use1` for us-east-1: the region part of ElastiCache endpoints. */
function shortRegion(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  return `${area}${direction[0] ?? ''}${number}`;
}

function cacheEngineVersion(engine: string | undefined): string {
  if (engine === 'memcached') return '1.6.22';
  if (engine === 'valkey') return '8.0';
  return '7.1';
}

/** `Endpoint`: Address, Port. */
function cacheEndpoint(name: string, address: string, port: number): string {
  return e(name, t('Address', address), t('Port', port));
}

/**
 * `ReplicationGroup`, in the order of the SDK schema. Cluster mode disabled: one node group with
 * primary and reader endpoints, members with their role; enabled: slots and a configuration
 * endpoint. `ClusterEnabled` comes with every answer; `ClusterMode` only when the inventory has it.
 */
function replicationGroupXml(g: ReplicationGroup, region: string): string {
  const clusterEnabled = g.clusterMode === undefined ? g.nodeGroups.length > 1 : g.clusterMode !== 'disabled';
  const host = `${fakeHex(g.arn, 6)}.${shortRegion(region)}.cache.amazonaws.com`;
  const slotsPerGroup = Math.floor(16384 / Math.max(1, g.nodeGroups.length));
  return [
    t('ReplicationGroupId', g.id),
    t('Description', `${g.id} replication group`),
    t('Status', g.status),
    '<PendingModifiedValues/>',
    strings('MemberClusters', g.memberClusters, 'ClusterId'),
    list(
      'NodeGroups',
      g.nodeGroups,
      (ng) =>
        [
          t('NodeGroupId', ng.id),
          t('Status', g.status ?? 'available'),
          clusterEnabled ? '' : cacheEndpoint('PrimaryEndpoint', `master.${g.id}.${host}`, 6379) + cacheEndpoint('ReaderEndpoint', `replica.${g.id}.${host}`, 6379),
          clusterEnabled ? t('Slots', `${g.nodeGroups.indexOf(ng) * slotsPerGroup}-${(g.nodeGroups.indexOf(ng) + 1) * slotsPerGroup - 1}`) : '',
          list(
            'NodeGroupMembers',
            ng.members,
            (m) =>
              [
                t('CacheClusterId', m.cacheClusterId),
                t('CacheNodeId', '0001'),
                clusterEnabled ? '' : cacheEndpoint('ReadEndpoint', `${m.cacheClusterId}.${host}`, 6379),
                t('PreferredAvailabilityZone', m.availabilityZone),
                t('CurrentRole', m.role),
              ].join(''),
            'NodeGroupMember',
          ),
        ].join(''),
      'NodeGroup',
    ),
    t('AutomaticFailover', g.automaticFailover),
    t('MultiAZ', g.multiAz),
    clusterEnabled ? cacheEndpoint('ConfigurationEndpoint', `clustercfg.${g.id}.${host}`, 6379) : '',
    t('SnapshotRetentionLimit', 1),
    t('SnapshotWindow', '05:00-06:00'),
    t('ClusterEnabled', clusterEnabled),
    t('CacheNodeType', 'cache.r7g.large'),
    t('AuthTokenEnabled', false),
    t('TransitEncryptionEnabled', true),
    t('AtRestEncryptionEnabled', true),
    t('ARN', g.arn),
    '<LogDeliveryConfigurations/>',
    t('ReplicationGroupCreateTime', CREATED),
    t('DataTiering', 'disabled'),
    t('AutoMinorVersionUpgrade', true),
    t('NetworkType', 'ipv4'),
    t('IpDiscovery', 'ipv4'),
    t('TransitEncryptionMode', 'required'),
    t('ClusterMode', g.clusterMode),
    t('Engine', g.engine),
  ].join('');
}

/** `CacheCluster`, in the order of the SDK schema; `CacheNodes` only with `ShowCacheNodeInfo`. */
function cacheClusterXml(c: CacheCluster, region: string, showNodes: boolean): string {
  const memcached = c.engine === 'memcached';
  const host = `${fakeHex(c.arn, 6)}.${shortRegion(region)}.cache.amazonaws.com`;
  const port = memcached ? 11211 : 6379;
  // A Memcached cluster across zones says `Multiple`: its nodes spread over the region's first zones.
  const nodeZone = (n: number) => fakeNodeZone(c, region, n);
  const nodes = Array.from({ length: c.numNodes }, (_, n) => n);
  return [
    t('CacheClusterId', c.id),
    memcached ? cacheEndpoint('ConfigurationEndpoint', `${c.id}.${host.replace('.', '.cfg.')}`, port) : '',
    t('ClientDownloadLandingPage', 'https://console.aws.amazon.com/elasticache/home#client-download:'),
    t('CacheNodeType', 'cache.r7g.large'),
    t('Engine', c.engine),
    t('EngineVersion', cacheEngineVersion(c.engine)),
    t('CacheClusterStatus', c.status),
    t('NumCacheNodes', c.numNodes),
    t('PreferredAvailabilityZone', c.availabilityZone),
    t('CacheClusterCreateTime', CREATED),
    t('PreferredMaintenanceWindow', 'sun:06:00-sun:07:00'),
    '<PendingModifiedValues/>',
    '<CacheSecurityGroups/>',
    e('CacheParameterGroup', t('CacheParameterGroupName', memcached ? 'default.memcached1.6' : 'default.redis7'), t('ParameterApplyStatus', 'in-sync'), '<CacheNodeIdsToReboot/>'),
    t('CacheSubnetGroupName', 'default'),
    showNodes
      ? list(
          'CacheNodes',
          nodes,
          (n) =>
            [
              t('CacheNodeId', String(n + 1).padStart(4, '0')),
              t('CacheNodeStatus', 'available'),
              t('CacheNodeCreateTime', CREATED),
              cacheEndpoint('Endpoint', `${c.id}.${String(n + 1).padStart(4, '0')}.${host}`, port),
              t('ParameterGroupStatus', 'in-sync'),
              t('CustomerAvailabilityZone', nodeZone(n)),
            ].join(''),
          'CacheNode',
        )
      : '',
    t('AutoMinorVersionUpgrade', true),
    list('SecurityGroups', [`sg-${fakeHex(c.arn, 17)}`], (id) => t('SecurityGroupId', id) + t('Status', 'active')),
    t('ReplicationGroupId', c.replicationGroupId),
    t('SnapshotRetentionLimit', 0),
    t('SnapshotWindow', '05:00-06:00'),
    t('AuthTokenEnabled', false),
    t('TransitEncryptionEnabled', false),
    t('AtRestEncryptionEnabled', false),
    t('ARN', c.arn),
    t('ReplicationGroupLogDeliveryEnabled', false),
    '<LogDeliveryConfigurations/>',
    t('NetworkType', 'ipv4'),
    t('IpDiscovery', 'ipv4'),
  ].join('');
}

/** A cache node's zone: the inventory's, else its cluster's; a Memcached cluster across zones (`Multiple`) spreads over the region's first zones. */
export function fakeNodeZone(c: CacheCluster, region: string, n: number): string {
  return c.nodeZones?.[n] ?? (c.availabilityZone === 'Multiple' || c.availabilityZone === undefined ? `${region}${'abc'[n % 3]}` : c.availabilityZone);
}

/** `ServerlessCache` (a `member` of `ServerlessCaches`), in the order of the SDK schema. */
function serverlessCacheXml(s: ServerlessCache, region: string, data: RegionInventory): string {
  const host = `${s.name}-${fakeHex(s.arn, 6)}.serverless.${shortRegion(region)}.cache.amazonaws.com`;
  const memcached = s.engine === 'memcached';
  const version = cacheEngineVersion(s.engine);
  return [
    t('ServerlessCacheName', s.name),
    t('CreateTime', CREATED),
    t('Status', s.status),
    t('Engine', s.engine),
    t('MajorEngineVersion', version.split('.')[0]),
    t('FullEngineVersion', version),
    strings('SecurityGroupIds', [`sg-${fakeHex(s.arn, 17)}`], 'SecurityGroupId'),
    cacheEndpoint('Endpoint', host, memcached ? 11211 : 6379),
    cacheEndpoint('ReaderEndpoint', host, memcached ? 11211 : 6380),
    t('ARN', s.arn),
    strings('SubnetIds', data.ec2.subnets.map((subnet) => subnet.id), 'SubnetId'),
    t('SnapshotRetentionLimit', 0),
    t('DailySnapshotTime', '05:00'),
  ].join('');
}

// ---------------------------------------------------------------- DynamoDB shapes

/** JSON timestamps are epoch seconds. */
function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/** The order of `ListTables`: by name. */
export function dynamoDbOrder(tables: readonly DynamoDbTable[]): DynamoDbTable[] {
  return [...tables].sort((a, b) => ascii(a.name, b.name));
}

/**
 * `TableDescription` (JSON: absent members are left out). A table always provisioned has no
 * `BillingModeSummary`, only its capacity; an on-demand one reports a capacity of 0. A global
 * table (version 2019.11.21) lists its replicas in the other regions.
 */
function tableJson(table: DynamoDbTable, region: string, accountId: string): Record<string, unknown> {
  const provisioned = table.billingMode === 'PROVISIONED';
  return {
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    TableName: table.name,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ...(table.status === undefined ? {} : { TableStatus: table.status }),
    CreationDateTime: epochSeconds(CREATED),
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: provisioned ? 5 : 0, WriteCapacityUnits: provisioned ? 5 : 0 },
    TableSizeBytes: 0,
    ItemCount: 0,
    TableArn: table.arn || `arn:aws:dynamodb:${region}:${accountId}:table/${table.name}`,
    TableId: fakeUuid(table.arn),
    ...(table.billingMode === undefined || provisioned
      ? {}
      : { BillingModeSummary: { BillingMode: table.billingMode, LastUpdateToPayPerRequestDateTime: epochSeconds(CREATED) } }),
    ...(table.replicaRegions.length > 0
      ? { GlobalTableVersion: '2019.11.21', Replicas: table.replicaRegions.map((replica) => ({ RegionName: replica, ReplicaStatus: 'ACTIVE' })) }
      : {}),
    DeletionProtectionEnabled: false,
  };
}

// ---------------------------------------------------------------- what a scan should find

/** The service ids of ha-audit's gaps (`elbv2`, not `elasticloadbalancing`). */
type GapService = 'elbv2' | 'autoscaling' | 'ec2' | 'route53' | 'rds' | 'elasticache' | 'dynamodb';

/**
 * The inventory a scan of `regions` against this scenario's fake must collect (its
 * `collectedAt` is the scenario inventory's). It is the scenario's inventory but for:
 *
 * - only its first account, only the scanned regions, in scan order (absent ones empty);
 * - targets of target groups attached to no load balancer dropped: the collector skips their
 *   `DescribeTargetHealth`;
 * - listener rules of non-application load balancers dropped: the collector asks only ALBs;
 * - an empty `healthCheckTypes` read back as `['EC2']`, the API's default;
 * - `ec2.instances` reduced to the targets of instance-type groups (the collector describes
 *   only those), in inventory order per batch of 200 ids;
 * - the records of each hosted zone in Route 53's order (name with its labels reversed, type,
 *   set identifier), an alias record without `values` (the wire has no room for both);
 * - a replication group's `clusterMode`, when the inventory has none, read back from
 *   `ClusterEnabled` (enabled when it has several node groups); a member's zone, when the
 *   inventory has none, taken from its cache cluster's, as the collector does;
 * - DynamoDB tables in name order (`ListTables`); a `DescribeTable` failure drops the tables, a
 *   `DescribeContinuousBackups` failure leaves their point-in-time recovery `UNKNOWN`;
 * - each failure (explicit, or from the inventory's gaps) applied as the collector applies it:
 *   a gap when the operation is called at all (once per operation and code), and the part of
 *   the inventory it feeds left empty (a `DescribeRules` failure empties the rules of every ALB
 *   listener and keeps the listeners; a `ListResourceRecordSets` failure keeps the zones,
 *   without records). Route 53 failures are matched, and their gaps reported, in region `global`.
 *
 * It models the collectors of `src/collect` as they are: when they change, this changes.
 *
 * `gaps` come in a fixed order here; the collector's order depends on timing: compare sorted.
 */
export function expectedCollection(scenario: FakeAwsScenario, regions: readonly string[]): Inventory {
  const source = scenario.inventory.accounts[0];
  const accountId = scenario.accountId ?? source?.accountId ?? '123456789012';
  const failures = effectiveFailures(scenario);
  const gaps: Gap[] = [];
  const byRegion = new Map((source?.regions ?? []).map((r) => [r.region, r]));

  /** Calls `service:operation` in `region` once: true (and a gap) when it fails. */
  const failsIn = (region: string, service: GapService, operation: string): boolean => {
    const failure = matchFailure(failures, signingName(service), operation, region);
    if (!failure) return false;
    const code = failure.code;
    if (!gaps.some((g) => g.region === region && g.service === service && g.operation === operation && g.code === code)) {
      const message = failureMessage(failure, accountId, signingName(service), operation).split('\n')[0]!.trim() || code;
      gaps.push({ accountId, region, service, operation, code, message, class: classifyGap(code) });
    }
    return true;
  };

  // Route 53, once for the account.
  const route53 = structuredClone(source?.route53 ?? emptyRoute53Inventory());
  const hostedZones = failsIn(GLOBAL_REGION, 'route53', 'ListHostedZones') ? [] : route53.hostedZones;
  if (hostedZones.length > 0 && failsIn(GLOBAL_REGION, 'route53', 'ListResourceRecordSets')) for (const zone of hostedZones) zone.records = [];
  for (const zone of hostedZones) {
    zone.records = route53Order(zone.records);
    for (const record of zone.records) if (record.aliasTarget) record.values = [];
  }
  const healthChecks = failsIn(GLOBAL_REGION, 'route53', 'ListHealthChecks') ? [] : route53.healthChecks;

  const collected = regions.map((region): RegionInventory => {
    const data = structuredClone(byRegion.get(region) ?? EMPTY_REGION(region));
    const fails = (service: Exclude<GapService, 'route53'>, operation: string) => failsIn(region, service, operation);

    // ELBv2
    const lbs = fails('elbv2', 'DescribeLoadBalancers') ? [] : data.elbv2.loadBalancers;
    const tgs = fails('elbv2', 'DescribeTargetGroups') ? [] : data.elbv2.targetGroups;
    for (const lb of lbs) {
      lb.availabilityZones = lb.availabilityZones.map(({ zoneName, subnetId, addresses }) =>
        subnetId === undefined ? { zoneName, addresses: addresses ?? [] } : { zoneName, subnetId, addresses: addresses ?? [] },
      );
      lb.canonicalHostedZoneId ??= elbHostedZoneId(region, lb.type);
      if (lb.type !== 'application') for (const listener of lb.listeners) listener.rules = [];
      // A forward to several groups is collected with every group's weight (1 where the inventory gives none).
      for (const listener of lb.listeners) {
        for (const action of [...listener.defaultActions, ...listener.rules.flatMap((r) => r.actions)]) {
          if (action.targetGroupArns.length > 1) action.forwardWeights ??= action.targetGroupArns.map((targetGroupArn) => ({ targetGroupArn, weight: 1 }));
        }
      }
    }
    if (lbs.length > 0 && fails('elbv2', 'DescribeLoadBalancerAttributes')) for (const lb of lbs) lb.attributes = {};
    if (lbs.length > 0 && fails('elbv2', 'DescribeListeners')) for (const lb of lbs) lb.listeners = [];
    const albListeners = lbs.filter((lb) => lb.type === 'application').flatMap((lb) => lb.listeners);
    if (albListeners.length > 0 && fails('elbv2', 'DescribeRules')) for (const listener of albListeners) listener.rules = [];
    // A target group no load balancer uses gets no per-group call: neither attributes nor health.
    for (const tg of tgs) {
      if (tg.loadBalancerArns.length > 0) continue;
      tg.targets = [];
      tg.attributes = {};
    }
    const attached = tgs.filter((tg) => tg.loadBalancerArns.length > 0);
    if (attached.length > 0 && fails('elbv2', 'DescribeTargetGroupAttributes')) for (const tg of attached) tg.attributes = {};
    if (attached.length > 0 && fails('elbv2', 'DescribeTargetHealth')) for (const tg of attached) tg.targets = [];
    if (lbs.length + tgs.length > 0 && fails('elbv2', 'DescribeTags')) for (const r of [...lbs, ...tgs]) r.tags = {};

    // Auto Scaling
    const groups = fails('autoscaling', 'DescribeAutoScalingGroups') ? [] : data.autoscaling.groups;
    const noPolicies = fails('autoscaling', 'DescribePolicies');
    for (const group of groups) {
      if (group.healthCheckTypes.length === 0) group.healthCheckTypes = ['EC2'];
      group.suspendedProcesses ??= [];
      group.availabilityZoneImpairmentPolicy ??= { zonalShiftEnabled: false };
      if (noPolicies) group.scalingPolicies = [];
      group.capacityDistributionStrategy ??= 'balanced-best-effort';
      for (const policy of group.scalingPolicies) {
        policy.alarms ??= [];
        if (policy.type === 'PredictiveScaling') policy.predictiveMode ??= 'ForecastOnly';
      }
    }

    // EC2
    const subnets = fails('ec2', 'DescribeSubnets') ? [] : data.ec2.subnets;
    const availabilityZones = fails('ec2', 'DescribeAvailabilityZones') ? undefined : fakeZones(data);
    const ids = [...new Set(tgs.filter((tg) => tg.targetType === 'instance').flatMap((tg) => tg.targets.map((target) => target.id)))];
    let instances: Ec2Instance[] = [];
    if (ids.length > 0 && !fails('ec2', 'DescribeInstances')) {
      for (let i = 0; i < ids.length; i += 200) {
        const batch = new Set(ids.slice(i, i + 200));
        instances = instances.concat(data.ec2.instances.filter((instance) => batch.has(instance.id)));
      }
    }

    // RDS
    const dbInstances = fails('rds', 'DescribeDBInstances') ? [] : data.rds.instances;
    const dbClusters = fails('rds', 'DescribeDBClusters') ? [] : data.rds.clusters;

    // ElastiCache
    const replicationGroups = fails('elasticache', 'DescribeReplicationGroups') ? [] : data.elasticache.replicationGroups;
    const cacheClusters = fails('elasticache', 'DescribeCacheClusters') ? [] : data.elasticache.cacheClusters;
    const serverlessCaches = fails('elasticache', 'DescribeServerlessCaches') ? [] : data.elasticache.serverlessCaches;
    for (const cache of cacheClusters) cache.nodeZones = Array.from({ length: cache.numNodes }, (_, n) => fakeNodeZone(cache, region, n));
    for (const group of replicationGroups) {
      group.clusterMode ??= group.nodeGroups.length > 1 ? 'enabled' : 'disabled';
      for (const member of group.nodeGroups.flatMap((ng) => ng.members)) {
        const zone = member.availabilityZone ?? cacheClusters.find((c) => c.id === member.cacheClusterId)?.availabilityZone;
        if (zone !== undefined) member.availabilityZone = zone;
      }
    }

    // DynamoDB
    let tables = fails('dynamodb', 'ListTables') ? [] : dynamoDbOrder(data.dynamodb.tables);
    if (tables.length > 0 && fails('dynamodb', 'DescribeTable')) tables = [];
    if (tables.length > 0 && fails('dynamodb', 'DescribeContinuousBackups')) {
      for (const table of tables) {
        table.pointInTimeRecovery = UNKNOWN_PITR;
        delete table.recoveryPeriodInDays;
      }
    }

    return {
      region,
      elbv2: { loadBalancers: lbs, targetGroups: tgs },
      autoscaling: { groups },
      ec2: { instances, subnets, ...(availabilityZones ? { availabilityZones } : {}) },
      rds: { instances: dbInstances, clusters: dbClusters },
      elasticache: { replicationGroups, cacheClusters, serverlessCaches },
      dynamodb: { tables },
    };
  });

  return {
    format: scenario.inventory.format,
    formatVersion: INVENTORY_FORMAT_VERSION,
    collectedAt: scenario.inventory.collectedAt,
    accounts: [{ accountId, route53: { hostedZones, healthChecks }, regions: collected }],
    gaps,
  };
}
