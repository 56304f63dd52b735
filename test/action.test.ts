import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../src/package-info.js';
import { runCli } from './support/run-cli.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const root = packageRoot();
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;
const scanStep = step('Scan');
const renderStep = step('Render SARIF, HTML and Markdown');
const gateStep = step('Gate');

/** The long options a script passes to `node "$HA_AUDIT" <command>`. */
const optionsIn = (script: string) => [...new Set(script.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])];

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.scan.outputs.x }}` as the runner would expand them. */
function expand(value: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return root;
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return inputs[input[1]!] ?? action.inputs[input[1]!]?.default ?? '';
    const output = /^steps\.scan\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return outputs[output[1]!] ?? '';
    throw new Error(`unexpected expression ${expression}`);
  });
}

async function runStep(s: Step, inputs: Record<string, string>, env: Record<string, string>, outputs: Record<string, string> = {}) {
  const stepEnv = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, expand(v, inputs, outputs)]));
  try {
    await promisify(execFile)('bash', ['-c', s.run!], { cwd: env.WORKDIR, env: { PATH: process.env.PATH ?? '', HOME: env.WORKDIR!, ...env, ...stepEnv } });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? 1;
  }
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action whose steps are well formed and whose inputs are all used', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps) {
      expect(s.name, JSON.stringify(s)).toBeTruthy();
      if (s.run) expect(s.shell, s.name).toBe('bash');
      else expect(s.uses, s.name).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
      // Inputs go through the environment, never into the script text (script injection).
      if (s.run) expect(s.run, s.name).not.toContain('${{');
    }
    const text = readFileSync(join(root, 'action.yml'), 'utf8');
    for (const input of Object.keys(action.inputs)) expect(text, input).toMatch(new RegExp(`inputs\\.${input}( }}| ==)`));
    for (const [, { value }] of Object.entries(action.outputs)) expect(value).toMatch(/^\$\{\{ (steps\.scan\.outputs|inputs)\./);
    expect(step('Upload SARIF to code scanning').uses).toBe('github/codeql-action/upload-sarif@v3');
  });

  it('passes only options that exist', async () => {
    const scanHelp = (await runCli(['scan', '--help'])).stdout;
    const reportHelp = (await runCli(['report', '--help'])).stdout;
    const scanOptions = optionsIn(scanStep.run!);
    expect(scanOptions.length).toBeGreaterThan(8);
    for (const option of scanOptions) expect(scanHelp, `scan ${option}`).toMatch(new RegExp(`${option}[ ,\\n]`));
    for (const option of optionsIn(renderStep.run!)) expect(reportHelp, `report ${option}`).toMatch(new RegExp(`${option}[ ,\\n]`));
  });

  it('scans, renders SARIF, HTML and Markdown to the job summary, and fails the job on the exit code', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ha-audit-action-'));
    const env = { WORKDIR: work, GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary.md') };
    writeFileSync(env.GITHUB_OUTPUT, '');
    const inputs = { inventory: join(root, 'fixtures', 'demo', 'inventory.json'), 'fail-on': 'high', args: '--no-config' };
    expect(await runStep(scanStep, inputs, env)).toBe(0);
    const outputs = Object.fromEntries(readFileSync(env.GITHUB_OUTPUT, 'utf8').trim().split('\n').map((line) => line.split('=') as [string, string]));
    expect(outputs['exit-code']).toBe('1');
    expect(await runStep(renderStep, inputs, env, outputs)).toBe(0);
    for (const file of ['report.json', 'report.sarif', 'report.html', 'report.md']) expect(existsSync(join(work, 'ha-audit-report', file)), file).toBe(true);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^## ha-audit: \d+ failing/);
    expect(await runStep(gateStep, inputs, env, outputs)).toBe(1);

    // Nothing failing at or above critical: the gate passes.
    writeFileSync(env.GITHUB_OUTPUT, '');
    expect(await runStep(scanStep, { ...inputs, 'fail-on': 'critical' }, env)).toBe(0);
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=0\n');
    expect(await runStep(gateStep, inputs, env, { 'exit-code': '0' })).toBe(0);
  }, 60_000);

  it('stops at the scan when no report could be written (exit 2)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ha-audit-action-'));
    const env = { WORKDIR: work, GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary.md') };
    writeFileSync(env.GITHUB_OUTPUT, '');
    expect(await runStep(scanStep, { inventory: join(work, 'missing.json') }, env)).toBe(2);
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=2\n');
  });
});
