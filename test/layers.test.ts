import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-info.js';

/**
 * The layers of ARCHITECTURE.md, lowest first: what each folder may import. `shared` is the
 * helpers at the top of `src/` (collections, package info). Only `cli` sees every layer.
 */
const ALLOWED: Record<string, readonly string[]> = {
  shared: ['shared'],
  model: ['shared', 'model'],
  collect: ['shared', 'model', 'collect'],
  resilience: ['shared', 'model', 'resilience'],
  engine: ['shared', 'model', 'resilience', 'engine'],
  config: ['shared', 'model', 'engine', 'config'],
  report: ['shared', 'model', 'engine', 'report'],
  rules: ['shared', 'model', 'engine', 'rules'],
  cli: ['shared', 'model', 'collect', 'engine', 'resilience', 'config', 'report', 'rules', 'cli'],
};

const root = packageRoot();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** `src/engine/run-rules.ts` -> `engine`; `rules/support/zones.ts` -> `rules`; `src/collections.ts` -> `shared`. */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'rules') return 'rules';
  return parts.length === 2 ? 'shared' : parts[1]!;
}

/** Every module a file imports, static or dynamic (`import('...')`), as TypeScript reads them. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const files = [...sourceFiles('src'), ...sourceFiles('rules')];
const edges = files.flatMap((file) => importsOf(file).map((target) => ({ file, target })));

describe('layers', () => {
  it('finds the sources and their imports', () => {
    expect(files).toContain('src/cli/main.ts');
    expect(files).toContain('rules/support/route53.ts');
    expect(edges.length).toBeGreaterThan(100);
  });

  it('each folder imports only its own layer and those below it (nothing below src/cli imports src/cli)', () => {
    const wrong = edges
      .filter(({ target }) => target.startsWith('.'))
      .map(({ file, target }) => {
        const path = relative(root, resolve(root, dirname(file), target));
        return { file, target: path, from: layerOf(file), to: layerOf(path) };
      })
      .filter(({ from, to }) => !ALLOWED[from]!.includes(to))
      .map(({ file, target }) => `${file} imports ${target}`);
    expect(wrong).toEqual([]);
  });

  it('only src/collect imports the AWS SDK', () => {
    const wrong = edges.filter(({ file, target }) => /^@(aws-sdk|smithy)\//.test(target) && layerOf(file) !== 'collect').map(({ file, target }) => `${file} imports ${target}`);
    expect(wrong).toEqual([]);
  });
});
