import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const api = path.join(root, 'api/src');
const ingest = [path.join(root, 'geo'), path.join(root, 'seeds')];

type ImportGraph = Map<string, string[]>;

/** Every relative import (static, dynamic, `import type`, re-export) of the TypeScript files under some folders. */
function importGraph(folders: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const folder of folders) {
    for (const entry of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts')) continue;
      const file = path.join(folder, entry);
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
      graph.set(
        file,
        importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => path.resolve(path.dirname(file), i.fileName)),
      );
    }
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan): each is a set of files importing each other. */
function importCycles(graph: ImportGraph): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) !== order.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1) cycles.push(component.map((f) => path.relative(root, f)).sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

/**
 * MikroORM relations point both ways (an entity names its relations' classes, `Rel<>`-typed, and
 * its custom repository): these cycles are inherent, so they are allowed, and only these.
 */
const entityRelationCycles = [
  [
    'api/src/modules/admin-units/admin-unit.entity.ts',
    'api/src/modules/admin-units/admin-unit.repository.ts',
    'api/src/modules/admin-units/unit-flag.entity.ts',
  ],
  ['api/src/modules/criteria/criteria-set.entity.ts', 'api/src/modules/criteria/criterion.entity.ts', 'api/src/modules/criteria/indicator.entity.ts'],
];

describe('backend layering', () => {
  const graph = importGraph([path.join(root, 'api'), ...ingest]);

  it('no file under api/src imports the ingest layer (geo/, seeds/)', () => {
    const upward = [...graph]
      .filter(([file]) => file.startsWith(api + path.sep))
      .flatMap(([file, imports]) =>
        imports
          .filter((target) => ingest.some((folder) => target.startsWith(folder + path.sep)))
          .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
      );
    expect(upward).toEqual([]);
  });

  it('has no import cycle in api/, geo/ or seeds/ but those of entity relations', () => {
    expect(importCycles(graph)).toEqual(entityRelationCycles);
  });

  it('finds a cycle through any number of files, type-only imports included', () => {
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((f) => path.join(root, f));
    const [a, b, c, d] = files;
    const source = {
      [a]: "import { b } from './b.ts';",
      [b]: "import type { C } from './c.ts';",
      [c]: "export { a } from './a.ts';",
      [d]: "import { a } from './a.ts';",
    };
    const fixture: ImportGraph = new Map(
      files.map((f) => [f, ts.preProcessFile(source[f], true, true).importedFiles.map((i) => path.resolve(root, i.fileName))]),
    );
    expect(importCycles(fixture)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

describe('web client', () => {
  it('keeps the map page small: App.tsx composes the view, the registered layers and the panels (under 120 lines)', () => {
    const lines = fs.readFileSync(path.join(root, 'web/src/App.tsx'), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(120);
  });
});
