import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

type ImportGraph = Map<string, string[]>;

/** Every `.ts` file under `root` with the files of the package it imports or re-exports (type-only imports too). */
function importGraph(root: string): ImportGraph {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
    for (const target of targets)
      if (!known.has(target)) throw new Error(`${file} imports ${target}, which is not a file`);
    graph.set(
      relative(root, file),
      targets.map((t) => relative(root, t)),
    );
  }
  return graph;
}

/** The import cycles of `graph`: one path per strongly connected group of files (Tarjan). */
function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.reverse());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The imports of files under `from` that reach into any of the folders `forbidden`. */
function importsInto(graph: ImportGraph, from: string, forbidden: string[]): string[] {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith(from)
      ? targets.filter((t) => forbidden.some((f) => t.startsWith(f))).map((t) => `${file} -> ${t}`)
      : [],
  );
}

describe('the import graph of packages/api/src', () => {
  const graph = importGraph(SRC);

  it('reads every file and the imports between them', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('root.ts')).toContain('routers/claim.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('keeps the layers one way: contracts need nothing of the API, views only contracts', () => {
    const apiFolders = ['store/', 'views/', 'routers/', 'queries/', 'drafts/', 'accounts/'];
    expect(importsInto(graph, 'contracts/', apiFolders)).toEqual([]);
    expect(importsInto(graph, 'views/', ['store/', 'routers/', 'drafts/', 'accounts/'])).toEqual(
      [],
    );
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const looped: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['self.ts']]);
    expect(
      findCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });
});
