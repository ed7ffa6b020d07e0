import { createHash } from 'node:crypto';
import { expect } from 'chai';
import type { Db } from '../../src/db/connection.ts';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { loggedIn } from '../support/progress.ts';
import { registeredRoutes } from '../support/routes.ts';
import { groupWorld, solve, withGroups } from './groups.support.ts';

/** Every row of every table, hashed: equal before and after means nothing was written (or written back the same). */
function checksum(db: Db): string {
  const hash = createHash('sha1');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(table);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all())
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

const totalChanges = (db: Db) => db.prepare('SELECT total_changes()').pluck().get() as number;

describe('reads never write: a GET of every page changes no row', function () {
  this.timeout(60_000);

  it('every GET route, as a group member and as an admin, on a day with nothing stored yet – no row changes', async () => {
    const w = await groupWorld({ SMTP_URL: '' });
    try {
      await withGroups(w);
      solve(w.db, w.ana, 'boj:1260', '2026-11-27');
      const alpha = groupByName(w.db, 'Alpha')!;
      const attempt = w.db.prepare('SELECT id FROM attempts WHERE learner_id = ?').pluck().get(w.ana.id) as number;
      const concrete = (path: string) =>
        path
          .replace('/groups/:id', `/groups/${alpha.id}`)
          .replace('/attempts/:id', `/attempts/${attempt}`)
          .replace(':id', '1')
          .replace(':name', `digest-${w.ana.id}-2026-11-27.eml`)
          .replace(':token', 'x')
          .replace(':key', 'graph_traversal');
      const gets = registeredRoutes(w.t.app())
        .filter((r) => r.startsWith('GET '))
        .map((r) => r.slice(4));
      expect(gets.length).to.be.greaterThan(20);
      for (const login of ['ana', 'admin']) {
        const { agent } = await loggedIn(w.t.app(), login);
        await agent.get('/settings').expect(200); // the session as a browser has it after its first page
        const before = { sum: checksum(w.db), changes: totalChanges(w.db) };
        const statuses: string[] = [];
        for (const path of gets) statuses.push(`${path} ${(await agent.get(concrete(path))).status}`);
        expect(totalChanges(w.db), `${login}: rows changed by ${statuses.join(', ')}`).to.equal(before.changes);
        expect(checksum(w.db), login).to.equal(before.sum);
        expect(
          statuses.filter((s) => / 5\d\d$/.test(s)),
          'no page fails',
        ).to.deep.equal([]);
      }
    } finally {
      w.t.cleanup();
    }
  });
});
