import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import type { ScanIo } from '../../src/cli/scan-command.js';

/** The help texts as `--help` prints them, with the text added after the options. */
function helpTexts(): Map<string, string> {
  let captured = '';
  const stdout = new Writable({ write: (chunk, _encoding, done) => ((captured += String(chunk)), done()) }) as unknown as NodeJS.WriteStream;
  const io: ScanIo = { stdout, stderr: stdout, env: {}, debug: () => {} };
  const program = buildProgram(io, () => {});
  const texts = new Map<string, string>();
  for (const command of [program, ...program.commands]) {
    captured = '';
    command.outputHelp();
    texts.set(command === program ? '' : command.name(), captured);
  }
  return texts;
}

describe('--help', () => {
  const texts = helpTexts();

  it('shows no empty, false or quoted-number defaults, for any command', () => {
    for (const [command, text] of texts) {
      expect({ command, defaults: text.match(/\(default: (\[\]|false|"\d+")\)|default: \[\]/g) }).toEqual({ command, defaults: null });
    }
  });

  it('gives examples for the common cases, at the top and for scan', () => {
    expect(texts.get('')).toMatch(/\nExamples:\n {2}ha-audit scan --region /);
    expect(texts.get('scan')).toMatch(/\nExamples:\n {2}ha-audit scan /);
    expect(texts.get('scan')).toContain('--inventory inventory.json');
    expect(texts.get('what-if')).toMatch(/\nExamples:\n {2}ha-audit what-if --zone /);
    expect(texts.get('what-if')).toMatch(/Exit codes: 0 .*, 1 .*, 2 .*, 3 /);
  });

  it('every option an example uses exists in its command', () => {
    const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, env: {}, debug: () => {} }, () => {});
    const examples = [...texts.values()].flatMap((text) => text.split('\n').filter((line) => /^ {2}ha-audit \S/.test(line)));
    expect(examples.length).toBeGreaterThan(8);
    for (const example of examples) {
      const [, name, ...words] = example.trim().split(/\s+/);
      const command = program.commands.find((c) => c.name() === name);
      expect(command, example).toBeDefined();
      const flags = new Set(command!.options.flatMap((option) => [option.long, option.short]));
      for (const word of words.filter((w) => w.startsWith('--'))) expect(flags.has(word), `${word} in: ${example}`).toBe(true);
    }
  });
});
