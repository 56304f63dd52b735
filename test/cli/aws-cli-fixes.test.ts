import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as autoScaling from '@aws-sdk/client-auto-scaling';
import * as route53 from '@aws-sdk/client-route-53';
import { NormalizedSchema } from '@smithy/core/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadInventory } from '../../src/cli/files.js';
import { fixSteps } from '../../rules/support/resilience.js';
import { ResilienceScope } from '../../src/engine/resilience-scope.js';
import { runRules } from '../../src/engine/run-rules.js';
import { buildResilience } from '../../src/resilience/model.js';
import type { RemediationStep } from '../../src/model/result.js';
import { packageRoot } from '../../src/package-info.js';
import { filledArgv } from '../support/placeholder-values.js';
import { fixtureInventories } from '../support/rule-cases.js';

/**
 * Every fix command that the demo and every fixture print, run by the real AWS CLI v2 (Debian's
 * awscli, which `.ci/run` installs) with its placeholders filled in by values of their kind,
 * dummy credentials and an endpoint that refuses connections. The CLI parses the command line and
 * validates every parameter against the service model before it sends anything: exit 252 (unknown
 * option, bad JSON, wrong type) fails the test; exit 255 with "Could not connect" is a command the
 * CLI accepted. https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html
 */
const AWS = '/usr/bin/aws';
const CONCURRENCY = 4;
const BOTOCORE = '/usr/lib/python3/dist-packages/awscli/botocore/data';

/**
 * Options newer than Debian's CLI (2.9): checked against the service model of the SDK ha-audit
 * ships with instead (member names, booleans, enum values), then left out of the command the CLI
 * runs. An entry the CLI knows by now fails the test: remove it.
 */
const NEWER_OPTIONS: Record<string, { service: string; operation: string; member: string; enums: Record<string, Record<string, string>> }> = {
  '--availability-zone-impairment-policy': {
    service: 'autoscaling',
    operation: 'UpdateAutoScalingGroup',
    member: 'AvailabilityZoneImpairmentPolicy',
    enums: { ImpairedZoneHealthCheckBehavior: autoScaling.ImpairedZoneHealthCheckBehavior },
  },
};
const SDK_OPERATIONS: Record<string, Record<string, unknown>> = { autoscaling: autoScaling as unknown as Record<string, unknown> };

/**
 * Members of a record set newer than Debian's CLI (geoproximity routing came in 2.15): checked
 * against the SDK's Route 53 model (member and its fields), then left out of the change batch
 * the CLI validates. An entry the CLI knows by now fails the test: remove it.
 */
const NEWER_RECORD_SET_MEMBERS = ['GeoProximityLocation'];

function recordSetSchema(): NormalizedSchema {
  const operation = (route53 as unknown as Record<string, unknown[]>)['ChangeResourceRecordSets$']!;
  const member = (schema: NormalizedSchema, name: string) => new Map([...schema.structIterator()]).get(name)!;
  const changes = member(member(NormalizedSchema.of((operation[4] as () => never)()), 'ChangeBatch'), 'Changes');
  return member(changes.getValueSchema(), 'ResourceRecordSet');
}

interface ChangeBatch {
  Changes: { ResourceRecordSet: Record<string, unknown> }[];
}

/** The newer members of a change batch's record sets; what is wrong with them by the SDK's model. */
function newerRecordSetMembers(batch: ChangeBatch): { found: string[]; problems: string[] } {
  const members = new Map([...recordSetSchema().structIterator()]);
  const found: string[] = [];
  const problems: string[] = [];
  for (const { ResourceRecordSet: set } of batch.Changes) {
    for (const name of NEWER_RECORD_SET_MEMBERS.filter((n) => n in set)) {
      found.push(name);
      const schema = members.get(name);
      if (!schema) {
        problems.push(`ResourceRecordSet has no member ${name}`);
        continue;
      }
      const fields = new Set([...schema.structIterator()].map(([field]) => field));
      for (const field of Object.keys(set[name] as object)) if (!fields.has(field)) problems.push(`${name} has no member ${field}`);
    }
  }
  return { found, problems };
}

/** The argv with the newer record-set members left out of its change batch. */
function withoutNewerMembers(argv: string[]): string[] {
  const at = argv.indexOf('--change-batch');
  if (at < 0) return argv;
  const batch = JSON.parse(argv[at + 1]!) as ChangeBatch;
  for (const change of batch.Changes) for (const name of NEWER_RECORD_SET_MEMBERS) delete change.ResourceRecordSet[name];
  return [...argv.slice(0, at + 1), JSON.stringify(batch), ...argv.slice(at + 2)];
}

/** The botocore model directory of the CLI's service name. */
const BOTOCORE_SERVICE: Record<string, string> = { autoscaling: 'autoscaling', elbv2: 'elbv2', route53: 'route53', rds: 'rds', elasticache: 'elasticache', dynamodb: 'dynamodb', ec2: 'ec2' };

interface Outcome {
  line: string;
  code: number;
  stderr: string;
}

/** Every distinct step of every failing result of the demo and the fixtures, and of what `what-if` prints for them. */
async function printedSteps(): Promise<RemediationStep[]> {
  const files = fixtureInventories().map((file) => join(packageRoot(), 'fixtures', file));
  const steps = new Map<string, RemediationStep>();
  for (const file of files) {
    const inventory = await loadInventory(file);
    for (const result of runRules(inventory, { rules })) {
      for (const step of result.remediation?.steps ?? []) steps.set(JSON.stringify(step.argv), step);
    }
    // What `what-if` prints: the fix of every entry point that a loss takes down or degrades, in every scenario (the rules give the worst one's).
    const resilience = buildResilience(inventory);
    const scope = ResilienceScope.of(resilience, inventory);
    for (const entry of resilience.entryPoints) {
      for (const outcome of scope.outcomesOf(entry.id).filter((o) => o.outcome === 'down' || o.outcome === 'degraded')) {
        for (const step of fixSteps(scope, entry, outcome)) steps.set(JSON.stringify(step.argv), step);
      }
    }
  }
  return [...steps.values()];
}

/** A local port nothing listens on: connections to it are refused at once. */
async function refusingPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function lowerName(name: string): string {
  return name.replace(/^--(no-)?/, '').replace(/-/g, '').toLowerCase();
}

/** The input members of an operation in the CLI's own model, lower case without hyphens (as its options are). */
/** The newest service model of the CLI's botocore for a service. */
function botocoreModel(service: string): string {
  const dir = join(BOTOCORE, BOTOCORE_SERVICE[service] ?? service);
  return join(dir, readdirSync(dir).sort().at(-1)!, 'service-2.json');
}

function cliOptions(service: string, operation: string): Set<string> | undefined {
  const model = JSON.parse(readFileSync(botocoreModel(service), 'utf8')) as {
    operations: Record<string, { input?: { shape: string } }>;
    shapes: Record<string, { members?: Record<string, unknown> }>;
  };
  const name = Object.keys(model.operations).find((op) => op.toLowerCase() === lowerName(operation));
  if (!name) return undefined;
  const input = model.operations[name]!.input?.shape;
  return new Set(Object.keys((input && model.shapes[input]?.members) ?? {}).map((m) => m.toLowerCase()));
}

/** What is wrong with a newer option's shorthand value by the SDK's model (`Key=value,Key=value`); empty when nothing. */
function checkAgainstSdk(option: string, value: string): string[] {
  const spec = NEWER_OPTIONS[option]!;
  const operation = SDK_OPERATIONS[spec.service]![`${spec.operation}$`] as unknown[] | undefined;
  if (!operation) return [`${spec.operation} is no operation of the SDK's ${spec.service} model`];
  const input = NormalizedSchema.of((operation[4] as () => never)());
  const members = new Map([...input.structIterator()]);
  const member = members.get(spec.member);
  if (!member) return [`${spec.operation} has no member ${spec.member}`];
  const fields = new Map([...member.structIterator()]);
  return value.split(',').flatMap((pair) => {
    const [key, field] = pair.split('=') as [string, string];
    const schema = fields.get(key);
    if (!schema) return [`${spec.member} has no member ${key}`];
    if (schema.isBooleanSchema() && field !== 'true' && field !== 'false') return [`${key}=${field} is not a boolean`];
    const values = spec.enums[key];
    if (values && !Object.values(values).includes(field)) return [`${key}=${field} is not one of ${Object.values(values).join(', ')}`];
    return [];
  });
}

describe('every printed fix command, run by the real AWS CLI v2', () => {
  let steps: RemediationStep[];
  let port: number;
  let home: string;
  const started = Date.now();

  beforeAll(async () => {
    steps = await printedSteps();
    port = await refusingPort();
    home = mkdtempSync(join(tmpdir(), 'ha-audit-aws-cli-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it(`${AWS} is the AWS CLI v2 (Debian's awscli: .ci/run installs it)`, () => {
    expect(existsSync(AWS), `${AWS} missing: apt-get install awscli`).toBe(true);
    expect(execFileSync(AWS, ['--version'], { encoding: 'utf8' })).toMatch(/^aws-cli\/2\./);
  });

  it('options newer than that CLI exist in the SDK model with the values given, and the CLI does not know them yet', () => {
    const uses = steps.flatMap((step) => step.argv.flatMap((word, i) => (word in NEWER_OPTIONS ? [{ step, option: word, value: filledArgv(step)[i + 1]! }] : [])));
    expect(uses.length, 'some fix uses each listed option').toBeGreaterThanOrEqual(Object.keys(NEWER_OPTIONS).length);
    for (const { step, option, value } of uses) {
      expect(cliOptions(step.argv[1]!, step.argv[2]!)?.has(lowerName(option)), `${option} is known to this CLI now: drop it from NEWER_OPTIONS`).toBe(false);
      expect(checkAgainstSdk(option, value), `${option} ${value}`).toEqual([]);
    }
  });

  it('record-set members newer than that CLI exist in the SDK model with the fields given, and the CLI does not know them yet', () => {
    const batches = steps.filter((step) => step.argv.includes('--change-batch')).map((step) => JSON.parse(filledArgv(step)[step.argv.indexOf('--change-batch') + 1]!) as ChangeBatch);
    const checked = batches.map(newerRecordSetMembers);
    expect(new Set(checked.flatMap((c) => c.found)), 'some fix uses each listed member').toEqual(new Set(NEWER_RECORD_SET_MEMBERS));
    expect(checked.flatMap((c) => c.problems)).toEqual([]);
    const known = new Set(Object.keys(JSON.parse(readFileSync(botocoreModel('route53'), 'utf8')).shapes.ResourceRecordSet.members as object));
    for (const name of NEWER_RECORD_SET_MEMBERS) expect(known.has(name), `${name} is known to this CLI now: drop it from NEWER_RECORD_SET_MEMBERS`).toBe(false);
  });

  it('accepts every other option and parameter: it gets as far as connecting', { timeout: 600_000 }, async () => {
    expect(steps.length).toBeGreaterThan(80);
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_MAX_ATTEMPTS: '1',
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    const run = (step: RemediationStep) =>
      new Promise<Outcome>((resolve) => {
        const argv = withoutNewerMembers(filledArgv(step));
        // A newer option (checked against the SDK above) and its value stay out of what this CLI parses.
        const newer = argv.findIndex((word) => word in NEWER_OPTIONS);
        if (newer >= 0) argv.splice(newer, 2);
        execFile(AWS, [...argv.slice(1), '--endpoint-url', `http://127.0.0.1:${port}`], { env, timeout: 60_000 }, (error, _stdout, stderr) => {
          resolve({ line: argv.join(' '), code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
        });
      });
    const outcomes: Outcome[] = [];
    const queue = [...steps];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let step = queue.shift(); step; step = queue.shift()) outcomes.push(await run(step));
      }),
    );
    const refused = outcomes.filter((o) => !(o.code === 255 && o.stderr.includes('Could not connect')));
    expect(refused.map((o) => `exit ${o.code}: ${o.line}\n${o.stderr.trim()}`)).toEqual([]);
    console.log(`AWS CLI suite: ${outcomes.length} commands accepted by ${AWS} in ${((Date.now() - started) / 1000).toFixed(1)} s (${CONCURRENCY} at a time)`);
  });
});
