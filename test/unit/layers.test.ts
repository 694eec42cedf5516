// The import graph of src/, read from the files themselves (type-only and dynamic imports included):
// no file may import one in a higher layer or another folder of its own layer, and no files may
// import each other in a circle. The layers, lowest first, are the README's "The code" list.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const LAYERS: readonly (readonly string[])[] = [
  ['shared'],
  ['model'],
  ['yaml'],
  ['fs'],
  ['load'],
  ['core', 'survey'],
  ['format'],
  ['walkthrough'],
  ['cli'],
];
// Folders that hold pure code: no file access or other I/O of their own.
const PURE = ['shared', 'model', 'yaml', 'core', 'format'];
const IO_MODULES = /^node:(fs|fs\/promises|child_process|net|http|https|worker_threads)$/;

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const where = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(where);
    return entry.name.endsWith('.ts') ? [where] : [];
  });
}

/** The folder of src/ a file belongs to (its first path segment). */
const folderOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!;
const rankOf = (folder: string): number => LAYERS.findIndex((layer) => layer.includes(folder));
const shown = (file: string): string => path.relative(ROOT, file);

interface Edge {
  readonly from: string;
  readonly to: string;
}

function graphOf(files: readonly string[]): { edges: Edge[]; external: Edge[] } {
  const edges: Edge[] = [];
  const external: Edge[] = [];
  for (const file of files) {
    // preProcessFile reads every import form lexically: `import type`, `export … from`, `import()`.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) external.push({ from: file, to: fileName });
      else edges.push({ from: file, to: path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts') });
    }
  }
  return { edges, external };
}

/** Imports of a file in another folder of the same or a higher layer. */
function upward(list: readonly Edge[]): string[] {
  return list
    .filter(({ from, to }) => {
      const [a, b] = [folderOf(from), folderOf(to)];
      return a !== b && rankOf(b) >= rankOf(a);
    })
    .map(({ from, to }) => `${shown(from)} -> ${shown(to)}`);
}

/** Tarjan's strongly connected components with more than one file: the circles. */
function circles(files: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map(files.map((file) => [file, [] as string[]]));
  for (const { from, to } of edges) next.get(from)?.push(to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) found.push(component.map(shown).sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

const files = sourceFiles(SRC);
const { edges, external } = graphOf(files);

describe('the import graph of src/', () => {
  it('reads every file and finds its imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('has every folder in a layer', () => {
    const unplaced = [...new Set(files.map(folderOf))].filter((folder) => rankOf(folder) === -1 && !folder.endsWith('.ts'));
    expect(unplaced).toEqual([]);
  });

  it('imports only files that exist', () => {
    const known = new Set(files);
    expect(edges.filter(({ to }) => !known.has(to)).map(({ from, to }) => `${shown(from)} -> ${shown(to)}`)).toEqual([]);
  });

  it('imports only downward: from a lower layer, or within its own folder', () => {
    expect(upward(edges)).toEqual([]);
  });

  it('has no circle of files', () => {
    expect(circles(files, edges)).toEqual([]);
  });

  it('keeps the pure layers free of file and process I/O', () => {
    const impure = external
      .filter(({ from, to }) => PURE.includes(folderOf(from)) && IO_MODULES.test(to))
      .map(({ from, to }) => `${shown(from)} -> ${to}`);
    expect(impure).toEqual([]);
  });
});

describe('the layer check itself', () => {
  it('finds a circle and an upward import when there is one', () => {
    const [a, b] = [path.join(SRC, 'core', 'a.ts'), path.join(SRC, 'shared', 'b.ts')];
    const made = [
      { from: a, to: b },
      { from: b, to: a },
    ];
    expect(circles([a, b], made)).toEqual([['src/core/a.ts', 'src/shared/b.ts']]);
    expect(upward(made)).toEqual(['src/shared/b.ts -> src/core/a.ts']);
    const sideways = { from: path.join(SRC, 'core', 'a.ts'), to: path.join(SRC, 'survey', 'c.ts') };
    expect(upward([sideways])).toEqual(['src/core/a.ts -> src/survey/c.ts']);
  });
});
