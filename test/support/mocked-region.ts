import { afterEach } from 'vitest';
/**
 * A mocked AWS region for the collector tests: real SDK clients whose `send` is stubbed with
 * `aws-sdk-client-mock` (no HTTP; `fake-aws.ts` is the wire-level fake for end-to-end tests).
 * It serves the resources of a `World` the way the APIs do: paginated (Marker/NextMarker for ELBv2,
 * NextToken for Auto Scaling and EC2, Marker for RDS and ElastiCache, NextToken for serverless
 * caches: opaque tokens; table names for DynamoDB `ListTables`), per-resource calls keyed by ARN, and
 * the APIs' own validation (page-size ranges, 20 ARNs per `DescribeTags`, 200 filter values).
 * Every call is logged, in-flight calls are counted per service, and any operation can be
 * delayed, failed or replaced.
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeCacheClustersCommand, DescribeReplicationGroupsCommand, DescribeServerlessCachesCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeAvailabilityZonesCommand, DescribeInstancesCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import type { RegionClients } from '../../src/collect/aws-clients.js';
import {
  attributes,
  awsError,
  continuousBackups,
  defaultLoadBalancerAttributes,
  dynamoDbError,
  defaultTargetGroupAttributes,
  REGION,
  responseMetadata,
  type AsgGroup,
  type AsgPolicy,
  type ContinuousBackupsDescription,
  type DynamoDbTableDescription,
  type EcCacheCluster,
  type EcReplicationGroup,
  type EcServerlessCache,
  type RdsDbCluster,
  type RdsDbInstance,
  type Ec2Instance,
  type Ec2Subnet,
  type Ec2Zone,
  availabilityZone,
  type ElbListener,
  type ElbLoadBalancer,
  type ElbRule,
  type ElbTag,
  type ElbTargetGroup,
  type LoadBalancerKind,
  type TargetHealthDescription,
} from './aws-responses.js';

/** What the fake region holds. Per-resource maps are keyed by ARN. */
export interface World {
  loadBalancers: ElbLoadBalancer[];
  /** By load balancer ARN. */
  listeners: Record<string, ElbListener[]>;
  /** By listener ARN; the default rule is added from the listener when absent. */
  rules: Record<string, ElbRule[]>;
  targetGroups: ElbTargetGroup[];
  /** By target group ARN. */
  health: Record<string, TargetHealthDescription[]>;
  /** By load balancer ARN; defaults to what the API returns for a new load balancer. */
  loadBalancerAttributes: Record<string, Record<string, string>>;
  /** By target group ARN; defaults to what the API returns for a new target group. */
  targetGroupAttributes: Record<string, Record<string, string>>;
  /** By resource ARN. */
  tags: Record<string, ElbTag[]>;
  autoScalingGroups: AsgGroup[];
  scalingPolicies: AsgPolicy[];
  instances: Ec2Instance[];
  subnets: Ec2Subnet[];
  /** `DescribeAvailabilityZones`; defaults to zones a to c of the region as use1-az1 to az3. */
  availabilityZones: Ec2Zone[];
  dbInstances: RdsDbInstance[];
  dbClusters: RdsDbCluster[];
  replicationGroups: EcReplicationGroup[];
  cacheClusters: EcCacheCluster[];
  serverlessCaches: EcServerlessCache[];
  /** `DescribeTable`'s `Table` of each table, in any order (`ListTables` sorts them by name). */
  tables: DynamoDbTableDescription[];
  /** By table name; defaults to what the API returns for a new table (point-in-time recovery off). */
  continuousBackups: Record<string, ContinuousBackupsDescription>;
}

export type ServiceName = 'elbv2' | 'autoscaling' | 'ec2' | 'rds' | 'elasticache' | 'dynamodb';

export const OPERATION_SERVICE = {
  DescribeLoadBalancers: 'elbv2',
  DescribeLoadBalancerAttributes: 'elbv2',
  DescribeListeners: 'elbv2',
  DescribeRules: 'elbv2',
  DescribeTargetGroups: 'elbv2',
  DescribeTargetGroupAttributes: 'elbv2',
  DescribeTargetHealth: 'elbv2',
  DescribeTags: 'elbv2',
  DescribeAutoScalingGroups: 'autoscaling',
  DescribePolicies: 'autoscaling',
  DescribeInstances: 'ec2',
  DescribeSubnets: 'ec2',
  DescribeAvailabilityZones: 'ec2',
  DescribeDBInstances: 'rds',
  DescribeDBClusters: 'rds',
  DescribeReplicationGroups: 'elasticache',
  DescribeCacheClusters: 'elasticache',
  DescribeServerlessCaches: 'elasticache',
  ListTables: 'dynamodb',
  DescribeTable: 'dynamodb',
  DescribeContinuousBackups: 'dynamodb',
} as const satisfies Record<string, ServiceName>;

export type FakeOperation = keyof typeof OPERATION_SERVICE;

 
type Input = any;
 
type Output = any;

export interface FakeOptions {
  region?: string;
  /** Items per page the fake returns (never more than the request's page size). Default: the request's. */
  pageSize?: number;
  /** Milliseconds each call of the operation takes. */
  latencyMs?: Partial<Record<FakeOperation, number>>;
  /** Returns an error to fail that call with, or nothing to serve it. */
  fail?: Partial<Record<FakeOperation, (input: Input, call: number) => Error | undefined>>;
  /** Replaces the fake's handler of an operation (it still goes through logging and latency). */
  handle?: Partial<Record<FakeOperation, (input: Input, call: number) => Output>>;
}

export interface CallEvent {
  seq: number;
  service: ServiceName;
  operation: FakeOperation;
  event: 'start' | 'resolve' | 'reject';
  input: Input;
  /** The response, on `resolve`. */
  output?: Output;
}

export class MockedRegion {
  readonly world: World;
  readonly clients: RegionClients;
  readonly elbv2: AwsClientStub<ElasticLoadBalancingV2Client>;
  readonly autoscaling: AwsClientStub<AutoScalingClient>;
  readonly ec2: AwsClientStub<EC2Client>;
  readonly rds: AwsClientStub<RDSClient>;
  readonly elasticache: AwsClientStub<ElastiCacheClient>;
  readonly dynamodb: AwsClientStub<DynamoDBClient>;
  /** Every call, in order: start, then resolve or reject. */
  readonly events: CallEvent[] = [];
  readonly inFlight: Record<ServiceName, number> = { elbv2: 0, autoscaling: 0, ec2: 0, rds: 0, elasticache: 0, dynamodb: 0 };
  readonly maxInFlight: Record<ServiceName, number> = { elbv2: 0, autoscaling: 0, ec2: 0, rds: 0, elasticache: 0, dynamodb: 0 };
  private readonly counts = new Map<FakeOperation, number>();

  constructor(
    world: Partial<World> = {},
    readonly options: FakeOptions = {},
  ) {
    this.world = {
      loadBalancers: [],
      listeners: {},
      rules: {},
      targetGroups: [],
      health: {},
      loadBalancerAttributes: {},
      targetGroupAttributes: {},
      tags: {},
      autoScalingGroups: [],
      scalingPolicies: [],
      instances: [],
      subnets: [],
      availabilityZones: ['a', 'b', 'c'].map((letter, i) => availabilityZone(`${options.region ?? REGION}${letter}`, `use1-az${i + 1}`, options.region ?? REGION)),
      dbInstances: [],
      dbClusters: [],
      replicationGroups: [],
      cacheClusters: [],
      serverlessCaches: [],
      tables: [],
      continuousBackups: {},
      ...world,
    };
    const region = options.region ?? REGION;
    this.clients = {
      elbv2: new ElasticLoadBalancingV2Client({ region }),
      autoscaling: new AutoScalingClient({ region }),
      ec2: new EC2Client({ region }),
      rds: new RDSClient({ region }),
      elasticache: new ElastiCacheClient({ region }),
      dynamodb: new DynamoDBClient({ region }),
    };
    this.elbv2 = mockClient(this.clients.elbv2);
    this.autoscaling = mockClient(this.clients.autoscaling);
    this.ec2 = mockClient(this.clients.ec2);
    this.rds = mockClient(this.clients.rds);
    this.elasticache = mockClient(this.clients.elasticache);
    this.dynamodb = mockClient(this.clients.dynamodb);

    // A command the fake does not know (a write, say) succeeds with an empty response, as a
    // real one would: the read-only test must catch it by name, not by a crash.
    for (const mock of [this.elbv2, this.autoscaling, this.ec2, this.rds, this.elasticache, this.dynamodb] as unknown as AwsClientStub<ElasticLoadBalancingV2Client>[]) mock.onAnyCommand().resolves({ $metadata: responseMetadata() });
    this.elbv2.on(DescribeLoadBalancersCommand).callsFake(this.handler('DescribeLoadBalancers', (i) => this.describeLoadBalancers(i)));
    this.elbv2.on(DescribeTargetGroupsCommand).callsFake(this.handler('DescribeTargetGroups', (i) => this.describeTargetGroups(i)));
    this.elbv2.on(DescribeListenersCommand).callsFake(this.handler('DescribeListeners', (i) => this.describeListeners(i)));
    this.elbv2.on(DescribeRulesCommand).callsFake(this.handler('DescribeRules', (i) => this.describeRules(i)));
    this.elbv2.on(DescribeLoadBalancerAttributesCommand).callsFake(this.handler('DescribeLoadBalancerAttributes', (i) => this.loadBalancerAttributes(i)));
    this.elbv2.on(DescribeTargetGroupAttributesCommand).callsFake(this.handler('DescribeTargetGroupAttributes', (i) => this.targetGroupAttributes(i)));
    this.elbv2.on(DescribeTargetHealthCommand).callsFake(this.handler('DescribeTargetHealth', (i) => this.describeTargetHealth(i)));
    this.elbv2.on(DescribeTagsCommand).callsFake(this.handler('DescribeTags', (i) => this.describeTags(i)));
    this.autoscaling.on(DescribeAutoScalingGroupsCommand).callsFake(this.handler('DescribeAutoScalingGroups', (i) => this.describeAutoScalingGroups(i)));
    this.autoscaling.on(DescribePoliciesCommand).callsFake(this.handler('DescribePolicies', (i) => this.describePolicies(i)));
    this.ec2.on(DescribeInstancesCommand).callsFake(this.handler('DescribeInstances', (i) => this.describeInstances(i)));
    this.ec2.on(DescribeSubnetsCommand).callsFake(this.handler('DescribeSubnets', (i) => this.describeSubnets(i)));
    this.ec2.on(DescribeAvailabilityZonesCommand).callsFake(this.handler('DescribeAvailabilityZones', () => ({ AvailabilityZones: this.world.availabilityZones })));
    this.rds.on(DescribeDBInstancesCommand).callsFake(this.handler('DescribeDBInstances', (i) => this.describeDbInstances(i)));
    this.rds.on(DescribeDBClustersCommand).callsFake(this.handler('DescribeDBClusters', (i) => this.describeDbClusters(i)));
    this.elasticache.on(DescribeReplicationGroupsCommand).callsFake(this.handler('DescribeReplicationGroups', (i) => this.describeReplicationGroups(i)));
    this.elasticache.on(DescribeCacheClustersCommand).callsFake(this.handler('DescribeCacheClusters', (i) => this.describeCacheClusters(i)));
    this.elasticache.on(DescribeServerlessCachesCommand).callsFake(this.handler('DescribeServerlessCaches', (i) => this.describeServerlessCaches(i)));
    this.dynamodb.on(ListTablesCommand).callsFake(this.handler('ListTables', (i) => this.listTables(i)));
    this.dynamodb.on(DescribeTableCommand).callsFake(this.handler('DescribeTable', (i) => this.describeTable(i)));
    this.dynamodb.on(DescribeContinuousBackupsCommand).callsFake(this.handler('DescribeContinuousBackups', (i) => this.describeContinuousBackups(i)));
  }

  /** The inputs of every call of an operation, in call order. */
  inputs(operation: FakeOperation): Input[] {
    return this.events.filter((e) => e.operation === operation && e.event === 'start').map((e) => e.input);
  }

  /** The responses of the successful calls of an operation, in completion order. */
  outputs(operation: FakeOperation): Output[] {
    return this.events.filter((e) => e.operation === operation && e.event === 'resolve').map((e) => e.output);
  }

  /** Every command sent on the region clients: `service:CommandName` without `Command`. */
  sentCommands(): string[] {
    const mocks: [ServiceName, { calls(): { args: [object] }[] }][] = [
      ['elbv2', this.elbv2],
      ['autoscaling', this.autoscaling],
      ['ec2', this.ec2],
      ['rds', this.rds],
      ['elasticache', this.elasticache],
      ['dynamodb', this.dynamodb],
    ];
    return mocks.flatMap(([service, mock]) => mock.calls().map((call) => `${service}:${call.args[0].constructor.name.replace(/Command$/, '')}`));
  }

  restore(): void {
    this.elbv2.restore();
    this.autoscaling.restore();
    this.ec2.restore();
    this.rds.restore();
    this.elasticache.restore();
    this.dynamodb.restore();
  }

  private handler(operation: FakeOperation, serve: (input: Input) => Output): (input: Input) => Promise<Output> {
    const service = OPERATION_SERVICE[operation];
    return async (input: Input) => {
      const call = this.counts.get(operation) ?? 0;
      this.counts.set(operation, call + 1);
      this.log(service, operation, 'start', input);
      this.inFlight[service] += 1;
      this.maxInFlight[service] = Math.max(this.maxInFlight[service], this.inFlight[service]);
      try {
        const latency = this.options.latencyMs?.[operation] ?? 0;
        if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
        const failure = this.options.fail?.[operation]?.(input, call);
        if (failure) throw failure;
        const custom = this.options.handle?.[operation];
        const output = { ...(custom ? custom(input, call) : serve(input)), $metadata: responseMetadata() };
        this.log(service, operation, 'resolve', input, output);
        return output;
      } catch (error) {
        this.log(service, operation, 'reject', input);
        throw error;
      } finally {
        this.inFlight[service] -= 1;
      }
    };
  }

  private log(service: ServiceName, operation: FakeOperation, event: CallEvent['event'], input: Input, output?: Output): void {
    this.events.push({ seq: this.events.length, service, operation, event, input, ...(output ? { output } : {}) });
  }

  // ------------------------------------------------------------ pagination

  /** One page of `items` from the offset encoded in `token`, and the token of the next page. */
  private page<T>(operation: FakeOperation, items: T[], token: string | undefined, requested: number | undefined, defaultSize: number): { items: T[]; next?: string } {
    const offset = token === undefined ? 0 : decodeToken(operation, token);
    const size = Math.min(requested ?? defaultSize, this.options.pageSize ?? Number.POSITIVE_INFINITY);
    const slice = items.slice(offset, offset + size);
    const end = offset + slice.length;
    return end < items.length ? { items: slice, next: encodeToken(operation, end) } : { items: slice };
  }

  // ------------------------------------------------------------ Elastic Load Balancing v2

  private describeLoadBalancers(input: Input): Output {
    checkRange('PageSize', input.PageSize, 1, 400);
    const page = this.page('DescribeLoadBalancers', this.world.loadBalancers, input.Marker, input.PageSize, 400);
    return withNext({ LoadBalancers: page.items }, 'NextMarker', page.next);
  }

  private describeTargetGroups(input: Input): Output {
    checkRange('PageSize', input.PageSize, 1, 400);
    const page = this.page('DescribeTargetGroups', this.world.targetGroups, input.Marker, input.PageSize, 400);
    return withNext({ TargetGroups: page.items }, 'NextMarker', page.next);
  }

  private describeListeners(input: Input): Output {
    checkRange('PageSize', input.PageSize, 1, 400);
    const lb = this.loadBalancer(input.LoadBalancerArn);
    const page = this.page('DescribeListeners', this.world.listeners[lb.LoadBalancerArn!] ?? [], input.Marker, input.PageSize, 400);
    return withNext({ Listeners: page.items }, 'NextMarker', page.next);
  }

  private describeRules(input: Input): Output {
    checkRange('PageSize', input.PageSize, 1, 400);
    const listener = Object.values(this.world.listeners)
      .flat()
      .find((l) => l.ListenerArn === input.ListenerArn);
    if (!listener) throw awsError('ListenerNotFound', 'One or more listeners not found');
    const lb = this.loadBalancer(listener.LoadBalancerArn);
    if (lb.Type !== 'application') throw awsError('ValidationError', 'Rules are only supported on Application Load Balancers');
    const rules = this.world.rules[listener.ListenerArn!] ?? [];
    const withDefault = rules.some((r) => r.IsDefault) ? rules : [...rules, defaultRuleOf(listener)];
    const page = this.page('DescribeRules', withDefault, input.Marker, input.PageSize, 400);
    return withNext({ Rules: page.items }, 'NextMarker', page.next);
  }

  private loadBalancerAttributes(input: Input): Output {
    const lb = this.loadBalancer(input.LoadBalancerArn);
    const values = this.world.loadBalancerAttributes[lb.LoadBalancerArn!] ?? defaultLoadBalancerAttributes((lb.Type ?? 'application') as LoadBalancerKind);
    return { Attributes: attributes(values) };
  }

  private targetGroupAttributes(input: Input): Output {
    const tg = this.targetGroup(input.TargetGroupArn);
    return { Attributes: attributes(this.world.targetGroupAttributes[tg.TargetGroupArn!] ?? defaultTargetGroupAttributes()) };
  }

  private describeTargetHealth(input: Input): Output {
    const tg = this.targetGroup(input.TargetGroupArn);
    return { TargetHealthDescriptions: this.world.health[tg.TargetGroupArn!] ?? [] };
  }

  private describeTags(input: Input): Output {
    const arns: string[] = input.ResourceArns ?? [];
    if (arns.length === 0 || arns.length > 20) {
      throw awsError('ValidationError', `1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20`);
    }
    for (const arn of arns) {
      if (arn.includes(':loadbalancer/')) this.loadBalancer(arn);
      else this.targetGroup(arn);
    }
    // The API does not promise the order of the descriptions: hand them back reversed.
    return { TagDescriptions: [...arns].reverse().map((ResourceArn) => ({ ResourceArn, Tags: this.world.tags[ResourceArn] ?? [] })) };
  }

  private loadBalancer(arn: string | undefined): ElbLoadBalancer {
    const lb = this.world.loadBalancers.find((l) => l.LoadBalancerArn === arn);
    if (!lb) throw awsError('LoadBalancerNotFound', `Load balancers '[${arn}]' not found`);
    return lb;
  }

  private targetGroup(arn: string | undefined): ElbTargetGroup {
    const tg = this.world.targetGroups.find((t) => t.TargetGroupArn === arn);
    if (!tg) throw awsError('TargetGroupNotFound', `Target groups '[${arn}]' not found`);
    return tg;
  }

  // ------------------------------------------------------------ Auto Scaling

  private describeAutoScalingGroups(input: Input): Output {
    checkRange('MaxRecords', input.MaxRecords, 1, 100);
    const page = this.page('DescribeAutoScalingGroups', this.world.autoScalingGroups, input.NextToken, input.MaxRecords, 50);
    return withNext({ AutoScalingGroups: page.items }, 'NextToken', page.next);
  }

  private describePolicies(input: Input): Output {
    checkRange('MaxRecords', input.MaxRecords, 1, 100);
    const policies = input.AutoScalingGroupName
      ? this.world.scalingPolicies.filter((p) => p.AutoScalingGroupName === input.AutoScalingGroupName)
      : this.world.scalingPolicies;
    const page = this.page('DescribePolicies', policies, input.NextToken, input.MaxRecords, 50);
    return withNext({ ScalingPolicies: page.items }, 'NextToken', page.next);
  }

  // ------------------------------------------------------------ EC2

  private describeInstances(input: Input): Output {
    checkRange('MaxResults', input.MaxResults, 5, 1000);
    if (input.InstanceIds?.length && input.MaxResults !== undefined) {
      throw awsError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
    }
    let instances = this.world.instances;
    for (const filter of input.Filters ?? []) {
      const values: string[] = filter.Values ?? [];
      if (values.length > 200) throw awsError('FilterLimitExceeded', 'The maximum number of filter values specified on a single call is 200');
      if (filter.Name !== 'instance-id') throw awsError('InvalidParameterValue', `The filter '${filter.Name}' is not supported by this fake`);
      instances = instances.filter((i) => values.includes(i.InstanceId!));
    }
    for (const id of input.InstanceIds ?? []) {
      if (!this.world.instances.some((i) => i.InstanceId === id)) throw awsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    }
    if (input.InstanceIds?.length) instances = instances.filter((i) => input.InstanceIds.includes(i.InstanceId));
    const page = this.page('DescribeInstances', instances, input.NextToken, input.MaxResults, 1000);
    // Instances launched together share a reservation: group consecutive pairs.
    const reservations = [];
    for (let i = 0; i < page.items.length; i += 2) {
      const members = page.items.slice(i, i + 2);
      reservations.push({ ReservationId: `r-${members[0]!.InstanceId!.slice(2)}`, OwnerId: '111122223333', Groups: [], Instances: members });
    }
    return withNext({ Reservations: reservations }, 'NextToken', page.next);
  }

  private describeSubnets(input: Input): Output {
    checkRange('MaxResults', input.MaxResults, 5, 1000);
    const page = this.page('DescribeSubnets', this.world.subnets, input.NextToken, input.MaxResults, 1000);
    return withNext({ Subnets: page.items }, 'NextToken', page.next);
  }

  // ------------------------------------------------------------ RDS

  private describeDbInstances(input: Input): Output {
    checkRange('MaxRecords', input.MaxRecords, 20, 100);
    unsupported('DescribeDBInstances', input, ['DBInstanceIdentifier', 'Filters']);
    const page = this.page('DescribeDBInstances', this.world.dbInstances, input.Marker, input.MaxRecords, 100);
    return withNext({ DBInstances: page.items }, 'Marker', page.next);
  }

  private describeDbClusters(input: Input): Output {
    checkRange('MaxRecords', input.MaxRecords, 20, 100);
    unsupported('DescribeDBClusters', input, ['DBClusterIdentifier', 'Filters']);
    const page = this.page('DescribeDBClusters', this.world.dbClusters, input.Marker, input.MaxRecords, 100);
    return withNext({ DBClusters: page.items }, 'Marker', page.next);
  }

  // ------------------------------------------------------------ ElastiCache

  private describeReplicationGroups(input: Input): Output {
    checkRange('MaxRecords', input.MaxRecords, 20, 100);
    unsupported('DescribeReplicationGroups', input, ['ReplicationGroupId']);
    const page = this.page('DescribeReplicationGroups', this.world.replicationGroups, input.Marker, input.MaxRecords, 100);
    return withNext({ ReplicationGroups: page.items }, 'Marker', page.next);
  }

  private describeCacheClusters(input: Input): Output {
    checkRange('MaxRecords', input.MaxRecords, 20, 100);
    unsupported('DescribeCacheClusters', input, ['CacheClusterId']);
    const listed = input.ShowCacheClustersNotInReplicationGroups ? this.world.cacheClusters.filter((c) => !c.ReplicationGroupId) : this.world.cacheClusters;
    const clusters = input.ShowCacheNodeInfo ? listed : listed.map(({ CacheNodes: _nodes, ...cluster }) => cluster);
    const page = this.page('DescribeCacheClusters', clusters, input.Marker, input.MaxRecords, 100);
    return withNext({ CacheClusters: page.items }, 'Marker', page.next);
  }

  /** The API documents only the default page size, 50, and no range. */
  private describeServerlessCaches(input: Input): Output {
    unsupported('DescribeServerlessCaches', input, ['ServerlessCacheName']);
    const page = this.page('DescribeServerlessCaches', this.world.serverlessCaches, input.NextToken, input.MaxResults, 50);
    return withNext({ ServerlessCaches: page.items }, 'NextToken', page.next);
  }

  // ------------------------------------------------------------ DynamoDB

  /** Names in UTF-8 byte order; a page resumes after `ExclusiveStartTableName`, the last name of the page before. */
  private listTables(input: Input): Output {
    if (input.Limit !== undefined && (input.Limit < 1 || input.Limit > 100)) {
      throw dynamoDbError('ValidationException', `1 validation error detected: Value '${input.Limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`);
    }
    const names = this.world.tables.map((t) => t.TableName!).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const start = input.ExclusiveStartTableName === undefined ? 0 : names.filter((n) => Buffer.compare(Buffer.from(n), Buffer.from(input.ExclusiveStartTableName)) <= 0).length;
    const size = Math.min(input.Limit ?? 100, this.options.pageSize ?? Number.POSITIVE_INFINITY);
    const page = names.slice(start, start + size);
    return start + page.length < names.length ? { TableNames: page, LastEvaluatedTableName: page.at(-1) } : { TableNames: page };
  }

  private describeTable(input: Input): Output {
    return { Table: this.table(input.TableName, 'ResourceNotFoundException', `Requested resource not found: Table: ${input.TableName} not found`) };
  }

  private describeContinuousBackups(input: Input): Output {
    const table = this.table(input.TableName, 'TableNotFoundException', `Table not found: ${input.TableName}`);
    return { ContinuousBackupsDescription: this.world.continuousBackups[table.TableName!] ?? continuousBackups('DISABLED') };
  }

  private table(name: string | undefined, notFound: string, message: string): DynamoDbTableDescription {
    const table = this.world.tables.find((t) => t.TableName === name);
    if (!table) throw dynamoDbError(notFound, message);
    return table;
  }
}

function defaultRuleOf(listener: ElbListener): ElbRule {
  return { RuleArn: `${listener.ListenerArn!.replace(':listener/', ':listener-rule/')}/default`, Priority: 'default', Conditions: [], Actions: listener.DefaultActions ?? [], IsDefault: true };
}

/** The API omits the token on the last page. */
function withNext(output: Record<string, unknown>, key: string, next: string | undefined): Output {
  return next === undefined ? output : { ...output, [key]: next };
}

/** Parameters the collectors do not send: a fake that ignored them would answer wrongly. */
function unsupported(operation: string, input: Input, names: string[]): void {
  for (const name of names) if (input[name] !== undefined) throw awsError('InvalidParameterValue', `${operation}: ${name} is not supported by this fake`);
}

function checkRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (value < min || value > max)) {
    throw awsError('ValidationError', `1 validation error detected: Value '${value}' at '${name}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  }
}

/** Opaque page tokens, like the real ones: base64 of the operation and the offset. */
export function encodeToken(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ op: operation, offset })).toString('base64');
}

function decodeToken(operation: string, token: string): number {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { op?: unknown; offset?: unknown };
    if (value.op === operation && typeof value.offset === 'number') return value.offset;
  } catch {
    // fall through
  }
  throw awsError('ValidationError', `Invalid pagination token: ${token}`);
}

/**
 * For a test file: `const mockedRegion = mockedRegions();` gives a factory of mocked regions
 * that are all restored after each test.
 */
export function mockedRegions(): (world: Partial<World>, options?: FakeOptions) => MockedRegion {
  const made: MockedRegion[] = [];
  afterEach(() => made.splice(0).forEach((fake) => fake.restore()));
  return (world, options = {}) => {
    const fake = new MockedRegion(world, options);
    made.push(fake);
    return fake;
  };
}
