import path from 'node:path';
import { expect } from 'chai';
import { importList } from '../../src/catalog/importList.ts';
import type { Db } from '../../src/db/connection.ts';
import { testDeps } from '../support/app.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');

/** Every row of every table, in a stable order: "unchanged" means this is equal before and after. */
function everything(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  );
}

describe('catalog: storing a list is one transaction', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => (t = testDeps()));
  afterEach(() => t.cleanup());

  it('a failure in the middle of storing v2 over v1 (after the list, a type and its rows were written) leaves the database as it was', async () => {
    const db = t.deps.db;
    await importList(db, path.join(FIXTURES, 'v1'), { now: t.deps.now });
    const before = everything(db);
    // The store phase fails at 아기 상어 (new in v2, in the second type): by then v2 has already rewritten the list's
    // version, renamed DFS와 BFS and dropped 토마토 and 유기농 배추 from Graph Traversal.
    db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON main.problems WHEN NEW.id = 'boj:16236'
             BEGIN SELECT RAISE(ABORT, 'injected failure while storing'); END`);
    let failure: unknown;
    try {
      await importList(db, path.join(FIXTURES, 'v2'), { now: t.deps.now });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('injected failure while storing');
    expect(everything(db)).to.deep.equal(before);

    db.exec('DROP TRIGGER temp.fail_midway');
    const summary = await importList(db, path.join(FIXTURES, 'v2'), { now: t.deps.now });
    expect(summary).to.include({ added: 1, removed: 2 });
  });
});
