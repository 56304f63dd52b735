import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { packageRoot } from '../src/package-info.js';
import { runCli } from './support/run-cli.js';

// The examples of docs/at-scale.md: a GitHub Actions workflow, Kubernetes and AWS Batch
// manifests, the member-account role. No engine runs here: they must parse, and every ha-audit
// command in them must name options that exist and split the scan consistently.
const root = packageRoot();
const dir = join(root, 'docs', 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
const documents = (file: string) => parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
const values = (file: string) => documents(file).map((d) => d.toJS() as unknown);

/** Every string of a YAML value (scripts, commands), shell line continuations joined. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value.replace(/\\\n\s*/g, ' ')];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

interface Invocation {
  file: string;
  command: string;
  options: string[];
  text: string;
}

/** `ha-audit.js <command> ...` to the end of its line, in every string of every example. */
function invocations(file: string): Invocation[] {
  return strings(values(file)).flatMap((text) =>
    [...text.matchAll(/ha-audit\.js (\w[\w-]*)([^\n]*)/g)].map((m) => ({ file, command: m[1]!, options: [...new Set(m[2]!.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])], text: m[0] })),
  );
}

describe('the examples of docs/at-scale.md', () => {
  it('are the files the document links, and each parses as YAML without error', () => {
    expect(files).toEqual(['aws-batch.yml', 'github-actions-sharded.yml', 'kubernetes-indexed-job.yml', 'kubernetes-merge-job.yml', 'member-role.yml']);
    const doc = readFileSync(join(root, 'docs', 'at-scale.md'), 'utf8');
    for (const file of files) {
      expect(doc, file).toContain(`](examples/${file})`);
      for (const document of documents(file)) expect(document.errors, file).toEqual([]);
    }
  });

  it('name only options that exist, each engine collecting shards and evaluating them together', async () => {
    const all = files.flatMap(invocations);
    const help = new Map<string, string>();
    for (const command of new Set(all.map((i) => i.command))) help.set(command, (await runCli([command, '--help'])).stdout);
    for (const { command, options, text } of all) {
      expect(help.get(command), text).toMatch(/Usage: ha-audit/);
      for (const option of options) expect(help.get(command), `${option} in: ${text}`).toContain(`${option} `);
    }
    for (const file of ['aws-batch.yml', 'github-actions-sharded.yml', 'kubernetes-indexed-job.yml']) {
      const scans = invocations(file).filter((i) => i.command === 'scan');
      expect(scans.some((s) => s.options.includes('--save-inventory') && (s.options.includes('--shard') || s.options.includes('--shard-count'))), file).toBe(true);
    }
    for (const file of ['aws-batch.yml', 'github-actions-sharded.yml', 'kubernetes-merge-job.yml']) {
      expect(invocations(file).some((s) => s.command === 'scan' && s.text.includes('"${args[@]}"')), file).toBe(true);
      // The HTML report too comes from evaluating the shards: `report` would read the JSON report whole, which past 512 MiB it cannot.
      expect(invocations(file).some((s) => s.command === 'scan' && s.text.includes('"${args[@]}"') && s.options.includes('--format') && s.text.includes('html')), file).toBe(true);
      expect(invocations(file).filter((s) => s.command === 'report'), file).toEqual([]);
    }
  });

  it('split into as many shards as the engine runs', () => {
    const workflow = values('github-actions-sharded.yml')[0] as { jobs: { shard: { strategy: { matrix: { shard: number[] } } } } };
    const matrix = workflow.jobs.shard.strategy.matrix.shard;
    expect(matrix).toEqual([1, 2, 3, 4]);
    expect(invocations('github-actions-sharded.yml').find((i) => i.options.includes('--shard'))!.text).toContain(`--shard "$SHARD/${matrix.length}"`);
    const job = values('kubernetes-indexed-job.yml').find((d) => (d as { kind?: string }).kind === 'Job') as { spec: { completionMode: string; completions: number } };
    expect(job.spec.completionMode).toBe('Indexed');
    expect(invocations('kubernetes-indexed-job.yml').find((i) => i.options.includes('--shard-count'))!.text).toContain(`--shard-count ${job.spec.completions}`);
    expect(invocations('aws-batch.yml').find((i) => i.options.includes('--shard'))!.text).toContain('--shard auto');
  });

  it("give the member accounts' role exactly the read-only actions of `iam-policy --all-regions` (organizations:ListAccounts is the scanning account's)", async () => {
    const policy = JSON.parse((await runCli(['iam-policy', '--all-regions'])).stdout) as { Statement: { Action: string[] }[] };
    const template = values('member-role.yml')[0] as { Resources: { HaAuditReader: { Properties: { Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[] } } } };
    const actions = template.Resources.HaAuditReader.Properties.Policies[0]!.PolicyDocument.Statement[0]!.Action;
    expect([...actions].sort()).toEqual(policy.Statement.flatMap((s) => s.Action).sort());
  });
});
