import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner, seedProblems } from '../support/progress.ts';
import { runCli } from '../../src/cli.ts';
import { insertGroup } from '../../src/membership/groupRepository.ts';

// Every command that names a learner takes a login or an id (src/learners/learnerRef.ts), and refuses anything else
// with one line naming the value.
describe('cote … --learner <login|id>', () => {
  let ctx: ReturnType<typeof testDeps>;
  let io: ReturnType<typeof testCliContext>;
  let minaId: number;
  const run = async (...args: string[]) => {
    io.out.length = 0;
    io.err.length = 0;
    const code = await runCli(['node', 'cote', ...args], io.cli);
    return { code, out: io.out.join('\n'), err: io.err.join('\n') };
  };

  before(() => {
    ctx = testDeps({}, new Date('2026-03-01T15:30:00Z'));
    io = testCliContext(ctx);
    seedProblems(ctx.deps.db);
    seedLearner(ctx.deps.db, 'admin');
    minaId = seedLearner(ctx.deps.db, 'mina', { examDate: '2026-06-01' }).id;
    // A login made of digits is a login first: `--learner 77` is this learner, not id 77.
    seedLearner(ctx.deps.db, '77');
    insertGroup(ctx.deps.db, { name: 'Alpha', examDate: null, profile: null, lists: null }, new Date());
  });
  after(() => ctx.cleanup());

  // Each pair runs the same command by id and by login and must answer the same.
  const readOnly: [string, (who: string) => string[]][] = [
    ['plan', (who) => ['plan', '--learner', who, '--json']],
    ['history', (who) => ['history', '--learner', who, '--json']],
    ['digest', (who) => ['digest', '--learner', who, '--dry-run', '--json']],
    ['sync', (who) => ['sync', '--learner', who, '--json']],
    ['learner set', (who) => ['learner', 'set', who, '--codeforces', 'tourist']],
  ];
  for (const [name, args] of readOnly) {
    it(`cote ${name} – the id and the login name one learner; an unknown one is one stderr line and exit 1`, async () => {
      const byLogin = await run(...args('mina'));
      const byId = await run(...args(String(minaId)));
      expect(byId).to.deep.equal(byLogin);
      expect(byLogin.err).not.to.match(/no learner/);
      expect(await run(...args('ghost'))).to.deep.equal({ code: 1, out: '', err: 'cote: there is no learner "ghost"' });
      expect(await run(...args('999'))).to.deep.equal({ code: 1, out: '', err: 'cote: there is no learner "999"' });
    });
  }

  it('cote solve – by id and by login both log for that learner; an unknown one logs nothing', async () => {
    expect((await run('solve', 'boj:1000', '--learner', String(minaId))).code).to.equal(0);
    expect((await run('solve', 'boj:1260', '--learner', 'mina')).code).to.equal(0);
    const logged = () =>
      ctx.deps.db.prepare('SELECT learner_id, problem_id FROM attempts ORDER BY problem_id').all() as object[];
    expect(logged()).to.deep.equal([
      { learner_id: minaId, problem_id: 'boj:1000' },
      { learner_id: minaId, problem_id: 'boj:1260' },
    ]);
    expect(await run('solve', 'boj:1000', '--learner', 'ghost')).to.deep.equal({
      code: 1,
      out: '',
      err: 'cote: there is no learner "ghost"',
    });
    expect(logged()).to.have.length(2);
  });

  it('cote group add / remove – by id and by login; a login of digits is that login, not an id', async () => {
    expect((await run('group', 'add', 'Alpha', '--learner', String(minaId))).out).to.equal('added mina to Alpha');
    expect((await run('group', 'remove', 'Alpha', '--learner', 'mina')).out).to.equal('removed mina from Alpha');
    expect((await run('group', 'add', 'Alpha', '--learner', '77')).out).to.equal('added 77 to Alpha');
  });
});
