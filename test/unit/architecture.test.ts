import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

// The layers of src/ (README, "Layers"). A unit is a top-level folder (`catalog`) or a top-level file without .ts
// (`config`). A unit may import units of its own layer or of a layer below it, never above; and the units, taken as
// a graph, have no cycle (so two features of one layer never import each other, directly or round about).
// A new folder goes into the lowest layer whose rules it keeps: a low-level helper folder (src/net/: HTTP out) in
// `base`, a folder owning tables and their rules in `feature`.
const LAYERS: { name: string; units: string[]; mayNotImport?: string[] }[] = [
  { name: 'edge', units: ['bin', 'main', 'app', 'cli', 'web', 'jobs'] },
  {
    name: 'feature',
    units: ['digest', 'groups', 'sync', 'plans', 'progress', 'catalog', 'membership', 'learners', 'backup'],
  },
  // Pure code: no database, no clock, no settings, no I/O (today is an argument).
  {
    name: 'domain',
    units: ['planner', 'judges'],
    mayNotImport: ['db', 'config', 'context', 'log', 'clock', 'secret', 'net'],
  },
  {
    name: 'base',
    units: ['context', 'db', 'net', 'i18n', 'text', 'day', 'config', 'errors', 'log', 'clock', 'secret'],
  },
];

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every relative import of a file, resolved to a path under src/: static, type-only (`import type`), re-exports,
 * side-effect imports (`import './x.ts'`) and dynamic `import('./x.ts')`, including `typeof import(…)` in types.
 */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const statics = text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"](\.[^'"]+)['"]/gm);
  const bare = text.matchAll(/^\s*import\s*['"](\.[^'"]+)['"]/gm);
  const dynamic = text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g);
  return [...statics, ...bare, ...dynamic].map((m) => path.relative(SRC, path.resolve(path.dirname(file), m[1])));
}

const unitOf = (relative: string) => relative.split(path.sep)[0].replace(/\.ts$/, '');

/** unit → unit → the file imports that make the edge ('plans/planService.ts → groups/inherit.ts'). */
function unitGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const own = path.relative(SRC, file);
    const from = unitOf(own);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const target of importsOf(file)) {
      const to = unitOf(target);
      if (to === from) continue;
      const edges = graph.get(from) as Map<string, string[]>;
      edges.set(to, [...(edges.get(to) ?? []), `${own} → ${target}`]);
    }
  }
  return graph;
}

/** The cycles among units, one per strongly connected component of more than one unit (Tarjan). */
function cyclesOf(graph: Map<string, Map<string, string[]>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (unit: string) => {
    index.set(unit, next);
    low.set(unit, next++);
    stack.push(unit);
    for (const to of graph.get(unit)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit) as number, low.get(to) as number));
      } else if (stack.includes(to)) low.set(unit, Math.min(low.get(unit) as number, index.get(to) as number));
    }
    if (low.get(unit) !== index.get(unit)) return;
    const component: string[] = [];
    for (let u = stack.pop(); u !== undefined; u = u === unit ? undefined : stack.pop()) component.push(u);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit);
  return cycles;
}

describe('architecture', () => {
  const graph = unitGraph();
  const layerOf = new Map(LAYERS.flatMap((layer, rank) => layer.units.map((unit) => [unit, rank] as const)));

  it('every folder and top-level file of src/ sits in one layer of the table', () => {
    const placed = LAYERS.flatMap((layer) => layer.units);
    expect(new Set(placed).size, 'a unit listed in two layers').to.equal(placed.length);
    const unplaced = [...graph.keys()].filter((unit) => !layerOf.has(unit));
    expect(unplaced, 'add these to LAYERS in test/unit/architecture.test.ts').to.deep.equal([]);
  });

  it('no unit imports a unit of a layer above its own, type-only imports included', () => {
    const upward: string[] = [];
    for (const [from, edges] of graph) {
      for (const [to, lines] of edges) {
        const [a, b] = [layerOf.get(from), layerOf.get(to)];
        if (a !== undefined && b !== undefined && b < a)
          upward.push(`${LAYERS[a].name} → ${LAYERS[b].name}: ${lines.join(', ')}`);
      }
    }
    expect(upward).to.deep.equal([]);
  });

  it('pure code (planner/, judges/) imports no database, clock, settings or I/O', () => {
    const impure = LAYERS.flatMap((layer) =>
      layer.units.flatMap((unit) => (layer.mayNotImport ?? []).flatMap((banned) => graph.get(unit)?.get(banned) ?? [])),
    );
    expect(impure).to.deep.equal([]);
  });

  it('the units of src/ import each other without a cycle', () => {
    const described = cyclesOf(graph).map((units) =>
      units.flatMap((from) => units.flatMap((to) => graph.get(from)?.get(to) ?? [])).join(', '),
    );
    expect(described).to.deep.equal([]);
  });

  it('the import reader sees type-only, re-exported, side-effect and dynamic imports', () => {
    const dir = fs.mkdtempSync(path.join(SRC, '..', 'test', '.arch-'));
    try {
      const file = path.join(dir, 'probe.ts');
      fs.writeFileSync(
        file,
        [
          "import type { Db } from '../../src/db/connection.ts';",
          "import {\n  a,\n  b,\n} from '../../src/day.ts';",
          "export * from '../../src/errors.ts';",
          "import '../../src/log.ts';",
          "const later = () => import('../../src/web/auth.ts');",
          "import fs from 'node:fs';",
        ].join('\n'),
      );
      expect(importsOf(file).map(unitOf)).to.deep.equal(['db', 'day', 'errors', 'log', 'web']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
