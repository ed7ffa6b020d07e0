import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { loggedIn, readerAgent, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { importAnyList } from '../../src/catalog/importAnyList.ts';
import { listCount } from '../../src/catalog/listRepository.ts';
import { importRunById, latestImportRun } from '../../src/catalog/importRunRepository.ts';
import { plannerCatalog } from '../../src/catalog/plannerCatalog.ts';
import { planListsOf } from '../../src/learners/learnerRepository.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/lists');
const TONY = path.resolve(import.meta.dirname, '../fixtures/planner/list');

async function finished(t: ReturnType<typeof testDeps>) {
  for (let i = 0; i < 200; i++) {
    const run = latestImportRun(t.deps.db);
    if (run && run.status !== 'running') return importRunById(t.deps.db, run.id)!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import did not finish');
}

describe('/lists with lists of any format', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
    seedLearner(t.deps.db, 'admin', { language: 'en' });
  });
  afterEach(() => t.cleanup());

  it('POST /lists/import – a markdown file on the server with a name – imported in the background under that name', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    await agent
      .post('/lists/import')
      .type('form')
      .send({ _csrf: csrf, source: path.join(FIXTURES, 'level-column.md'), name: 'Kit' })
      .expect(303);
    const run = await finished(t);
    expect(run.status).to.equal('succeeded');
    expect(run.summary).to.include({ list: 'kit', problems: 5 });
    const page = (await agent.get('/lists').expect(200)).text;
    expect(page).to.match(/<td class="format"[^>]*>markdown<\/td>/);
  });

  it('POST /lists/import – an unknown format – 422 with the message, nothing started', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    const res = await agent
      .post('/lists/import')
      .type('form')
      .send({ _csrf: csrf, source: path.join(FIXTURES, 'plain.csv'), format: 'xml' })
      .expect(422);
    expect(res.text).to.include('Unknown format &#34;xml&#34;');
    expect(latestImportRun(t.deps.db)).to.equal(undefined);
  });

  it('POST /lists/upload – an uploaded CSV – imported at once; one without problem links – 422, nothing stored', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    const empty = await agent
      .post('/lists/upload')
      .type('form')
      .send({ _csrf: csrf, name: 'Empty', text: fs.readFileSync(path.join(FIXTURES, 'no-problems.md'), 'utf8') })
      .expect(422);
    expect(empty.text).to.include('has no problem link of a judge cote knows');
    expect(listCount(t.deps.db)).to.equal(0);
    await agent
      .post('/lists/upload')
      .type('form')
      .send({ _csrf: csrf, name: 'Mine', text: fs.readFileSync(path.join(FIXTURES, 'judge-id.csv'), 'utf8') })
      .expect(303);
    expect(listCount(t.deps.db)).to.equal(1);
    const page = (await agent.get('/lists').expect(200)).text;
    expect(page)
      .to.include('Imported &#34;Mine&#34;')
      .and.match(/<td class="format"[^>]*>csv<\/td>/);
  });

  it('POST /lists/upload – a Korean admin, a link that is not a problem – the summary is Korean, names the skipped URL, and the import history counts the upload', async () => {
    t.deps.db.prepare("UPDATE learners SET language = 'ko'").run();
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    const text = '## DFS\n- [A](https://www.acmicpc.net/problem/1260)\n- [B](https://www.acmicpc.net/step/7)\n';
    await agent.post('/lists/upload').type('form').send({ _csrf: csrf, name: 'Mine', text }).expect(303);
    const page = (await agent.get('/lists').expect(200)).text;
    const flash = /<p class="flash[^>]*>([^<]*)<\/p>/.exec(page)![1];
    expect(flash).to.include('목록을 가져왔습니다').and.include('https://www.acmicpc.net/step/7');
    expect(flash).not.to.match(/\b(types|problems|entries|recommended|added)\b/);
    expect(page).not.to.include('아직 가져오기를 실행한 적이 없습니다');
    expect(latestImportRun(t.deps.db)).to.include({ source: 'upload:Mine', status: 'succeeded' });
    // An uploaded list has no source to refresh from: the row offers a new upload instead (a refresh answered 422).
    const row = /<tr data-list="[^"]*">(?:(?!<\/tr>)[\s\S])*Mine(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(page)![0];
    expect(row).not.to.include('action="/lists/import"').and.not.to.include('upload:Mine');
    expect(row).to.include('href="#upload"').and.include('새 버전 올리기');
  });

  it('POST /lists/upload – a learner who is not an admin – 403', async () => {
    const agent = await readerAgent(t, 'en');
    const csrf = csrfFrom((await agent.get('/lists')).text);
    await agent
      .post('/lists/upload')
      .type('form')
      .send({ _csrf: csrf, name: 'Mine', text: 'url\nhttps://leetcode.com/problems/two-sum/' })
      .expect(403);
    expect(listCount(t.deps.db)).to.equal(0);
  });

  it('POST /lists/types – an admin maps a heading of its own – it counts as that type, and still after a re-import', async () => {
    const file = path.join(FIXTURES, 'level-column.md');
    await importAnyList(t.deps.db, file);
    const types = () => plannerCatalog(t.deps.db).categories.map((c) => c.key);
    expect(types()).to.deep.equal(['data_structure2', '알고리즘_기초']);
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    const page = (await agent.get('/lists').expect(200)).text;
    const alias = /data-alias="([^"]+)"/.exec(page)![1];
    expect(alias).to.equal('알고리즘기초');
    await agent.post('/lists/types').type('form').send({ _csrf: csrf, alias, type: 'nonsense' }).expect(422);
    await agent.post('/lists/types').type('form').send({ _csrf: csrf, alias, type: 'implementation' }).expect(303);
    expect(types()).to.deep.equal(['data_structure2', 'implementation']);
    await importAnyList(t.deps.db, file);
    expect(types()).to.deep.equal(['data_structure2', 'implementation']);
    const reader = await readerAgent(t, 'en');
    const readerCsrf = csrfFrom((await reader.get('/lists')).text);
    await reader.post('/lists/types').type('form').send({ _csrf: readerCsrf, alias, type: '' }).expect(403);
  });

  it('POST /lists/plan – a learner picks one of two lists – stored; all checked means every list; none – 422', async () => {
    await importList(t.deps.db, TONY);
    const kit = (await importAnyList(t.deps.db, path.join(FIXTURES, 'level-column.md'))).list;
    const { agent, csrf } = await loggedIn(t.app(), 'admin');
    const admin = 1;
    await agent.post('/lists/plan').type('form').send({ _csrf: csrf, lists: kit }).expect(303);
    expect(planListsOf(t.deps.db, admin)).to.deep.equal([kit]);
    await agent
      .post('/lists/plan')
      .type('form')
      .send({ _csrf: csrf, lists: [kit, 'tony9402-baekjoon'] })
      .expect(303);
    expect(planListsOf(t.deps.db, admin)).to.equal(null);
    const none = await agent.post('/lists/plan').type('form').send({ _csrf: csrf }).expect(422);
    expect(none.text).to.include('Pick at least one list');
    await agent.post('/lists/plan').type('form').send({ _csrf: csrf, lists: 'nope' }).expect(422);
    await request(t.app())
      .post('/lists/plan')
      .type('form')
      .send({ lists: kit })
      .expect((res) => expect(res.status).to.be.oneOf([302, 401, 403]));
  });

  it('GET / – two lists – the checklist filters by list', async () => {
    await importList(t.deps.db, TONY);
    const kit = (await importAnyList(t.deps.db, path.join(FIXTURES, 'level-column.md'))).list;
    const agent = await readerAgent(t, 'en');
    // Types are folded on the checklist: a search opens its matches.
    const all = (await agent.get('/?q=2001').expect(200)).text + (await agent.get('/?q=1845').expect(200)).text;
    expect(all).to.include('data-problem="boj:2001"').and.include('data-problem="programmers:1845"');
    const list = `list=${encodeURIComponent(kit)}`;
    const one =
      (await agent.get(`/?${list}&q=1845`).expect(200)).text + (await agent.get(`/?${list}&q=2001`).expect(200)).text;
    expect(one).to.include('data-problem="programmers:1845"').and.not.include('data-problem="boj:2001"');
    await agent.get('/?list=nope').expect(400);
  });
});
