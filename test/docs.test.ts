import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIamPolicy } from '../src/cli/iam-policy-command.js';
import { packageRoot } from '../src/package-info.js';
import { generatedPart } from '../src/report/rule-docs.js';
import { runCli } from './support/run-cli.js';

const root = packageRoot();
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const readme = read('README.md');
const documents = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('README', () => {
  it('starts with the two commands: the demo scan and the tests', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm ci && node bin/ha-audit.js scan --inventory fixtures/demo/inventory.json', 'npm ci && npm test']);
  });

  it('shows the demo as it is: every line of its excerpt is a line of the real output, in order, and the summary is the last', async () => {
    const excerpt = /```text\n\$ node bin\/ha-audit\.js scan --inventory fixtures\/demo\/inventory\.json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const shown = excerpt.split('\n').filter((line) => line !== '' && line !== '...');
    expect(shown.length).toBeGreaterThan(10);
    const run = await runCli(['scan', '--inventory', 'fixtures/demo/inventory.json']);
    const lines = run.stdout.split('\n');
    let at = 0;
    for (const line of shown) {
      const found = lines.indexOf(line, at);
      expect(found, `README demo line not in the output (in this order): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(shown.at(-1)).toBe(lines.filter(Boolean).at(-1));
  });

  it('is short, for users: the rest is in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
  });
});

describe('the documentation', () => {
  it('prints the IAM policy once, in docs/configuration.md, generated from the operations (run `npm run docs`)', async () => {
    const policy = generatedPart('iam-policy', `\`\`\`json\n${await renderIamPolicy({ org: true, allRegions: true })}\`\`\``);
    expect(read('docs/configuration.md')).toContain(policy);
    for (const document of documents.filter((d) => d !== 'docs/configuration.md')) expect(read(document), document).not.toContain('"HaAuditReadOnly"');
  });

  it.each(documents)('%s links only to files that exist', (document) => {
    const targets = [...read(document).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
    for (const target of targets) expect(existsSync(join(root, dirname(document), target)), `${document} -> ${target}`).toBe(true);
  });
});
