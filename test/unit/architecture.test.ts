import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

const SRC = path.resolve(import.meta.dirname, '../../src');
const EDGES = new Set(['app.ts', 'main.ts', 'cli.ts', 'bin']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of a file, resolved to paths under src/ ('web/auth.ts', 'cli.ts'). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)].map(
    (m) => m[1] ?? m[2],
  );
  return specifiers.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
}

// Features sit below the edges: the web layer and the CLI import features, never the other way round.
describe('architecture', () => {
  it('a feature never imports from web/ or from the edges (app.ts, main.ts, cli.ts)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const own = path.relative(SRC, file);
      const top = own.split(path.sep)[0];
      if (top === 'web' || EDGES.has(top)) continue;
      for (const target of importsOf(file)) {
        if (target.startsWith(`web${path.sep}`) || EDGES.has(target)) offenders.push(`${own} → ${target}`);
      }
    }
    expect(offenders).to.deep.equal([]);
  });
});
