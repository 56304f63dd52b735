import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { CONFIG_FILE, loadConfig, loadInventory, saveInventory } from '../../src/cli/files.js';
import { resolveOutput } from '../../src/cli/outputs.js';
import { packageRoot } from '../../src/package-info.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ha-audit-config-'));

describe('loadConfig', () => {
  it('reads .ha-audit.yml from the working directory, named as is in messages', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, CONFIG_FILE), 'regions: [eu-west-1]\n');
    expect(await loadConfig(undefined, rules, cwd)).toEqual({ file: '.ha-audit.yml', regions: ['eu-west-1'], rules: {}, suppressions: [] });
  });

  it('without a file in the working directory there is no configuration', async () => {
    expect(await loadConfig(undefined, rules, folder())).toBeUndefined();
  });

  it('--config names another file, relative to the working directory', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'ci'));
    writeFileSync(join(cwd, CONFIG_FILE), 'regions: [eu-west-1]\n');
    writeFileSync(join(cwd, 'ci', 'prod.yml'), 'rules:\n  elb-multi-az: { enabled: falsy }\n');
    await expect(loadConfig('ci/prod.yml', rules, cwd)).rejects.toThrow('ci/prod.yml:2: rules.elb-multi-az.enabled must be true or false, got "falsy"');
  });

  it('--config with a missing file is an error, not an empty configuration', async () => {
    await expect(loadConfig('missing.yml', rules, folder())).rejects.toMatchObject({ code: 'config-unreadable', message: 'cannot read configuration missing.yml: no such file' });
  });

  it('a directory named .ha-audit.yml is an error', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, CONFIG_FILE));
    await expect(loadConfig(undefined, rules, cwd)).rejects.toMatchObject({ message: 'cannot read configuration .ha-audit.yml: it is a directory' });
  });

  it('--no-config ignores the file of the working directory', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, CONFIG_FILE), 'not: valid\n');
    expect(await loadConfig(false, rules, cwd)).toBeUndefined();
  });
});

describe('saveInventory', () => {
  const sink = () => {
    const chunks: string[] = [];
    return { chunks, stream: new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk.toString()), done()) }) };
  };

  it('writes the inventory, and warns when --inventory could not read it back as one file', async () => {
    const inventory = await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-save-'));
    const target = await resolveOutput(join(dir, 'inventory.json'), '--save-inventory');
    const quiet = sink();
    await saveInventory(target, inventory, { stdout: sink().stream, stderr: quiet.stream });
    expect(quiet.chunks).toEqual([]);
    const written = readFileSync(join(dir, 'inventory.json'), 'utf8');
    expect(await loadInventory(join(dir, 'inventory.json'))).toEqual(inventory);

    const warned = sink();
    await saveInventory(target, inventory, { stdout: sink().stream, stderr: warned.stream }, 1000);
    expect(readFileSync(join(dir, 'inventory.json'), 'utf8')).toBe(written);
    expect(warned.chunks.join('')).toBe(
      `ha-audit: warning: the inventory is ${Buffer.byteLength(written).toLocaleString('en-US')} bytes, more than the 1,000 characters --inventory can read as one file: save the scan as shards (--shard I/N --save-inventory FILE), and give every shard with its own --inventory\n`,
    );
  });
});
