import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iamAction, OPERATIONS } from '../src/model/operations.js';
import { packageRoot } from '../src/package-info.js';

const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the two commands: the demo scan and the tests', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm ci && node bin/ha-audit.js scan --inventory fixtures/demo/inventory.json', 'npm ci && npm test']);
  });

  it('lists exactly the IAM actions the collectors call', () => {
    const policy = /```json\n(\{\n {2}"Version"[\s\S]*?)```/.exec(readme)?.[1];
    const actions = (JSON.parse(policy!) as { Statement: { Action: string[] }[] }).Statement[0]!.Action;
    const expected = Object.entries(OPERATIONS).flatMap(([service, ops]) => ops.map((op) => iamAction(service, op)));
    expect([...actions].sort()).toEqual([...expected].sort());
  });
});
