import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyRegionInventory, emptyRoute53Inventory, type AutoScalingGroup, type Inventory } from '../../src/model/inventory.js';
import type { Remediation } from '../../src/model/result.js';
import { PLACEHOLDER_VALUES } from '../support/placeholder-values.js';
import { runCli } from '../support/run-cli.js';

/** Legal Auto Scaling group names (any Unicode but a few controls) that a shell would run as code. */
const HOSTILE_NAMES = [
  '<a;touch${IFS}pwned;b>',
  '$(touch pwned)',
  '`touch pwned`',
  "it's;touch pwned;'",
  'a\ntouch pwned',
  '>pwned',
  '--region',
];

const TG = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-tg/6d0ecf831eec9f09';

function group(name: string, i: number): AutoScalingGroup {
  return {
    arn: `arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:6d2a3b1c-1111-4a2b-9c3d-01234567890${i}:autoScalingGroupName/${name}`,
    name,
    minSize: 1,
    maxSize: 1,
    desiredCapacity: 1,
    availabilityZones: ['us-east-1a'],
    subnetIds: ['subnet-0a1e3c5b7d9f01a21'],
    healthCheckTypes: ['EC2'],
    loadBalancerNames: [],
    targetGroupArns: [TG],
    trafficSources: [],
    instances: [],
    scalingPolicies: [],
    // Suspended: resume-processes names the group too.
    suspendedProcesses: ['AZRebalance'],
    availabilityZoneImpairmentPolicy: { zonalShiftEnabled: false },
    tags: {},
  };
}

function hostileInventory(): Inventory {
  const region = emptyRegionInventory('us-east-1');
  region.autoscaling.groups = HOSTILE_NAMES.map(group);
  return {
    format: 'ha-audit-inventory',
    formatVersion: 1,
    collectedAt: '2026-11-20T09:00:00.000Z',
    accounts: [{ accountId: '111122223333', route53: hostileZone(), regions: [region] }],
    gaps: [],
  };
}

/** Weighted records without health checks, their set identifiers (any text, for Route 53) hostile: their fix holds them in JSON. */
function hostileZone(): Inventory['accounts'][number]['route53'] {
  const records = HOSTILE_NAMES.map((name, i) => ({ name: 'www.example.com', type: 'A', setIdentifier: name, weight: 10, ttl: 60, values: [`192.0.2.${i + 1}`] }));
  return { ...emptyRoute53Inventory(), hostedZones: [{ id: 'Z1D633PJN98FT9', name: 'example.com', privateZone: false, records }] };
}

/** `aws` is a shell function that only writes its arguments, NUL-separated, to a numbered file. */
const RECORDING_AWS = 'aws() { n=$(ls | wc -l); printf "%s\\0" "$@" > "argv-$n"; }';

describe('a fix command pasted into bash (issue 14)', () => {
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs no code of a hostile name and passes exactly the intended arguments', async () => {
    const dir = tempDir('ha-audit-paste-');
    const inventory = join(dir, 'inventory.json');
    writeFileSync(inventory, JSON.stringify(hostileInventory()));
    const json = await runCli(['scan', '--inventory', inventory, '--format', 'json']);
    const text = await runCli(['scan', '--inventory', inventory]);
    expect(json.code).toBe(1);
    const findings = (JSON.parse(json.stdout) as { findings: { remediation?: Remediation }[] }).findings;
    const remediations = findings.flatMap((f) => (f.remediation?.steps ? [f.remediation as Required<Remediation>] : []));
    const hostileSteps = remediations.flatMap((r) => r.steps.filter((s) => s.argv.some((word) => HOSTILE_NAMES.some((name) => word.includes(name)))));
    // Every name, in several rules' fixes.
    for (const name of HOSTILE_NAMES) expect(hostileSteps.filter((s) => s.argv.includes(name)).length, name).toBeGreaterThanOrEqual(3);
    // And inside the JSON of a Route 53 change batch.
    for (const name of HOSTILE_NAMES) expect(hostileSteps.some((s) => s.argv[2] === 'change-resource-record-sets' && s.argv.some((word) => word.includes(JSON.stringify(name).slice(1, -1)))), name).toBe(true);

    const scratch = tempDir('ha-audit-paste-run-');
    let checked = 0;
    for (const remediation of remediations) {
      remediation.steps.forEach((step, i) => {
        let line = remediation.commands[i]!;
        // The text report prints the same line (names with control characters aside, which it may escape).
        if (!line.includes('\n')) expect(text.stdout).toContain(`$ ${line}`);
        // The user fills in the bare placeholders, as the step locates them.
        const expected = [...step.argv];
        for (const p of step.placeholders.filter((p) => step.argv[p.arg] === p.text)) {
          line = line.replace(` ${p.text}`, ` ${PLACEHOLDER_VALUES[p.kind]}`);
          expected[p.arg] = PLACEHOLDER_VALUES[p.kind];
        }
        execFileSync('bash', ['-c', `${RECORDING_AWS}\n${line}`], { cwd: scratch });
        const recorded = readFileSync(join(scratch, `argv-${checked}`), 'utf8').split('\0').slice(0, -1);
        expect(recorded, line).toEqual(expected.slice(1));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(HOSTILE_NAMES.length * 3);
    // Nothing but the recordings: no `pwned`, no redirection target.
    expect(readdirSync(scratch).sort()).toEqual(Array.from({ length: checked }, (_, i) => `argv-${i}`).sort());
  });
});
