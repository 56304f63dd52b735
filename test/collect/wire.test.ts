/**
 * The fake AWS endpoint, driven by the real SDK clients over HTTP (no aws-sdk-client-mock):
 * the SDK's own deserializers read its XML, and `collectInventory` scans it end to end.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AutoScalingClient, DescribeAutoScalingGroups$, DescribeAutoScalingGroupsCommand, DescribePolicies$, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { RDSClient } from '@aws-sdk/client-rds';
import { DescribeInstances$, DescribeInstancesCommand, DescribeSubnets$, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeListeners$,
  DescribeListenersCommand,
  DescribeLoadBalancerAttributes$,
  DescribeLoadBalancers$,
  DescribeLoadBalancersCommand,
  DescribeRules$,
  DescribeRulesCommand,
  DescribeTags$,
  DescribeTagsCommand,
  DescribeTargetGroupAttributes$,
  DescribeTargetGroups$,
  DescribeTargetGroupsCommand,
  DescribeTargetHealth$,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetCallerIdentity$, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
// The schemas the SDK's own XML deserializer walks: element names, list entry names, types.
import { NormalizedSchema } from '@smithy/core/schema';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rules } from '../../rules/index.js';
import type { RegionClients } from '../../src/collect/aws-clients.js';
import { collectInventory } from '../../src/collect/collect-inventory.js';
import { runRules } from '../../src/engine/run-rules.js';
import { HaAuditError } from '../../src/model/errors.js';
import type { Gap, Inventory, LoadBalancer, RegionInventory, TargetGroup } from '../../src/model/inventory.js';
import { loadInventory } from '../../src/model/inventory-file.js';
import { OPERATIONS, READ_ONLY_OPERATION } from '../../src/model/operations.js';
import { packageRoot } from '../../src/package-info.js';
import { expectedCollection, startFakeAws, type FakeAws, type FakeAwsRequest, type FakeAwsScenario, type FakeService } from '../support/fake-aws.js';
import { emptyRegionInventory, emptyRoute53Inventory } from '../../src/model/inventory.js';

const ACCOUNT = '111122223333';
const REGIONS = ['us-east-1', 'eu-west-1'];
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };

// ---------------------------------------------------------------- a small inventory

const lbArn = (region: string, type: 'app' | 'net', name: string) => `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/${type}/${name}/${name.length}0a1b2c3d4e5f6a7`;
const tgArn = (region: string, name: string) => `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:targetgroup/${name}/${name.length}1b2c3d4e5f6a7b8`;
const listenerArn = (lb: string, id: string) => `${lb.replace(':loadbalancer/', ':listener/')}/${id}`;
const ruleArn = (listener: string, id: string) => `${listener.replace(':listener/', ':listener-rule/')}/${id}`;
const forward = (...arns: string[]) => ({ type: 'forward', targetGroupArns: arns });

const US = 'us-east-1';
const WEB_ALB = lbArn(US, 'app', 'web-alb');
const API_ALB = lbArn(US, 'app', 'api-alb');
const TCP_NLB = lbArn(US, 'net', 'tcp-nlb');
const WEB_TG = tgArn(US, 'web-tg');
const API_TG = tgArn(US, 'api-tg');
const TCP_TG = tgArn(US, 'tcp-tg');
const SPARE_TG = tgArn(US, 'spare-tg');
const HTTPS_LISTENER = listenerArn(WEB_ALB, '2b3c4d5e6f7a8b9c');

function loadBalancer(lb: Partial<LoadBalancer> & Pick<LoadBalancer, 'arn' | 'name' | 'type'>): LoadBalancer {
  return {
    dnsName: `${lb.name}-1234567890.${lb.arn.split(':')[3]}.elb.amazonaws.com`,
    scheme: 'internet-facing',
    vpcId: 'vpc-0a1b2c3d',
    state: 'active',
    availabilityZones: [],
    attributes: {},
    listeners: [],
    tags: {},
    ...lb,
  };
}

function targetGroup(tg: Partial<TargetGroup> & Pick<TargetGroup, 'arn' | 'name'>): TargetGroup {
  return {
    targetType: 'instance',
    protocol: 'HTTP',
    port: 80,
    vpcId: 'vpc-0a1b2c3d',
    loadBalancerArns: [],
    healthCheck: { enabled: true, protocol: 'HTTP', port: 'traffic-port', path: '/health', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2 },
    attributes: { 'stickiness.enabled': 'false', 'stickiness.type': 'lb_cookie', 'deregistration_delay.timeout_seconds': '300' },
    targets: [],
    tags: {},
    ...tg,
  };
}

const usEast1: RegionInventory = {
  ...emptyRegionInventory(US),
  elbv2: {
    loadBalancers: [
      loadBalancer({
        arn: WEB_ALB,
        name: 'web-alb',
        type: 'application',
        availabilityZones: [
          { zoneName: 'us-east-1a', subnetId: 'subnet-0aaa1111' },
          { zoneName: 'us-east-1b', subnetId: 'subnet-0bbb2222' },
          { zoneName: 'us-east-1c', subnetId: 'subnet-0ccc3333' },
        ],
        // An empty value on the wire (`<Value></Value>`) must come back as ''.
        attributes: { 'deletion_protection.enabled': 'true', 'idle_timeout.timeout_seconds': '60', 'access_logs.s3.bucket': '', 'routing.http2.enabled': 'true' },
        listeners: [
          { arn: listenerArn(WEB_ALB, '1a2b3c4d5e6f7a8b'), port: 80, protocol: 'HTTP', defaultActions: [{ type: 'redirect', targetGroupArns: [] }], rules: [] },
          {
            arn: HTTPS_LISTENER,
            port: 443,
            protocol: 'HTTPS',
            defaultActions: [forward(WEB_TG)],
            rules: [
              { arn: ruleArn(HTTPS_LISTENER, '0000000000000001'), priority: '10', actions: [forward(API_TG)] },
              // A weighted forward: both groups, no single TargetGroupArn on the wire.
              { arn: ruleArn(HTTPS_LISTENER, '0000000000000002'), priority: '20', actions: [forward(WEB_TG, API_TG)] },
            ],
          },
          { arn: listenerArn(WEB_ALB, '3c4d5e6f7a8b9c0d'), port: 8080, protocol: 'HTTP', defaultActions: [{ type: 'fixed-response', targetGroupArns: [] }], rules: [] },
        ],
        tags: { env: 'prod', team: 'web', 'cost-center': '' },
      }),
      loadBalancer({
        arn: API_ALB,
        name: 'api-alb',
        type: 'application',
        scheme: 'internal',
        availabilityZones: [
          { zoneName: 'us-east-1a', subnetId: 'subnet-0aaa1111' },
          { zoneName: 'us-east-1b', subnetId: 'subnet-0bbb2222' },
        ],
        attributes: { 'deletion_protection.enabled': 'false' },
        listeners: [{ arn: listenerArn(API_ALB, '4d5e6f7a8b9c0d1e'), port: 80, protocol: 'HTTP', defaultActions: [forward(API_TG)], rules: [] }],
        tags: { env: 'prod' },
      }),
      loadBalancer({
        arn: TCP_NLB,
        name: 'tcp-nlb',
        type: 'network',
        scheme: 'internal',
        state: 'provisioning',
        availabilityZones: [{ zoneName: 'us-east-1a', subnetId: 'subnet-0aaa1111' }],
        attributes: { 'deletion_protection.enabled': 'false', 'load_balancing.cross_zone.enabled': 'false' },
        listeners: [{ arn: listenerArn(TCP_NLB, '5e6f7a8b9c0d1e2f'), port: 443, protocol: 'TCP', defaultActions: [forward(TCP_TG)], rules: [] }],
      }),
    ],
    targetGroups: [
      targetGroup({
        arn: WEB_TG,
        name: 'web-tg',
        loadBalancerArns: [WEB_ALB],
        targets: [
          { id: 'i-0000000000000001', port: 80, state: 'healthy' },
          { id: 'i-0000000000000002', port: 80, state: 'healthy' },
          { id: 'i-0000000000000003', port: 80, state: 'unhealthy', reason: 'Target.FailedHealthChecks' },
        ],
        tags: { env: 'prod' },
      }),
      targetGroup({
        arn: API_TG,
        name: 'api-tg',
        targetType: 'ip',
        port: 8080,
        loadBalancerArns: [WEB_ALB, API_ALB],
        healthCheck: { enabled: true, protocol: 'HTTP', port: '8081', path: '/ping', intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 3, unhealthyThreshold: 3 },
        attributes: { 'stickiness.enabled': 'true', 'stickiness.type': 'app_cookie', 'stickiness.app_cookie.cookie_name': 'SESSION' },
        targets: [
          { id: '10.0.1.10', port: 8080, state: 'healthy', availabilityZone: 'us-east-1a' },
          { id: '10.0.2.10', port: 8080, state: 'draining', reason: 'Target.DeregistrationInProgress', availabilityZone: 'us-east-1b' },
        ],
      }),
      targetGroup({
        arn: TCP_TG,
        name: 'tcp-tg',
        protocol: 'TCP',
        port: 443,
        loadBalancerArns: [TCP_NLB],
        healthCheck: { enabled: true, protocol: 'TCP', port: 'traffic-port', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 3 },
        attributes: { 'deregistration_delay.timeout_seconds': '300', 'stickiness.enabled': 'false', 'stickiness.type': 'source_ip' },
        targets: [{ id: 'i-0000000000000004', port: 443, state: 'healthy' }],
      }),
      // Attached to nothing: no DescribeTargetHealth for it, hence no targets.
      targetGroup({ arn: SPARE_TG, name: 'spare-tg', healthCheck: { enabled: false } }),
    ],
  },
  autoscaling: {
    groups: [
      {
        arn: `arn:aws:autoscaling:${US}:${ACCOUNT}:autoScalingGroup:11111111-2222-3333-4444-555555555555:autoScalingGroupName/web-asg`,
        name: 'web-asg',
        minSize: 3,
        maxSize: 9,
        desiredCapacity: 3,
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        subnetIds: ['subnet-0aaa1111', 'subnet-0bbb2222', 'subnet-0ccc3333'],
        healthCheckTypes: ['ELB'],
        healthCheckGracePeriod: 300,
        loadBalancerNames: [],
        targetGroupArns: [WEB_TG],
        trafficSources: [{ identifier: WEB_TG, type: 'elbv2' }],
        instances: [
          { id: 'i-0000000000000001', availabilityZone: 'us-east-1a', lifecycleState: 'InService', healthStatus: 'Healthy' },
          { id: 'i-0000000000000002', availabilityZone: 'us-east-1b', lifecycleState: 'InService', healthStatus: 'Healthy' },
          { id: 'i-0000000000000003', availabilityZone: 'us-east-1c', lifecycleState: 'InService', healthStatus: 'Unhealthy' },
        ],
        scalingPolicies: [
          { name: 'cpu50', type: 'TargetTrackingScaling', enabled: true },
          { name: 'step-out', type: 'StepScaling', enabled: true },
        ],
        tags: { env: 'prod', Name: 'web' },
      },
      {
        arn: `arn:aws:autoscaling:${US}:${ACCOUNT}:autoScalingGroup:22222222-2222-3333-4444-555555555555:autoScalingGroupName/tcp-asg`,
        name: 'tcp-asg',
        minSize: 1,
        maxSize: 2,
        desiredCapacity: 1,
        availabilityZones: ['us-east-1a'],
        subnetIds: ['subnet-0aaa1111'],
        healthCheckTypes: ['EC2', 'EBS'],
        healthCheckGracePeriod: 0,
        loadBalancerNames: ['legacy-clb'],
        targetGroupArns: [TCP_TG],
        trafficSources: [
          { identifier: TCP_TG, type: 'elbv2' },
          { identifier: 'legacy-clb', type: 'elb' },
        ],
        instances: [{ id: 'i-0000000000000004', availabilityZone: 'us-east-1a', lifecycleState: 'InService', healthStatus: 'Healthy' }],
        scalingPolicies: [{ name: 'manual', type: 'SimpleScaling', enabled: false }],
        tags: {},
      },
      {
        arn: `arn:aws:autoscaling:${US}:${ACCOUNT}:autoScalingGroup:33333333-2222-3333-4444-555555555555:autoScalingGroupName/batch`,
        name: 'batch',
        minSize: 0,
        maxSize: 4,
        desiredCapacity: 0,
        availabilityZones: ['us-east-1b'],
        subnetIds: [],
        healthCheckTypes: ['EC2'],
        loadBalancerNames: [],
        targetGroupArns: [],
        trafficSources: [],
        instances: [],
        scalingPolicies: [],
        tags: { 'aws:cloudformation:stack-name': 'batch & <friends>' },
      },
    ],
  },
  ec2: {
    instances: [
      { id: 'i-0000000000000001', availabilityZone: 'us-east-1a', state: 'running' },
      { id: 'i-0000000000000002', availabilityZone: 'us-east-1b', state: 'running' },
      { id: 'i-0000000000000003', availabilityZone: 'us-east-1c', state: 'running' },
      { id: 'i-0000000000000004', availabilityZone: 'us-east-1a', state: 'stopping' },
    ],
    subnets: [
      { id: 'subnet-0aaa1111', vpcId: 'vpc-0a1b2c3d', availabilityZone: 'us-east-1a', availabilityZoneId: 'use1-az1', cidrBlock: '10.0.1.0/24' },
      { id: 'subnet-0bbb2222', vpcId: 'vpc-0a1b2c3d', availabilityZone: 'us-east-1b', availabilityZoneId: 'use1-az2', cidrBlock: '10.0.2.0/24' },
      { id: 'subnet-0ccc3333', vpcId: 'vpc-0a1b2c3d', availabilityZone: 'us-east-1c', availabilityZoneId: 'use1-az4', cidrBlock: '10.0.3.0/24' },
    ],
  },
};

const EU = 'eu-west-1';
const EU_ALB = lbArn(EU, 'app', 'eu-alb');
const EU_TG = tgArn(EU, 'eu-tg');
const euWest1: RegionInventory = {
  ...emptyRegionInventory(EU),
  elbv2: {
    loadBalancers: [
      loadBalancer({
        arn: EU_ALB,
        name: 'eu-alb',
        type: 'application',
        vpcId: 'vpc-0e0e0e0e',
        availabilityZones: [
          { zoneName: 'eu-west-1a', subnetId: 'subnet-0eee1111' },
          { zoneName: 'eu-west-1b', subnetId: 'subnet-0eee2222' },
        ],
        attributes: { 'deletion_protection.enabled': 'true' },
        listeners: [{ arn: listenerArn(EU_ALB, '6f7a8b9c0d1e2f3a'), port: 80, protocol: 'HTTP', defaultActions: [forward(EU_TG)], rules: [] }],
      }),
    ],
    targetGroups: [
      targetGroup({
        arn: EU_TG,
        name: 'eu-tg',
        vpcId: 'vpc-0e0e0e0e',
        loadBalancerArns: [EU_ALB],
        targets: [
          { id: 'i-0e00000000000001', port: 80, state: 'healthy' },
          { id: 'i-0e00000000000002', port: 80, state: 'initial', reason: 'Elb.InitialHealthChecking' },
        ],
      }),
    ],
  },
  autoscaling: {
    groups: [
      {
        arn: `arn:aws:autoscaling:${EU}:${ACCOUNT}:autoScalingGroup:44444444-2222-3333-4444-555555555555:autoScalingGroupName/eu-asg`,
        name: 'eu-asg',
        minSize: 2,
        maxSize: 4,
        desiredCapacity: 2,
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        subnetIds: ['subnet-0eee1111', 'subnet-0eee2222'],
        healthCheckTypes: ['EC2', 'ELB'],
        healthCheckGracePeriod: 120,
        loadBalancerNames: [],
        targetGroupArns: [EU_TG],
        trafficSources: [{ identifier: EU_TG, type: 'elbv2' }],
        instances: [
          { id: 'i-0e00000000000001', availabilityZone: 'eu-west-1a', lifecycleState: 'InService', healthStatus: 'Healthy' },
          { id: 'i-0e00000000000002', availabilityZone: 'eu-west-1b', lifecycleState: 'Pending', healthStatus: 'Healthy' },
        ],
        scalingPolicies: [{ name: 'predict', type: 'PredictiveScaling', enabled: true }],
        tags: { env: 'prod' },
      },
    ],
  },
  ec2: {
    instances: [
      { id: 'i-0e00000000000001', availabilityZone: 'eu-west-1a', state: 'running' },
      { id: 'i-0e00000000000002', availabilityZone: 'eu-west-1b', state: 'pending' },
    ],
    subnets: [
      { id: 'subnet-0eee1111', vpcId: 'vpc-0e0e0e0e', availabilityZone: 'eu-west-1a', availabilityZoneId: 'euw1-az1', cidrBlock: '10.1.1.0/24' },
      { id: 'subnet-0eee2222', vpcId: 'vpc-0e0e0e0e', availabilityZone: 'eu-west-1b', availabilityZoneId: 'euw1-az2', cidrBlock: '10.1.2.0/24' },
    ],
  },
};

const SMALL: Inventory = {
  format: 'ha-audit-inventory',
  formatVersion: 1,
  collectedAt: '2026-11-20T09:00:00.000Z',
  accounts: [{ accountId: ACCOUNT, route53: emptyRoute53Inventory(), regions: [usEast1, euWest1] }],
  gaps: [],
};

// ---------------------------------------------------------------- helpers

let fake: FakeAws | undefined;

async function start(scenario: Partial<FakeAwsScenario> = {}): Promise<FakeAws> {
  fake = await startFakeAws({ inventory: SMALL, ...scenario });
  return fake;
}

const sdkConfig = (url: string, region: string) => ({ endpoint: url, region, credentials: CREDENTIALS, maxAttempts: 3 });

/** Clients configured as the brief of this fake says: static credentials, 3 attempts. */
function clientsFor(url: string): (region: string) => RegionClients {
  return (region) => ({
    elbv2: new ElasticLoadBalancingV2Client(sdkConfig(url, region)),
    autoscaling: new AutoScalingClient(sdkConfig(url, region)),
    ec2: new EC2Client(sdkConfig(url, region)),
    rds: new RDSClient(sdkConfig(url, region)),
    elasticache: new ElastiCacheClient(sdkConfig(url, region)),
    dynamodb: new DynamoDBClient(sdkConfig(url, region)),
  });
}

const byGap = (a: Gap, b: Gap) => `${a.region} ${a.service} ${a.operation} ${a.code}`.localeCompare(`${b.region} ${b.service} ${b.operation} ${b.code}`);

/** The inventory without what legitimately differs between two scans: the time, and the order of gaps (timing). */
function comparable(inventory: Inventory): Inventory {
  return { ...inventory, collectedAt: '(any)', gaps: [...inventory.gaps].sort(byGap) };
}

function calls(requests: FakeAwsRequest[], action: string, region?: string): FakeAwsRequest[] {
  return requests.filter((r) => r.action === action && (region === undefined || r.region === region));
}

// ---------------------------------------------------------------- XML conformance to the SDK schemas

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict little XML reader for the fake's own output: one root, matching tags, no stray text. */
function parseXmlTree(xml: string): XmlElement {
  const source = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/, '');
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  const decode = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let consumed = 0;
  for (const match of source.matchAll(token)) {
    const [all, close, name, attrs, selfClosing, text] = match;
    if (match.index !== consumed) throw new Error(`unparsable XML at ${consumed}: ${source.slice(consumed, consumed + 40)}`);
    consumed += all.length;
    if (text !== undefined) {
      if (/[<>]/.test(text) || /&(?!(lt|gt|quot|apos|amp);)/.test(text)) throw new Error(`unescaped text: ${text}`);
      if (stack.length === 0) throw new Error(`text outside the root: ${text}`);
      stack[stack.length - 1]!.text += decode(text);
      continue;
    }
    if (close) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      if (stack.length === 0) root = open;
      continue;
    }
    if (root || (stack.length === 0 && consumed !== all.length)) throw new Error('more than one root element');
    const element: XmlElement = {
      name: name!,
      attributes: Object.fromEntries([...(attrs ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)])),
      children: [],
      text: '',
    };
    stack[stack.length - 1]?.children.push(element);
    if (selfClosing) {
      if (stack.length === 0) root = element;
    } else {
      stack.push(element);
    }
  }
  if (consumed !== source.length || stack.length > 0 || !root) throw new Error('truncated XML');
  return root;
}

const OPERATION_SCHEMAS: Record<FakeService, Record<string, typeof GetCallerIdentity$>> = {
  sts: { GetCallerIdentity: GetCallerIdentity$ },
  elasticloadbalancing: {
    DescribeLoadBalancers: DescribeLoadBalancers$,
    DescribeLoadBalancerAttributes: DescribeLoadBalancerAttributes$,
    DescribeListeners: DescribeListeners$,
    DescribeRules: DescribeRules$,
    DescribeTargetGroups: DescribeTargetGroups$,
    DescribeTargetGroupAttributes: DescribeTargetGroupAttributes$,
    DescribeTargetHealth: DescribeTargetHealth$,
    DescribeTags: DescribeTags$,
  },
  autoscaling: { DescribeAutoScalingGroups: DescribeAutoScalingGroups$, DescribePolicies: DescribePolicies$ },
  ec2: { DescribeInstances: DescribeInstances$, DescribeSubnets: DescribeSubnets$ },
};

/** The namespaces of the API references' sample responses. */
const XMLNS: Record<FakeService, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  elasticloadbalancing: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
};

type Schema = NormalizedSchema;

const names = (element: XmlElement) => element.children.map((c) => c.name);

/** Every element a member of its structure (by `xmlName`, else member name), lists of `member`/`item`, scalars well formed. */
function checkValue(element: XmlElement, schema: Schema, path: string, problems: string[]): void {
  if (schema.isStructSchema()) {
    const members = new Map<string, Schema>();
    for (const [name, member] of schema.structIterator()) members.set(member.getMergedTraits().xmlName ?? name, member);
    const seen = new Set<string>();
    for (const child of element.children) {
      const member = members.get(child.name);
      if (!member) problems.push(`${path}/${child.name}: not a member of ${schema.getName()} (${[...members.keys()].join(', ')})`);
      else checkValue(child, member, `${path}/${child.name}`, problems);
      if (seen.has(child.name)) problems.push(`${path}/${child.name}: repeated`);
      seen.add(child.name);
    }
    if (element.text.trim() !== '') problems.push(`${path}: text in a structure`);
    return;
  }
  if (schema.isListSchema()) {
    const value = schema.getValueSchema();
    const entry = value.getMergedTraits().xmlName ?? 'member';
    element.children.forEach((child, i) => {
      if (child.name !== entry) problems.push(`${path}/${child.name}: a list entry must be <${entry}>`);
      checkValue(child, value, `${path}/${entry}[${i + 1}]`, problems);
    });
    if (element.text.trim() !== '') problems.push(`${path}: text in a list`);
    return;
  }
  if (schema.isMapSchema()) {
    problems.push(`${path}: maps are not expected in these APIs`);
    return;
  }
  if (element.children.length > 0) problems.push(`${path}: elements inside a scalar`);
  const text = element.text;
  if (schema.isNumericSchema() && !/^-?\d+(\.\d+)?$/.test(text)) problems.push(`${path}: not a number: ${text}`);
  if (schema.isBooleanSchema() && text !== 'true' && text !== 'false') problems.push(`${path}: not a boolean: ${text}`);
  if (schema.isTimestampSchema() && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text)) problems.push(`${path}: not an ISO 8601 timestamp: ${text}`);
}

/** What is wrong with the XML of one answer of the fake, judged by the SDK's schemas and the protocol. */
function conformance(request: FakeAwsRequest): string[] {
  const problems: string[] = [];
  const root = parseXmlTree(request.response);
  const where = `${request.service}:${request.action}`;
  const expectChildren = (element: XmlElement, expected: string[]) => {
    if (names(element).join() !== expected.join()) problems.push(`${where} <${element.name}>: children ${names(element).join()}, expected ${expected.join()}`);
  };
  if (request.status !== 200) {
    if (request.service === 'ec2') {
      expectChildren(root, ['Errors', 'RequestID']);
      expectChildren(root.children[0]!, ['Error']);
      expectChildren(root.children[0]!.children[0]!, ['Code', 'Message']);
    } else {
      if (root.name !== 'ErrorResponse') problems.push(`${where}: error root <${root.name}>`);
      expectChildren(root, ['Error', 'RequestId']);
      expectChildren(root.children[0]!, ['Type', 'Code', 'Message']);
      if (!['Sender', 'Receiver'].includes(root.children[0]!.children[0]!.text)) problems.push(`${where}: error Type ${root.children[0]!.children[0]!.text}`);
    }
    return problems;
  }
  if (root.name !== `${request.action}Response`) problems.push(`${where}: root <${root.name}>`);
  if (root.attributes.xmlns !== XMLNS[request.service]) problems.push(`${where}: xmlns ${root.attributes.xmlns}`);
  const output = NormalizedSchema.of(OPERATION_SCHEMAS[request.service][request.action]![5]);
  if (request.service === 'ec2') {
    if (root.children[0]?.name !== 'requestId') problems.push(`${where}: <requestId> must come first`);
    checkValue({ ...root, children: root.children.slice(1) }, output, where, problems);
  } else {
    expectChildren(root, [`${request.action}Result`, 'ResponseMetadata']);
    expectChildren(root.children[1]!, ['RequestId']);
    checkValue(root.children[0]!, output, where, problems);
  }
  return problems;
}

beforeAll(() => {
  // The credential chain of collectInventory: environment first. No IMDS, no shared config.
  vi.stubEnv('AWS_ACCESS_KEY_ID', CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', CREDENTIALS.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_ENDPOINT_URL', undefined);
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/ha-audit-test-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/ha-audit-test-credentials');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  fake = undefined;
});

afterEach(async () => {
  await fake?.close();
});

// ---------------------------------------------------------------- the wire, read by the SDK

describe('fake AWS read by the real SDK clients', () => {
  it('answers STS GetCallerIdentity with the account', async () => {
    const { url, requests } = await start({ accountId: '999988887777' });
    const identity = await new STSClient(sdkConfig(url, US)).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '999988887777', Arn: 'arn:aws:iam::999988887777:user/ha-audit', UserId: expect.any(String) });
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests).toEqual([
      { service: 'sts', action: 'GetCallerIdentity', region: US, params: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, status: 200, response: expect.any(String) },
    ]);
  });

  it('serves ELBv2 load balancers page by page, with typed fields', async () => {
    const { url, requests } = await start();
    const client = new ElasticLoadBalancingV2Client(sdkConfig(url, US));
    const first = await client.send(new DescribeLoadBalancersCommand({ PageSize: 400 }));
    expect(first.LoadBalancers?.map((lb) => lb.LoadBalancerName)).toEqual(['web-alb', 'api-alb']);
    expect(first.NextMarker).toEqual(expect.any(String));
    const second = await client.send(new DescribeLoadBalancersCommand({ PageSize: 400, Marker: first.NextMarker }));
    expect(second.LoadBalancers?.map((lb) => lb.LoadBalancerName)).toEqual(['tcp-nlb']);
    expect(second.NextMarker).toBeUndefined();

    const web = first.LoadBalancers![0]!;
    expect(web).toMatchObject({
      LoadBalancerArn: WEB_ALB,
      Type: 'application',
      Scheme: 'internet-facing',
      VpcId: 'vpc-0a1b2c3d',
      State: { Code: 'active' },
      AvailabilityZones: [
        { ZoneName: 'us-east-1a', SubnetId: 'subnet-0aaa1111', LoadBalancerAddresses: [] },
        { ZoneName: 'us-east-1b', SubnetId: 'subnet-0bbb2222', LoadBalancerAddresses: [] },
        { ZoneName: 'us-east-1c', SubnetId: 'subnet-0ccc3333', LoadBalancerAddresses: [] },
      ],
      IpAddressType: 'ipv4',
    });
    expect(web.CreatedTime).toBeInstanceOf(Date);
    expect(requests.map((r) => r.params)).toEqual([
      { Action: 'DescribeLoadBalancers', Version: '2015-12-01', PageSize: '400' },
      { Action: 'DescribeLoadBalancers', Version: '2015-12-01', PageSize: '400', Marker: first.NextMarker },
    ]);
    expect(requests.every((r) => r.service === 'elasticloadbalancing' && r.region === US)).toBe(true);
  });

  it('serves listeners, rules (with the default rule), target groups, target health and tags', async () => {
    const { url } = await start({ pageSize: 10 });
    const client = new ElasticLoadBalancingV2Client(sdkConfig(url, US));

    const { Listeners } = await client.send(new DescribeListenersCommand({ LoadBalancerArn: WEB_ALB }));
    expect(Listeners?.[1]).toMatchObject({
      ListenerArn: HTTPS_LISTENER,
      LoadBalancerArn: WEB_ALB,
      Port: 443,
      Protocol: 'HTTPS',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: WEB_TG, Order: 1, ForwardConfig: { TargetGroups: [{ TargetGroupArn: WEB_TG, Weight: 1 }] } }],
    });

    const { Rules } = await client.send(new DescribeRulesCommand({ ListenerArn: HTTPS_LISTENER }));
    expect(Rules?.map((r) => [r.Priority, r.IsDefault])).toEqual([
      ['10', false],
      ['20', false],
      ['default', true],
    ]);
    expect(Rules?.[1]?.Actions?.[0]?.TargetGroupArn).toBeUndefined();
    expect(Rules?.[1]?.Actions?.[0]?.ForwardConfig?.TargetGroups?.map((g) => g.TargetGroupArn)).toEqual([WEB_TG, API_TG]);
    expect(Rules?.[2]?.Actions).toEqual(Listeners?.[1]?.DefaultActions);
    expect(Rules?.[0]?.Conditions?.[0]).toMatchObject({ Field: 'path-pattern', Values: ['/rule-10/*'] });

    const { TargetGroups } = await client.send(new DescribeTargetGroupsCommand({}));
    expect(TargetGroups?.[1]).toMatchObject({
      TargetGroupArn: API_TG,
      TargetType: 'ip',
      HealthCheckEnabled: true,
      HealthCheckPort: '8081',
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 3,
      LoadBalancerArns: [WEB_ALB, API_ALB],
      Matcher: { HttpCode: '200' },
    });
    expect(TargetGroups?.[3]).toMatchObject({ TargetGroupName: 'spare-tg', HealthCheckEnabled: false, LoadBalancerArns: [] });

    const health = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: API_TG }));
    expect(health.TargetHealthDescriptions).toEqual([
      { Target: { Id: '10.0.1.10', Port: 8080, AvailabilityZone: 'us-east-1a' }, HealthCheckPort: '8081', TargetHealth: { State: 'healthy' } },
      {
        Target: { Id: '10.0.2.10', Port: 8080, AvailabilityZone: 'us-east-1b' },
        HealthCheckPort: '8081',
        TargetHealth: { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' },
      },
    ]);

    const { TagDescriptions } = await client.send(new DescribeTagsCommand({ ResourceArns: [WEB_ALB, TCP_NLB] }));
    expect(TagDescriptions).toEqual([
      {
        ResourceArn: WEB_ALB,
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: 'web' },
          { Key: 'cost-center', Value: '' },
        ],
      },
      { ResourceArn: TCP_NLB, Tags: [] },
    ]);
  });

  it('answers ELBv2 errors as the query protocol does', async () => {
    const { url } = await start();
    const client = new ElasticLoadBalancingV2Client(sdkConfig(url, US));
    await expect(client.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn(US, 'nope') }))).rejects.toMatchObject({
      name: 'TargetGroupNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(client.send(new DescribeLoadBalancersCommand({ PageSize: 401 }))).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(client.send(new DescribeTagsCommand({ ResourceArns: Array.from({ length: 21 }, () => WEB_ALB) }))).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(client.send(new DescribeLoadBalancersCommand({ Marker: 'not-a-marker' }))).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('serves Auto Scaling groups and region-wide policies', async () => {
    const { url } = await start({ pageSize: 10 });
    const client = new AutoScalingClient(sdkConfig(url, US));
    const { AutoScalingGroups } = await client.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 100 }));
    expect(AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual(['web-asg', 'tcp-asg', 'batch']);
    expect(AutoScalingGroups?.[1]).toMatchObject({
      MinSize: 1,
      HealthCheckType: 'EC2,EBS',
      VPCZoneIdentifier: 'subnet-0aaa1111',
      LoadBalancerNames: ['legacy-clb'],
      TargetGroupARNs: [TCP_TG],
      TrafficSources: [
        { Identifier: TCP_TG, Type: 'elbv2' },
        { Identifier: 'legacy-clb', Type: 'elb' },
      ],
      Instances: [{ InstanceId: 'i-0000000000000004', AvailabilityZone: 'us-east-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false }],
    });
    expect(AutoScalingGroups?.[0]?.VPCZoneIdentifier).toBe('subnet-0aaa1111,subnet-0bbb2222,subnet-0ccc3333');
    expect(AutoScalingGroups?.[2]?.VPCZoneIdentifier).toBeUndefined();
    expect(AutoScalingGroups?.[2]?.Tags).toEqual([
      { ResourceId: 'batch', ResourceType: 'auto-scaling-group', Key: 'aws:cloudformation:stack-name', Value: 'batch & <friends>', PropagateAtLaunch: true },
    ]);

    const { ScalingPolicies } = await client.send(new DescribePoliciesCommand({}));
    expect(ScalingPolicies?.map((p) => [p.AutoScalingGroupName, p.PolicyName, p.PolicyType, p.Enabled])).toEqual([
      ['web-asg', 'cpu50', 'TargetTrackingScaling', true],
      ['web-asg', 'step-out', 'StepScaling', true],
      ['tcp-asg', 'manual', 'SimpleScaling', false],
    ]);
    expect(ScalingPolicies?.[0]?.TargetTrackingConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType).toBe('ASGAverageCPUUtilization');
    await expect(client.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 101 }))).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('serves EC2 instances through the instance-id filter, and subnets', async () => {
    const { url, requests } = await start({ pageSize: 10 });
    const client = new EC2Client(sdkConfig(url, US));
    const { Reservations, NextToken } = await client.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: ['i-0000000000000004', 'i-0000000000000002', 'i-gone'] }], MaxResults: 1000 }),
    );
    expect(NextToken).toBeUndefined();
    const instances = (Reservations ?? []).flatMap((r) => r.Instances ?? []);
    expect(instances.map((i) => [i.InstanceId, i.Placement?.AvailabilityZone, i.State?.Code, i.State?.Name])).toEqual([
      ['i-0000000000000002', 'us-east-1b', 16, 'running'],
      ['i-0000000000000004', 'us-east-1a', 64, 'stopping'],
    ]);
    expect(Reservations?.[0]?.OwnerId).toBe(ACCOUNT);
    expect(instances[0]?.LaunchTime).toBeInstanceOf(Date);
    expect(requests[0]?.params).toEqual({
      Action: 'DescribeInstances',
      Version: '2016-11-15',
      'Filter.1.Name': 'instance-id',
      'Filter.1.Value.1': 'i-0000000000000004',
      'Filter.1.Value.2': 'i-0000000000000002',
      'Filter.1.Value.3': 'i-gone',
      MaxResults: '1000',
    });

    const { Subnets } = await client.send(new DescribeSubnetsCommand({ MaxResults: 1000 }));
    expect(Subnets?.[0]).toMatchObject({
      SubnetId: 'subnet-0aaa1111',
      VpcId: 'vpc-0a1b2c3d',
      AvailabilityZone: 'us-east-1a',
      AvailabilityZoneId: 'use1-az1',
      CidrBlock: '10.0.1.0/24',
      State: 'available',
      DefaultForAz: false,
      AvailableIpAddressCount: 250,
    });

    await expect(client.send(new DescribeInstancesCommand({ InstanceIds: ['i-gone'] }))).rejects.toMatchObject({
      name: 'InvalidInstanceID.NotFound',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(client.send(new DescribeSubnetsCommand({ MaxResults: 4 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(
      client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: Array.from({ length: 201 }, (_, i) => `i-${i}`) }] })),
    ).rejects.toMatchObject({ name: 'FilterLimitExceeded' });
  });

  it('answers the configured failures in each protocol, in the region given only', async () => {
    const { url } = await start({
      failures: [
        { service: 'elasticloadbalancing', action: 'DescribeTargetHealth', region: US, code: 'AccessDenied' },
        { service: 'ec2', action: 'DescribeSubnets', code: 'UnauthorizedOperation' },
      ],
    });
    const elbv2 = new ElasticLoadBalancingV2Client(sdkConfig(url, US));
    const denied = elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: WEB_TG }));
    await expect(denied).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:user/ha-audit is not authorized to perform: elasticloadbalancing:DescribeTargetHealth because no identity-based policy allows the elasticloadbalancing:DescribeTargetHealth action`,
      $fault: 'client',
      $metadata: { httpStatusCode: 403, attempts: 1 },
      Error: { Type: 'Sender', Code: 'AccessDenied' },
    });
    const eu = await new ElasticLoadBalancingV2Client(sdkConfig(url, EU)).send(new DescribeTargetHealthCommand({ TargetGroupArn: EU_TG }));
    expect(eu.TargetHealthDescriptions).toHaveLength(2);

    await expect(new EC2Client(sdkConfig(url, EU)).send(new DescribeSubnetsCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
      message: expect.stringMatching(/^You are not authorized to perform this operation\. User: /),
      $metadata: { httpStatusCode: 403, attempts: 1 },
    });
  });

  it('throttles the first calls of an action; the SDK retries and gets through', async () => {
    const { url, requests } = await start({
      throttle: [
        { service: 'elbv2', action: 'DescribeLoadBalancers', count: 2 },
        { service: 'ec2', action: 'DescribeSubnets', region: EU, count: 2 },
      ],
    });
    const page = await new ElasticLoadBalancingV2Client(sdkConfig(url, US)).send(new DescribeLoadBalancersCommand({}));
    expect(page.LoadBalancers).toHaveLength(2);
    expect(page.$metadata.attempts).toBe(3);
    expect(calls(requests, 'DescribeLoadBalancers').map((r) => r.status)).toEqual([400, 400, 200]);

    const subnets = await new EC2Client(sdkConfig(url, EU)).send(new DescribeSubnetsCommand({}));
    expect(subnets.Subnets).toHaveLength(2);
    expect(calls(requests, 'DescribeSubnets').map((r) => r.status)).toEqual([400, 400, 200]);
  });
});

describe('fake AWS responses, checked against the SDK schemas', () => {
  it('parses its own XML strictly (the checker is not blind)', () => {
    expect(() => parseXmlTree('<A><B>x</A>')).toThrow();
    expect(() => parseXmlTree('<A>a & b</A>')).toThrow();
    expect(() => parseXmlTree('<A/><B/>')).toThrow();
    const bad: FakeAwsRequest = {
      service: 'ec2',
      action: 'DescribeSubnets',
      region: US,
      params: {},
      status: 200,
      response: `<DescribeSubnetsResponse xmlns="${XMLNS.ec2}"><requestId>r</requestId><subnetSet><member><SubnetId>s</SubnetId><defaultForAz>no</defaultForAz></member></subnetSet></DescribeSubnetsResponse>`,
    };
    expect(conformance(bad)).toEqual([
      'ec2:DescribeSubnets/subnetSet/member: a list entry must be <item>',
      expect.stringMatching(/^ec2:DescribeSubnets\/subnetSet\/item\[1\]\/SubnetId: not a member of Subnet/),
      'ec2:DescribeSubnets/subnetSet/item[1]/defaultForAz: not a boolean: no',
    ]);
  });

  it('sends only elements the SDK knows, under their wire names, for every operation and both error formats', async () => {
    const inventories = [SMALL];
    const demo = join(packageRoot(), 'fixtures', 'demo', 'inventory.json');
    if (existsSync(demo)) inventories.push(await loadInventory(demo));
    const requests: FakeAwsRequest[] = [];
    for (const inventory of inventories) {
      const { url, requests: seen } = await start({ inventory });
      await collectInventory({ regions: REGIONS, endpointUrl: url });
      requests.push(...seen);
      await fake!.close();
      fake = undefined;
    }
    const failing = await start({
      failures: [
        { service: 'elbv2', action: 'DescribeTags', code: 'AccessDenied' },
        { service: 'ec2', action: 'DescribeSubnets', code: 'UnauthorizedOperation' },
      ],
    });
    await collectInventory({ regions: REGIONS, endpointUrl: failing.url });
    requests.push(...failing.requests);

    const seen = new Set(requests.map((r) => `${r.service}:${r.action}:${r.status}`));
    for (const [service, actions] of Object.entries(OPERATION_SCHEMAS)) for (const action of Object.keys(actions)) expect(seen).toContain(`${service}:${action}:200`);
    expect(seen).toContain('elasticloadbalancing:DescribeTags:403');
    expect(seen).toContain('ec2:DescribeSubnets:403');
    expect(requests.flatMap(conformance)).toEqual([]);
  });
});

// ---------------------------------------------------------------- collectInventory end to end

describe('collectInventory against the fake', () => {
  it('collects the inventory the fake was made of', async () => {
    const { url } = await start();
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    expect(comparable(collected)).toEqual(comparable(SMALL));
    expect(comparable(expectedCollection({ inventory: SMALL }, REGIONS))).toEqual(comparable(SMALL));
  });

  it('finds the same results as a scan of the inventory file', async () => {
    const { url } = await start();
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    const live = runRules(collected, { rules });
    expect(live.length).toBeGreaterThan(10);
    expect(live).toEqual(runRules(SMALL, { rules }));
  });

  it('calls only the read-only operations it declares, each list page by page', async () => {
    const { url, requests } = await start();
    await collectInventory({ regions: REGIONS, endpointUrl: url });

    const declared = Object.values(OPERATIONS).flat() as string[];
    for (const request of requests) {
      expect(request.action).toMatch(READ_ONLY_OPERATION);
      expect(declared).toContain(request.action);
      expect(request.status).toBe(200);
    }
    expect(calls(requests, 'GetCallerIdentity')).toHaveLength(1);

    // With 2 items a page: 3 load balancers, 4 target groups, 3 listeners of web-alb, 3 rules of
    // its HTTPS listener (2 + the default one), 3 groups, 3 policies, 4 instances, 3 subnets.
    const pages = (action: string, extra: (r: FakeAwsRequest) => boolean = () => true) => calls(requests, action, US).filter(extra);
    expect(pages('DescribeLoadBalancers')).toHaveLength(2);
    expect(pages('DescribeTargetGroups')).toHaveLength(2);
    expect(pages('DescribeListeners', (r) => r.params.LoadBalancerArn === WEB_ALB)).toHaveLength(2);
    expect(pages('DescribeRules', (r) => r.params.ListenerArn === HTTPS_LISTENER)).toHaveLength(2);
    expect(pages('DescribeAutoScalingGroups')).toHaveLength(2);
    expect(pages('DescribePolicies')).toHaveLength(2);
    expect(pages('DescribeInstances')).toHaveLength(2);
    expect(pages('DescribeSubnets')).toHaveLength(2);
    for (const action of ['DescribeLoadBalancers', 'DescribeTargetGroups', 'DescribeAutoScalingGroups', 'DescribePolicies', 'DescribeInstances', 'DescribeSubnets']) {
      const [first, second] = pages(action);
      const token = first!.service === 'elasticloadbalancing' ? 'Marker' : 'NextToken';
      expect(first!.params[token], action).toBeUndefined();
      expect(second!.params[token], action).toEqual(expect.any(String));
    }
    // Rules only for Application Load Balancers; health only for attached groups; tags in one batch.
    expect(calls(requests, 'DescribeRules', US).every((r) => !r.params.ListenerArn?.includes('/net/'))).toBe(true);
    expect(calls(requests, 'DescribeTargetHealth', US).map((r) => r.params.TargetGroupArn)).toEqual(expect.arrayContaining([WEB_TG, API_TG, TCP_TG]));
    expect(calls(requests, 'DescribeTargetHealth', US).map((r) => r.params.TargetGroupArn)).not.toContain(SPARE_TG);
    expect(calls(requests, 'DescribeTags', US)).toHaveLength(1);
    // The instances are asked for by filter, the ids of the instance targets only.
    const filter = calls(requests, 'DescribeInstances', US)[0]!.params;
    expect(filter['Filter.1.Name']).toBe('instance-id');
    expect(Object.keys(filter).filter((k) => k.startsWith('Filter.1.Value.')).map((k) => filter[k]).sort()).toEqual([
      'i-0000000000000001',
      'i-0000000000000002',
      'i-0000000000000003',
      'i-0000000000000004',
    ]);
  });

  it('turns AccessDenied on DescribeTargetHealth in one region into a gap there', async () => {
    const { url, requests } = await start({
      failures: [{ service: 'elasticloadbalancing', action: 'DescribeTargetHealth', region: US, code: 'AccessDenied', message: 'no health for you' }],
    });
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    expect(collected.gaps).toEqual([
      { accountId: ACCOUNT, region: US, service: 'elbv2', operation: 'DescribeTargetHealth', code: 'AccessDenied', message: 'no health for you' },
    ]);
    const us = collected.accounts[0]!.regions[0]!;
    expect(us.elbv2.targetGroups.map((tg) => tg.targets)).toEqual([[], [], [], []]);
    // No targets, no instance to describe.
    expect(us.ec2.instances).toEqual([]);
    expect(calls(requests, 'DescribeInstances', US)).toEqual([]);
    expect(collected.accounts[0]!.regions[1]).toEqual(euWest1);
    // AccessDenied is not retried by the SDK: at most one request per attached group (3), one gap.
    expect(calls(requests, 'DescribeTargetHealth', US).length).toBeLessThanOrEqual(3);
    expect(calls(requests, 'DescribeTargetHealth', US).every((r) => r.status === 403)).toBe(true);
    expect(comparable(collected)).toEqual(comparable(expectedCollection({ inventory: SMALL, failures: [{ service: 'elbv2', action: 'DescribeTargetHealth', region: US, code: 'AccessDenied', message: 'no health for you' }] }, REGIONS)));
  });

  it('turns UnauthorizedOperation (EC2 error format) into a gap with its code and message', async () => {
    const { url } = await start({ failures: [{ service: 'ec2', action: 'DescribeSubnets', region: EU, code: 'UnauthorizedOperation' }] });
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    expect(collected.gaps).toEqual([
      {
        accountId: ACCOUNT,
        region: EU,
        service: 'ec2',
        operation: 'DescribeSubnets',
        code: 'UnauthorizedOperation',
        message: `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:user/ha-audit is not authorized to perform: ec2:DescribeSubnets because no identity-based policy allows the ec2:DescribeSubnets action`,
      },
    ]);
    expect(collected.accounts[0]!.regions[1]!.ec2.subnets).toEqual([]);
    expect(collected.accounts[0]!.regions[0]).toEqual(usEast1);
  });

  it('keeps the listeners when DescribeRules is denied', async () => {
    const scenario: FakeAwsScenario = { inventory: SMALL, failures: [{ service: 'elbv2', action: 'DescribeRules', code: 'AccessDenied' }] };
    const { url } = await start(scenario);
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    expect(collected.gaps.map((g) => [g.region, g.operation, g.code]).sort()).toEqual([
      [EU, 'DescribeRules', 'AccessDenied'],
      [US, 'DescribeRules', 'AccessDenied'],
    ]);
    const web = collected.accounts[0]!.regions[0]!.elbv2.loadBalancers[0]!;
    expect(web.listeners.map((l) => [l.port, l.defaultActions.length, l.rules.length])).toEqual([
      [80, 1, 0],
      [443, 1, 0],
      [8080, 1, 0],
    ]);
    expect(comparable(collected)).toEqual(comparable(expectedCollection(scenario, REGIONS)));
  });

  it('recovers from throttling with the same inventory (the collector’s own retry settings)', async () => {
    // Throttling at the very start of a scan: the collector's standard retry backs off and goes on
    // at full speed afterwards (the SDK's adaptive mode would cap the client at 0.5 request/s).
    const { url, requests } = await start({ throttle: [{ service: 'elbv2', action: 'DescribeLoadBalancers', region: EU, count: 2 }] });
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    expect(comparable(collected)).toEqual(comparable(SMALL));
    expect(requests.filter((r) => r.status !== 200).map((r) => `${r.region} ${r.action} ${r.status}`)).toEqual([
      `${EU} DescribeLoadBalancers 400`,
      `${EU} DescribeLoadBalancers 400`,
    ]);
    expect(calls(requests, 'DescribeLoadBalancers', EU).map((r) => r.status).slice(0, 3)).toEqual([400, 400, 200]);
  });

  it('recovers from throttling with clients of 3 attempts (clientsFor)', async () => {
    const { url, requests } = await start({ throttle: [{ service: 'elbv2', action: 'DescribeTargetGroups', region: US, count: 2 }] });
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url, clientsFor: clientsFor(url) });
    expect(comparable(collected)).toEqual(comparable(SMALL));
    expect(calls(requests, 'DescribeTargetGroups', US).map((r) => r.status)).toEqual([400, 400, 200, 200]);
  });

  it('is found through AWS_ENDPOINT_URL, as the CLI finds it', async () => {
    const { url, requests } = await start();
    vi.stubEnv('AWS_ENDPOINT_URL', url);
    try {
      const collected = await collectInventory({ regions: REGIONS });
      expect(comparable(collected)).toEqual(comparable(SMALL));
      expect(new Set(requests.map((r) => r.service))).toEqual(new Set(['sts', 'elasticloadbalancing', 'autoscaling', 'ec2']));
    } finally {
      vi.stubEnv('AWS_ENDPOINT_URL', undefined);
    }
  });

  it('makes rejected credentials fatal (STS)', async () => {
    const { url } = await start({
      failures: [{ service: 'sts', action: 'GetCallerIdentity', code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 }],
    });
    const scan = collectInventory({ regions: REGIONS, endpointUrl: url });
    await expect(scan).rejects.toBeInstanceOf(HaAuditError);
    await expect(scan).rejects.toMatchObject({ code: 'no-credentials', message: expect.stringContaining('InvalidClientTokenId') });
  });

  it('reproduces the gaps of the inventory it was made of, and what the wire cannot carry', async () => {
    // A lossy inventory: targets of an unattached group (not asked), an instance no load
    // balancer targets (not asked), and a gap.
    const lossy = structuredClone(SMALL);
    const us = lossy.accounts[0]!.regions[0]!;
    us.elbv2.targetGroups[3]!.targets = [{ id: 'i-0000000000000009', state: 'unused', reason: 'Target.NotInUse' }];
    us.ec2.instances.push({ id: 'i-0000000000000009', availabilityZone: 'us-east-1c', state: 'stopped' });
    lossy.gaps = [{ accountId: ACCOUNT, region: EU, service: 'autoscaling', operation: 'DescribePolicies', code: 'AccessDenied', message: 'denied' }];
    lossy.accounts[0]!.regions[1]!.autoscaling.groups[0]!.scalingPolicies = [];

    const { url } = await start({ inventory: lossy });
    const collected = await collectInventory({ regions: REGIONS, endpointUrl: url });
    expect(comparable(collected)).toEqual(comparable(expectedCollection({ inventory: lossy }, REGIONS)));
    expect(collected.gaps).toEqual(lossy.gaps);
    const back = collected.accounts[0]!.regions[0]!;
    expect(back.elbv2.loadBalancers[0]!.availabilityZones[0]).toEqual({ zoneName: 'us-east-1a', subnetId: 'subnet-0aaa1111' });
    expect(back.elbv2.targetGroups[3]!.targets).toEqual([]);
    expect(back.ec2.instances.map((i) => i.id)).not.toContain('i-0000000000000009');
  });

  const demo = join(packageRoot(), 'fixtures', 'demo', 'inventory.json');
  it.skipIf(!existsSync(demo))('round-trips the demo inventory (fixtures/demo/inventory.json)', async () => {
    const inventory = await loadInventory(demo);
    const regions = inventory.accounts[0]!.regions.map((r) => r.region);
    const { url } = await start({ inventory });
    const collected = await collectInventory({ regions, endpointUrl: url });
    const expected = expectedCollection({ inventory }, regions);
    expect(comparable(collected)).toEqual(comparable(expected));
    // The same findings as `ha-audit scan --inventory fixtures/demo/inventory.json`, although the
    // file has load-balancer zone ids a live scan cannot get (no rule reads them).
    expect(runRules(collected, { rules })).toEqual(runRules(inventory, { rules }));
  });
});
