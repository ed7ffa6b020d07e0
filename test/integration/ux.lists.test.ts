import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { startImportRun } from '../../src/catalog/importRuns.ts';
import { createImportRun, finishImportRun } from '../../src/catalog/importRunRepository.ts';
import type { ImportSummary } from '../../src/catalog/store.ts';
import { formatInstant } from '../../src/day.ts';

const V1 = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');

describe("lists page and outbox: times in the reader's zone, warnings in the reader's language", () => {
  let ctx: ReturnType<typeof testDeps>;
  // 00:30 UTC is 09:30 in Seoul the same day and 19:30 the evening before in New York.
  beforeEach(async () => {
    ctx = testDeps({ SMTP_URL: '' }, new Date('2026-11-30T00:30:00Z'));
    await startImportRun(ctx.deps, V1).finished;
  });
  afterEach(() => ctx.cleanup());

  it('formatInstant() – one instant in two zones – the local wall clock with the zone named', () => {
    expect(formatInstant('2026-11-30T00:30:00Z', 'Asia/Seoul')).to.equal('2026-11-30 09:30 Asia/Seoul');
    expect(formatInstant(new Date('2026-11-30T00:30:00Z'), 'America/New_York')).to.equal(
      '2026-11-29 19:30 America/New_York',
    );
    expect(formatInstant(null, 'Asia/Seoul')).to.equal('');
    expect(formatInstant('not a time', 'Asia/Seoul')).to.equal('');
  });

  it('GET /lists – anonymous – import and run times in the default zone (Asia/Seoul), never UTC', async () => {
    const $ = cheerio.load((await request(ctx.app()).get('/lists')).text);
    expect($('table.lists td.imported-at').text()).to.equal('2026-11-30 09:30 Asia/Seoul');
    expect($('table.import-runs td.run-started').first().text()).to.equal('2026-11-30 09:30 Asia/Seoul');
    expect($('main').text()).not.to.contain('UTC');
  });

  it('GET /lists and / – a learner in New York – times in their zone', async () => {
    seedLearner(ctx.deps.db, 'ny', { language: 'en', timezone: 'America/New_York' });
    const a = await loggedIn(ctx.app(), 'ny');
    const $ = cheerio.load((await a.agent.get('/lists')).text);
    expect($('table.lists td.imported-at').text()).to.equal('2026-11-29 19:30 America/New_York');
    expect($('table.import-runs td.run-started').first().text()).to.equal('2026-11-29 19:30 America/New_York');
    expect(
      cheerio
        .load((await a.agent.get('/')).text)('.list-meta')
        .text(),
    ).to.contain('2026-11-29 19:30 America/New_York');
  });

  it("GET /digest/preview – outbox files – written-at in the learner's zone", async () => {
    const mina = seedLearner(ctx.deps.db, 'mina', { language: 'en' });
    const dir = path.join(ctx.deps.config.dataDir, 'outbox');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `test-${mina.id}-1.eml`);
    fs.writeFileSync(file, 'Subject: x\n\nhello\n');
    fs.utimesSync(file, new Date('2026-11-30T12:05:00Z'), new Date('2026-11-30T12:05:00Z'));
    const a = await loggedIn(ctx.app(), 'mina');
    const $ = cheerio.load((await a.agent.get('/digest/preview')).text);
    expect($('.outbox-files li').text()).to.contain('2026-11-30 21:05 Asia/Seoul');
    expect($('.outbox-files li').text()).not.to.contain('UTC');
  });

  it('GET /lists – parser warnings – worded in the page language (English and Korean)', async () => {
    const en = cheerio.load((await request(ctx.app()).get('/lists').set('Accept-Language', 'en')).text);
    const ko = cheerio.load((await request(ctx.app()).get('/lists').set('Accept-Language', 'ko')).text);
    const enLines = en('.run-warnings li')
      .map((_i, li) => en(li).text())
      .get();
    const koLines = ko('.run-warnings li')
      .map((_i, li) => ko(li).text())
      .get();
    expect(enLines).to.include(
      'README.md: Simulation claims 3 recommended, algorithms/simulation/README.md marks 1 (the page is used)',
    );
    expect(koLines).to.have.length(enLines.length);
    expect(koLines).to.include(
      'README.md: Simulation의 추천 문제 수는 3개로 적혀 있지만 algorithms/simulation/README.md에는 1개가 표시되어 있습니다 (페이지를 따릅니다)',
    );
  });

  it('GET /lists – a run stored before warnings had codes – its English lines are shown as they were', async () => {
    const id = createImportRun(ctx.deps.db, '/old/source', new Date('2026-11-01T00:00:00Z'));
    const summary = {
      list: 'tony9402-baekjoon',
      categories: 1,
      problems: 1,
      entries: 1,
      recommended: 0,
      added: 0,
      removed: 0,
      changed: 0,
      warnings: ['README.md line 3: an old warning'],
      details: { added: [], removed: [], changes: [] },
    } as ImportSummary;
    finishImportRun(ctx.deps.db, id, {
      status: 'succeeded',
      message: 'ok',
      summary,
      at: new Date('2026-11-01T00:01:00Z'),
    });
    const ko = cheerio.load((await request(ctx.app()).get('/lists').set('Accept-Language', 'ko')).text);
    expect(ko(`tr[data-run="${id}"] .run-warnings li`).text()).to.equal('README.md line 3: an old warning');
  });
});
