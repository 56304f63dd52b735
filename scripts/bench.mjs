// npm run bench: start-up and rule-evaluation speed, as ratios to a baseline measured in the
// same run (`node -e 0`), so the figures compare across machines. Nothing here is asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { rules } from '../dist/rules/index.js';
import { runRules } from '../dist/src/engine/run-rules.js';
import { buildReport } from '../dist/src/engine/scan-report.js';
import { loadInventory } from '../dist/src/model/inventory-file.js';
import { renderJson } from '../dist/src/report/json.js';
import { renderText } from '../dist/src/report/text.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function timeCommand(args, runs = RUNS) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - start);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return median(samples);
}

function timeFn(fn, runs = 3) {
  const samples = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), value };
}

/**
 * An account with `count` load balancers in three zones, each with an HTTPS listener forwarding
 * to its own target group of three instance targets, fed by its own Auto Scaling group. One in
 * ten is built badly (one zone, sticky, slow health check, EC2 health checks), so rules fail too.
 */
function generateInventory(count) {
  const region = 'us-east-1';
  const account = '123456789012';
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  const subnets = zones.map((zone, i) => ({ id: `subnet-${i}`, vpcId: 'vpc-1', availabilityZone: zone, cidrBlock: `10.0.${i}.0/24` }));
  const loadBalancers = [];
  const targetGroups = [];
  const groups = [];
  const instances = [];
  for (let i = 0; i < count; i++) {
    const bad = i % 10 === 0;
    const lbArn = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/lb-${i}/${i.toString(16).padStart(16, '0')}`;
    const tgArn = `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/tg-${i}/${i.toString(16).padStart(16, '0')}`;
    const lbZones = bad ? zones.slice(0, 1) : zones;
    loadBalancers.push({
      arn: lbArn,
      name: `lb-${i}`,
      type: i % 7 === 0 ? 'network' : 'application',
      dnsName: `lb-${i}-${i}.${region}.elb.amazonaws.com`,
      scheme: 'internet-facing',
      vpcId: 'vpc-1',
      availabilityZones: lbZones.map((zoneName, z) => ({ zoneName, subnetId: `subnet-${z}` })),
      attributes: { 'deletion_protection.enabled': bad ? 'false' : 'true', 'load_balancing.cross_zone.enabled': 'true' },
      listeners: [{ arn: `${lbArn}/listener/${i}`, port: 443, protocol: 'HTTPS', defaultActions: [{ type: 'forward', targetGroupArns: [tgArn] }], rules: [] }],
      tags: {},
    });
    const targets = lbZones.map((zone, z) => ({ id: `i-${i}-${z}`, port: 80, state: 'healthy' }));
    targets.forEach((t, z) => instances.push({ id: t.id, availabilityZone: lbZones[z], state: 'running' }));
    targetGroups.push({
      arn: tgArn,
      name: `tg-${i}`,
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      vpcId: 'vpc-1',
      loadBalancerArns: [lbArn],
      healthCheck: { enabled: true, intervalSeconds: bad ? 30 : 10, unhealthyThreshold: bad ? 5 : 3 },
      attributes: { 'stickiness.enabled': bad ? 'true' : 'false', 'stickiness.type': 'lb_cookie' },
      targets,
      tags: {},
    });
    groups.push({
      arn: `arn:aws:autoscaling:${region}:${account}:autoScalingGroup:${i}:autoScalingGroupName/asg-${i}`,
      name: `asg-${i}`,
      minSize: bad ? 1 : 3,
      maxSize: 9,
      desiredCapacity: 3,
      availabilityZones: lbZones,
      subnetIds: lbZones.map((_, z) => `subnet-${z}`),
      healthCheckTypes: [bad ? 'EC2' : 'ELB'],
      healthCheckGracePeriod: 300,
      loadBalancerNames: [],
      targetGroupArns: [tgArn],
      trafficSources: [],
      instances: [],
      scalingPolicies: bad ? [] : [{ name: 'cpu', type: 'TargetTrackingScaling', enabled: true }],
      tags: {},
    });
  }
  return {
    format: 'ha-audit-inventory',
    formatVersion: 1,
    collectedAt: new Date().toISOString(),
    accounts: [{ accountId: account, regions: [{ region, elbv2: { loadBalancers, targetGroups }, autoscaling: { groups }, ec2: { instances, subnets } }] }],
    gaps: [],
  };
}

function evaluate(inventory) {
  const results = runRules(inventory, { rules });
  const now = new Date();
  return buildReport({ inventory, results, source: 'inventory', startedAt: now, finishedAt: now });
}

const cli = fileURLToPath(new URL('../bin/ha-audit.js', import.meta.url));
const baseline = timeCommand(['-e', '0']);
const version = timeCommand([cli, '--version']);
const demo = timeCommand([cli, 'scan', '--inventory', 'fixtures/demo/inventory.json', '--format', 'json']);
const demoText = timeCommand([cli, 'scan', '--inventory', 'fixtures/demo/inventory.json']);

console.log(`Start-up (median of ${RUNS} runs; baseline node -e 0 = ${fmt(baseline)})`);
console.log(`  ha-audit --version                      ${fmt(version).padStart(9)}  ${(version / baseline).toFixed(2)}x baseline`);
console.log(`  scan --inventory demo --format json     ${fmt(demo).padStart(9)}  ${(demo / baseline).toFixed(2)}x baseline`);
console.log(`  scan --inventory demo (text)            ${fmt(demoText).padStart(9)}  ${(demoText / baseline).toFixed(2)}x baseline`);

console.log('\nEvaluation of generated inventories, in process (median of 3): all 10 rules + report');
console.log('  load balancers   results   evaluate    per LB     JSON render   text render   growth vs previous size');
let previous;
let loadMs;
const dir = mkdtempSync(join(tmpdir(), 'ha-audit-bench-'));
for (const count of [1_000, 10_000, 50_000]) {
  const inventory = generateInventory(count);
  const evaluation = timeFn(() => evaluate(inventory));
  const json = timeFn(() => renderJson(evaluation.value));
  const text = timeFn(() => renderText(evaluation.value, { color: false, failOn: 'low', exitCode: 1 }));
  const growth = previous ? `${(evaluation.ms / previous.ms).toFixed(1)}x time for ${(count / previous.count).toFixed(0)}x size` : '';
  console.log(
    `  ${String(count).padStart(14)} ${String(evaluation.value.findings.length).padStart(9)} ${fmt(evaluation.ms).padStart(10)} ${`${((evaluation.ms * 1000) / count).toFixed(1)} µs`.padStart(10)} ${fmt(json.ms).padStart(13)} ${fmt(text.ms).padStart(13)}   ${growth}`,
  );
  previous = { ms: evaluation.ms, count };
  if (count === 10_000) {
    const file = join(dir, 'inventory-10k.json');
    writeFileSync(file, JSON.stringify(inventory));
    const load = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await loadInventory(file);
      load.push(performance.now() - start);
    }
    loadMs = median(load);
  }
}
console.log(`\nLoading the 10,000-load-balancer inventory file (parse + schema validation): ${fmt(loadMs)}`);
console.log(`A full offline scan of it: ${fmt(timeCommand([cli, 'scan', '--inventory', join(dir, 'inventory-10k.json'), '--format', 'json', '--output', join(dir, 'r.json')], 3))}`);
