import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { loggedIn, readerAgent, seedLearner } from '../support/progress.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';
import { allLists, listCount } from '../../src/catalog/listRepository.ts';
import { importRunById, latestImportRun } from '../../src/catalog/importRunRepository.ts';

const SHAPES = path.resolve(import.meta.dirname, '../fixtures/lists/shapes');

async function finished(t: ReturnType<typeof testDeps>) {
  for (let i = 0; i < 300; i++) {
    const run = latestImportRun(t.deps.db);
    if (run && run.status !== 'running') return importRunById(t.deps.db, run.id)!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import did not finish');
}

describe('/lists – uploads and URL imports of hostile and look-alike lists', () => {
  let t: ReturnType<typeof testDeps>;
  let server: StaticServer;
  beforeEach(async () => {
    t = testDeps({ COTE_ALLOW_PRIVATE_SOURCES: '1' });
    seedLearner(t.deps.db, 'admin', { language: 'en' });
    server = await serveDirectory(SHAPES);
  });
  afterEach(async () => {
    t.cleanup();
    await server.close();
  });

  const upload = async (name: string, text: string, expected: number) => {
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    const res = await agent.post('/lists/upload').type('form').send({ _csrf: csrf, name, text }).expect(expected);
    return { agent, res };
  };

  it('a JSON list nested 100,000 deep – 422 naming the depth, no stack overflow, nothing stored', async () => {
    const { agent, res } = await upload('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 422);
    expect(res.text).to.include('more than 32 levels deep');
    expect(listCount(t.deps.db)).to.equal(0);
    await agent.get('/lists').expect(200);
  });

  it('"a | b" then a line of 200,000 spaces and "x" – parsed (the long line skipped), a clear 422 for no problems', async () => {
    const { res } = await upload('spaces.md', `a | b\n${' '.repeat(200_000)}x\n`, 422);
    expect(res.text).to.include('has no problem link of a judge cote knows');
  });

  it('a 20,000-character line in a list with a problem – the list imported all the same', async () => {
    const text = `## Stack\n${'|'.repeat(20_000)}\n- [Min Stack](https://leetcode.com/problems/min-stack/) Medium\n`;
    await upload('long.md', text, 303);
    expect(listCount(t.deps.db)).to.equal(1);
  });

  it('two URL imports sharing an H1 – two lists of that name; a reader tells them apart by where they come from', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    for (const file of ['topic-readme-ko.md', 'topic-readme-ko-2.md']) {
      await agent
        .post('/lists/import')
        .type('form')
        .send({ _csrf: csrf, source: `${server.url}${file}` })
        .expect(303);
      const run = await finished(t);
      expect(run.status, JSON.stringify(run.summary)).to.equal('succeeded');
      expect(run.summary).to.include({ removed: 0 });
    }
    expect(allLists(t.deps.db).map((l) => [l.name, l.source])).to.deep.equal([
      ['코딩 테스트 대비 문제 모음', `${server.url}topic-readme-ko.md`],
      ['코딩 테스트 대비 문제 모음', `${server.url}topic-readme-ko-2.md`],
    ]);
    const admin = (await agent.get('/lists').expect(200)).text;
    expect(admin).to.include(`${server.url}topic-readme-ko.md`).and.include(`${server.url}topic-readme-ko-2.md`);
    const reader = await readerAgent(t, 'en');
    const page = (await reader.get('/lists').expect(200)).text;
    expect(page).to.include('topic-readme-ko.md').and.include('topic-readme-ko-2.md');
  });
});
