/**
 * A fake AWS endpoint for end-to-end tests: a local HTTP server that speaks the wire protocols
 * of the four services ha-audit calls, so that the real SDK clients (and the CLI, through
 * `AWS_ENDPOINT_URL=http://127.0.0.1:<port>` or `--endpoint-url`) can scan it.
 *
 * - STS (2011-06-15), Elastic Load Balancing v2 (2015-12-01) and Auto Scaling (2011-01-01) use
 *   the AWS query protocol: `POST /`, `application/x-www-form-urlencoded` body with
 *   `Action=...&Version=...`, answered with `<ActionResponse xmlns=...><ActionResult>...`
 *   `</ActionResult><ResponseMetadata><RequestId>` and errors as
 *   `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * - EC2 (2016-11-15) uses the EC2 variant: no `Result` wrapper, camelCase element names, lists
 *   of `<item>`, `<requestId>` first, errors as
 *   `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`.
 *
 * The service is told by the `Version` parameter (each service has its own), the region by the
 * credential scope of the SigV4 `Authorization` header (`AKID/date/<region>/<service>/aws4_request`).
 * Signatures are not checked.
 *
 * Element names follow the SDK's own schemas (`@aws-sdk/client-*` `dist-es/schemas/schemas_0.js`:
 * member names for the query services, `xmlName` traits for EC2) and the AWS API references.
 *
 * The data comes from an ha-audit `Inventory` (its first account): what a scan of the fake
 * should find is that inventory again, up to what the wire cannot carry or the collectors do not
 * ask for (`expectedCollection` spells that out).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AutoScalingGroup,
  Ec2Instance,
  Gap,
  Inventory,
  ListenerAction,
  LoadBalancer,
  RegionInventory,
  Subnet,
  TargetGroup,
} from '../../src/model/inventory.js';
import { emptyRegionInventory, emptyRoute53Inventory } from '../../src/model/inventory.js';

// ---------------------------------------------------------------- API

/** Services by their SigV4 signing name (the IAM prefix). */
export type FakeService = 'sts' | 'elasticloadbalancing' | 'autoscaling' | 'ec2';
/** A signing name, or ha-audit's service id (`elbv2` for `elasticloadbalancing`). */
export type FakeServiceName = FakeService | 'elbv2';

/** Every call of `action` (in `region`, or in every region) fails with this error. */
export interface FakeAwsFailure {
  service: FakeServiceName;
  action: string;
  region?: string;
  /** `AccessDenied`, `UnauthorizedOperation`, `ValidationError`... */
  code: string;
  /** Default: an IAM-style "is not authorized to perform" message. */
  message?: string;
  /** Default: 403 for `AccessDenied*`, `UnauthorizedOperation`, `AuthFailure`; 400 otherwise. */
  status?: number;
}

/** The first `count` calls of `action` (in `region`, or over all regions) are throttled. */
export interface FakeAwsThrottle {
  service: FakeServiceName;
  action: string;
  region?: string;
  count: number;
  /** Default 400. */
  status?: number;
}

export interface FakeAwsScenario {
  /** Served: its first account, every region of it. Other accounts are ignored. */
  inventory: Inventory;
  /** What `GetCallerIdentity` returns; default the first account's id. */
  accountId?: string;
  /** Largest page of every paginated list (default 2), whatever page size the client asks. */
  pageSize?: number;
  failures?: FakeAwsFailure[];
  throttle?: FakeAwsThrottle[];
  /**
   * Turn the inventory's gaps (of its first account, except `sts`) into failures of the same
   * operation, region, code and message, so that a scan of the fake reports them again.
   * Default true.
   */
  gapsAsFailures?: boolean;
}

export interface FakeAwsRequest {
  service: FakeService;
  action: string;
  region: string;
  /** The decoded form parameters, `Action` and `Version` included. */
  params: Record<string, string>;
  /** The HTTP status the fake answered with. */
  status: number;
  /** The XML body it answered with. */
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
  const state = new FakeState(scenario);
  const requests: FakeAwsRequest[] = [];
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const { record, response } = state.handle(req, body);
        if (record) requests.push({ ...record, status: response.status, response: response.body });
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

interface ServiceSpec {
  version: string;
  xmlns: string;
  ec2: boolean;
}

const SERVICES: Record<FakeService, ServiceSpec> = {
  sts: { version: '2011-06-15', xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/', ec2: false },
  elasticloadbalancing: { version: '2015-12-01', xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/', ec2: false },
  autoscaling: { version: '2011-01-01', xmlns: 'http://autoscaling.amazonaws.com/doc/2011-01-01/', ec2: false },
  ec2: { version: '2016-11-15', xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', ec2: true },
};

const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthFailure', 'UnauthorizedAccess']);

interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
  requestId?: string;
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
  data: RegionInventory;
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
  const headers: Record<string, string | number> = { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) };
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
  return (Object.keys(SERVICES) as FakeService[]).find((s) => SERVICES[s].version === version);
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

/** A query-protocol list: `<name><member>...</member>...</name>` (EC2: `item`). */
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

/** EC2 `Filter.N.Name` / `Filter.N.Value.M`. */
function ec2Filters(params: Record<string, string>): { name: string; values: string[] }[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(params)) {
    const match = /^Filter\.(\d+)\.Name$/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b).map((i) => ({ name: params[`Filter.${i}.Name`]!, values: listParam(params, `Filter.${i}.Value`) }));
}

// ---------------------------------------------------------------- pagination

interface PageSpec {
  /** Request parameter carrying the token, and the response element returning the next one. */
  tokenParam: 'Marker' | 'NextToken';
  nextElement: 'NextMarker' | 'NextToken' | 'nextToken';
  sizeParam: 'PageSize' | 'MaxRecords' | 'MaxResults';
  min: number;
  max: number;
}

const ELBV2_PAGES: PageSpec = { tokenParam: 'Marker', nextElement: 'NextMarker', sizeParam: 'PageSize', min: 1, max: 400 };
const ASG_PAGES: PageSpec = { tokenParam: 'NextToken', nextElement: 'NextToken', sizeParam: 'MaxRecords', min: 1, max: 100 };
const EC2_PAGES: PageSpec = { tokenParam: 'NextToken', nextElement: 'nextToken', sizeParam: 'MaxResults', min: 5, max: 1000 };

// ---------------------------------------------------------------- the fake

const EMPTY_REGION = (region: string): RegionInventory => emptyRegionInventory(region);

const CREATED = '2026-01-05T10:00:00.000Z';

class FakeState {
  readonly accountId: string;
  private readonly pageSize: number;
  private readonly failures: FakeAwsFailure[];
  private readonly throttles: { spec: FakeAwsThrottle; seen: number }[];
  private readonly regions: Map<string, RegionInventory>;
  private readonly tokens = new Map<string, { key: string; offset: number }>();

  constructor(scenario: FakeAwsScenario) {
    const account = scenario.inventory.accounts[0];
    this.accountId = scenario.accountId ?? account?.accountId ?? '123456789012';
    this.pageSize = scenario.pageSize ?? 2;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${this.pageSize}`);
    this.failures = effectiveFailures(scenario);
    this.throttles = (scenario.throttle ?? []).map((spec) => ({ spec, seen: 0 }));
    this.regions = new Map((account?.regions ?? []).map((r) => [r.region, r]));
  }

  handle(req: IncomingMessage, body: string): { record?: Omit<FakeAwsRequest, 'status' | 'response'>; response: HttpAnswer } {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const form = new URLSearchParams(req.method === 'GET' ? url.search : body);
    const params: Record<string, string> = {};
    for (const [key, value] of form) params[key] = value;
    const scope = credentialScope(req);
    const service = serviceOfVersion(params.Version) ?? (scope?.service as FakeService | undefined);
    const action = params.Action ?? '';
    const region = scope?.region ?? 'us-east-1';
    if (!service || !(service in SERVICES)) {
      return {
        response: queryError(new AwsError('InvalidAction', `fake-aws: no service for Version=${params.Version ?? ''} and scope ${scope?.service ?? '(none)'}`)),
      };
    }
    const record = { service, action, region, params };
    const spec = SERVICES[service];
    const requestId = randomUUID();
    try {
      if (!req.headers.authorization) throw new AwsError(spec.ec2 ? 'AuthFailure' : 'MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      this.checkThrottle(service, action, region, spec.ec2);
      this.checkFailure(service, action, region);
      const handler = HANDLERS[service][action];
      if (!handler) throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      const call: Call = { service, action, region, params, data: this.regions.get(region) ?? EMPTY_REGION(region) };
      const inner = handler.call(this, call);
      const xml = spec.ec2
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${spec.xmlns}">${t('requestId', requestId)}${inner}</${action}Response>`
        : `<${action}Response xmlns="${spec.xmlns}">${e(`${action}Result`, inner)}${e('ResponseMetadata', t('RequestId', requestId))}</${action}Response>`;
      return { record, response: { status: 200, contentType: spec.ec2 ? 'text/xml;charset=UTF-8' : 'text/xml', body: xml, requestId } };
    } catch (caught) {
      // A bug of the fake answers 400 `FakeAwsBug` (not retried, unlike a 500), and the scan
      // shows it as a gap with that code.
      const error = caught instanceof AwsError ? caught : new AwsError('FakeAwsBug', caught instanceof Error ? (caught.stack ?? caught.message) : String(caught));
      return { record, response: spec.ec2 ? ec2Error(error, requestId) : queryError(error, requestId, spec.xmlns) };
    }
  }

  private checkThrottle(service: FakeService, action: string, region: string, ec2: boolean): void {
    for (const throttle of this.throttles) {
      const { spec } = throttle;
      if (signingName(spec.service) !== service || spec.action !== action || (spec.region !== undefined && spec.region !== region)) continue;
      if (throttle.seen >= spec.count) continue;
      throttle.seen += 1;
      throw ec2 ? new AwsError('RequestLimitExceeded', 'Request limit exceeded.', spec.status ?? 400) : new AwsError('Throttling', 'Rate exceeded', spec.status ?? 400);
    }
  }

  private checkFailure(service: FakeService, action: string, region: string): void {
    const failure = matchFailure(this.failures, service, action, region);
    if (failure) throw new AwsError(failure.code, failureMessage(failure, this.accountId, service, action), failureStatus(failure));
  }

  /** One page of `items`, with an opaque token bound to the call's other parameters. */
  page<T>(call: Call, items: readonly T[], spec: PageSpec): { items: T[]; next: string | undefined } {
    const ec2 = SERVICES[call.service].ec2;
    const requested = call.params[spec.sizeParam];
    let size = this.pageSize;
    if (requested !== undefined) {
      const n = Number(requested);
      if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
        throw ec2
          ? new AwsError('InvalidParameterValue', `Value ( ${requested} ) for parameter maxResults is invalid. Expecting a value between ${spec.min} and ${spec.max}.`)
          : new AwsError(
              'ValidationError',
              `1 validation error detected: Value '${requested}' at '${spec.sizeParam[0]!.toLowerCase()}${spec.sizeParam.slice(1)}' failed to satisfy constraint: Member must have value ${n < spec.min ? 'greater than or equal to ' + spec.min : 'less than or equal to ' + spec.max}`,
            );
      }
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
      if (!saved || saved.key !== key) {
        if (ec2) throw new AwsError('InvalidPaginationToken', `The pagination token '${token}' is invalid.`);
        if (call.service === 'autoscaling') throw new AwsError('InvalidNextToken', 'The token is invalid.');
        throw new AwsError('ValidationError', `The marker '${token}' is not valid`);
      }
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

function matchFailure(failures: readonly FakeAwsFailure[], service: FakeService, action: string, region: string): FakeAwsFailure | undefined {
  return failures.find((f) => signingName(f.service) === service && f.action === action && (f.region === undefined || f.region === region));
}

function failureMessage(failure: FakeAwsFailure, accountId: string, service: FakeService, action: string): string {
  if (failure.message !== undefined) return failure.message;
  const denial = `User: arn:aws:iam::${accountId}:user/ha-audit is not authorized to perform: ${service}:${action} because no identity-based policy allows the ${service}:${action} action`;
  if (failure.code === 'UnauthorizedOperation') return `You are not authorized to perform this operation. ${denial}`;
  if (DENIED_CODES.has(failure.code)) return denial;
  return `fake-aws: ${failure.code} on ${service}:${action}`;
}

function failureStatus(failure: FakeAwsFailure): number {
  return failure.status ?? (DENIED_CODES.has(failure.code) ? 403 : 400);
}

function queryError(error: AwsError, requestId = randomUUID(), xmlns?: string): HttpAnswer {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const open = xmlns ? `<ErrorResponse xmlns="${xmlns}">` : '<ErrorResponse>';
  const body = `${open}${e('Error', t('Type', type), t('Code', error.code), t('Message', error.message))}${t('RequestId', requestId)}</ErrorResponse>`;
  return { status: error.status, contentType: 'text/xml', body, requestId };
}

function ec2Error(error: AwsError, requestId: string): HttpAnswer {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${e('Errors', e('Error', t('Code', error.code), t('Message', error.message)))}${t('RequestID', requestId)}</Response>`;
  return { status: error.status, contentType: 'text/xml;charset=UTF-8', body, requestId };
}

// ---------------------------------------------------------------- handlers

type Handler = (this: FakeState, call: Call) => string;

const HANDLERS: Record<FakeService, Record<string, Handler>> = {
  sts: {
    GetCallerIdentity() {
      return t('Arn', `arn:aws:iam::${this.accountId}:user/ha-audit`) + t('UserId', 'AIDAFAKEAWSHAAUDIT01') + t('Account', this.accountId);
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
            policyDetailsXml(policy.type),
            '<Alarms/>',
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
      const filters = ec2Filters(call.params);
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
      const filters = ec2Filters(call.params);
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
  },
};

function notFound(code: string, message: string): never {
  throw new AwsError(code, message);
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

function applyFilters<T>(items: readonly T[], filters: { name: string; values: string[] }[], fields: Record<string, (item: T) => string | undefined>): T[] {
  let result = [...items];
  for (const filter of filters) {
    const field = fields[filter.name];
    if (!field) throw new AwsError('InvalidParameterValue', `The filter '${filter.name}' is invalid (fake-aws knows ${Object.keys(fields).join(', ')})`);
    result = result.filter((item) => filter.values.includes(field(item) ?? ''));
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

/** `LoadBalancer`: LoadBalancerArn, DNSName, CanonicalHostedZoneId, CreatedTime, LoadBalancerName, Scheme, VpcId, State, Type, AvailabilityZones, SecurityGroups, IpAddressType. */
function loadBalancerXml(lb: LoadBalancer): string {
  return [
    t('LoadBalancerArn', lb.arn),
    t('DNSName', lb.dnsName),
    t('CanonicalHostedZoneId', lb.type === 'network' ? 'Z26RNL4JYFTOTI' : 'Z35SXDOTRQ7X7K'),
    t('CreatedTime', CREATED),
    t('LoadBalancerName', lb.name),
    t('Scheme', lb.scheme),
    t('VpcId', lb.vpcId),
    lb.state === undefined ? '' : e('State', t('Code', lb.state)),
    t('Type', lb.type),
    list('AvailabilityZones', lb.availabilityZones, (z) => t('ZoneName', z.zoneName) + t('SubnetId', z.subnetId) + '<LoadBalancerAddresses/>'),
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
    return [
      t('Type', action.type),
      arns.length === 1 ? t('TargetGroupArn', arns[0]) : '',
      action.type === 'redirect' ? e('RedirectConfig', t('Protocol', 'HTTPS'), t('Port', '443'), t('Host', '#{host}'), t('Path', '/#{path}'), t('Query', '#{query}'), t('StatusCode', 'HTTP_301')) : '',
      action.type === 'fixed-response' ? e('FixedResponseConfig', t('MessageBody', 'Not Found'), t('StatusCode', '404'), t('ContentType', 'text/plain')) : '',
      arns.length > 0
        ? e(
            'ForwardConfig',
            list('TargetGroups', arns, (arn) => t('TargetGroupArn', arn) + t('Weight', 1)),
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
    '<SuspendedProcesses/>',
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
  ].join('');
}

function policyDetailsXml(type: string): string {
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
        t('Mode', 'ForecastOnly'),
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

// ---------------------------------------------------------------- what a scan should find

/** The service ids of ha-audit's gaps (`elbv2`, not `elasticloadbalancing`). */
type GapService = 'elbv2' | 'autoscaling' | 'ec2';

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
 * - each failure (explicit, or from the inventory's gaps) applied as the collector applies it:
 *   a gap when the operation is called at all (once per operation and code), and the part of
 *   the inventory it feeds left empty (a `DescribeRules` failure empties the rules of every ALB
 *   listener and keeps the listeners).
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

  const collected = regions.map((region): RegionInventory => {
    const data = structuredClone(byRegion.get(region) ?? EMPTY_REGION(region));
    /** Calls `service:operation` once: true (and a gap) when it fails. */
    const fails = (service: GapService, operation: string): boolean => {
      const failure = matchFailure(failures, signingName(service), operation, region);
      if (!failure) return false;
      const code = failure.code;
      if (!gaps.some((g) => g.region === region && g.service === service && g.operation === operation && g.code === code)) {
        const message = failureMessage(failure, accountId, signingName(service), operation).split('\n')[0]!.trim() || code;
        gaps.push({ accountId, region, service, operation, code, message });
      }
      return true;
    };

    // ELBv2
    const lbs = fails('elbv2', 'DescribeLoadBalancers') ? [] : data.elbv2.loadBalancers;
    const tgs = fails('elbv2', 'DescribeTargetGroups') ? [] : data.elbv2.targetGroups;
    for (const lb of lbs) {
      lb.availabilityZones = lb.availabilityZones.map(({ zoneName, subnetId }) => (subnetId === undefined ? { zoneName } : { zoneName, subnetId }));
      if (lb.type !== 'application') for (const listener of lb.listeners) listener.rules = [];
    }
    if (lbs.length > 0 && fails('elbv2', 'DescribeLoadBalancerAttributes')) for (const lb of lbs) lb.attributes = {};
    if (lbs.length > 0 && fails('elbv2', 'DescribeListeners')) for (const lb of lbs) lb.listeners = [];
    const albListeners = lbs.filter((lb) => lb.type === 'application').flatMap((lb) => lb.listeners);
    if (albListeners.length > 0 && fails('elbv2', 'DescribeRules')) for (const listener of albListeners) listener.rules = [];
    if (tgs.length > 0 && fails('elbv2', 'DescribeTargetGroupAttributes')) for (const tg of tgs) tg.attributes = {};
    for (const tg of tgs) if (tg.loadBalancerArns.length === 0) tg.targets = [];
    const attached = tgs.filter((tg) => tg.loadBalancerArns.length > 0);
    if (attached.length > 0 && fails('elbv2', 'DescribeTargetHealth')) for (const tg of attached) tg.targets = [];
    if (lbs.length + tgs.length > 0 && fails('elbv2', 'DescribeTags')) for (const r of [...lbs, ...tgs]) r.tags = {};

    // Auto Scaling
    const groups = fails('autoscaling', 'DescribeAutoScalingGroups') ? [] : data.autoscaling.groups;
    const noPolicies = fails('autoscaling', 'DescribePolicies');
    for (const group of groups) {
      if (group.healthCheckTypes.length === 0) group.healthCheckTypes = ['EC2'];
      if (noPolicies) group.scalingPolicies = [];
    }

    // EC2
    const subnets = fails('ec2', 'DescribeSubnets') ? [] : data.ec2.subnets;
    const ids = [...new Set(tgs.filter((tg) => tg.targetType === 'instance').flatMap((tg) => tg.targets.map((target) => target.id)))];
    let instances: Ec2Instance[] = [];
    if (ids.length > 0 && !fails('ec2', 'DescribeInstances')) {
      for (let i = 0; i < ids.length; i += 200) {
        const batch = new Set(ids.slice(i, i + 200));
        instances = instances.concat(data.ec2.instances.filter((instance) => batch.has(instance.id)));
      }
    }

    return {
      ...emptyRegionInventory(region),
      elbv2: { loadBalancers: lbs, targetGroups: tgs },
      autoscaling: { groups },
      ec2: { instances, subnets },
    };
  });

  return {
    format: scenario.inventory.format,
    formatVersion: scenario.inventory.formatVersion,
    collectedAt: scenario.inventory.collectedAt,
    accounts: [{ accountId, route53: emptyRoute53Inventory(), regions: collected }],
    gaps,
  };
}
