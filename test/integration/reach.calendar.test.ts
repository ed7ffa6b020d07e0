import { expect } from 'chai';
import ICAL from 'ical.js';
import request from 'supertest';
import { importList } from '../../src/catalog/importList.ts';
import { plannerRunsDuring } from '../support/plannerRuns.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import { runCli } from '../../src/cli.ts';
import { csrfFrom, testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { GROUP_LIST } from './groups.support.ts';

interface Feed {
  etag: string;
  body: string;
  events: {
    uid: string;
    start: string;
    isDate: boolean;
    summary: string;
    description: string;
    stamp: string;
    sequence: number;
  }[];
}

describe('reach: the calendar feed', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps({ COTE_BASE_URL: 'https://cote.example' });
    await importList(t.deps.db, GROUP_LIST);
    seedLearner(t.deps.db, 'admin');
    // 03:00 UTC on 2026-11-28 is still the 27th in Los Angeles: the feed starts on the learner's own date.
    seedLearner(t.deps.db, 'ana', {
      examDate: '2026-12-12',
      language: 'en',
      timezone: 'America/Los_Angeles',
      dailyMinutes: 60,
    });
  });
  afterEach(() => t.cleanup());

  /** Turns the feed on through /settings/calendar and returns its path. */
  const turnOn = async (agent: Awaited<ReturnType<typeof loggedIn>>['agent']) => {
    const page = await agent.get('/settings/calendar');
    expect(page.status).to.equal(200);
    const res = await agent
      .post('/settings/calendar')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).to.equal(302);
    const shown = await agent.get('/settings/calendar');
    const url = /value="(https:\/\/cote\.example\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(shown.text)?.[1];
    expect(url, 'the private URL on the page').to.be.a('string');
    return new URL(url!).pathname;
  };

  /** Fetches without a session (as a calendar app does) and parses it with ical.js, Thunderbird's own parser. */
  const fetchFeed = async (path: string): Promise<Feed> => {
    const res = await request(t.app()).get(path);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/calendar; charset=utf-8');
    const body = res.text;
    const cal = new ICAL.Component(ICAL.parse(body));
    expect(cal.getFirstPropertyValue('version')).to.equal('2.0');
    const events = cal.getAllSubcomponents('vevent').map((e) => {
      const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
      return {
        uid: String(e.getFirstPropertyValue('uid')),
        start: start.toString(),
        isDate: start.isDate,
        summary: String(e.getFirstPropertyValue('summary')),
        description: String(e.getFirstPropertyValue('description')),
        stamp: String(e.getFirstPropertyValue('dtstamp')),
        sequence: Number(e.getFirstPropertyValue('sequence')),
      };
    });
    return { etag: String(res.headers.etag), body, events };
  };

  it("GET /calendar/<token>.ics – one all-day event per study day in the learner's zone, problems and minutes, links, the exam; valid for ical.js", async () => {
    const { agent } = await loggedIn(t.app(), 'ana');
    const feed = await fetchFeed(await turnOn(agent));
    const days = feed.events.filter((e) => e.uid.startsWith('plan-'));
    expect(days.length).to.be.greaterThan(3);
    expect(days[0].start).to.equal('2026-11-27');
    expect(days.every((e) => e.isDate)).to.equal(true);
    expect(new Set(feed.events.map((e) => e.uid)).size).to.equal(feed.events.length);
    for (const d of days) {
      expect(d.summary).to.match(/^(\[Mock test\] )?cote: \d+ problems · \d+ min$/);
      expect(d.description).to.match(
        /^• boj:\d+ .+ \(\d+ min\)\n {2}https:\/\/web\.archive\.org\/web\/2026\/https:\/\/www\.acmicpc\.net\/problem\/\d+/,
      );
    }
    const exam = feed.events.find((e) => e.uid.startsWith('exam-'))!;
    expect(exam).to.include({ start: '2026-12-12', isDate: true, summary: 'Exam day' });
    expect(feed.body).to.match(/\r\nEND:VCALENDAR\r\n$/);
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).to.equal(true);

    // cote plan --ics prints the same feed.
    const c = testCliContext(t);
    expect(await runCli(['node', 'cote', 'plan', '--learner', 'ana', '--ics'], c.cli)).to.equal(0);
    expect(`${c.out.join('\n')}\r\n`).to.equal(feed.body);
    const both = testCliContext(t);
    expect(
      await runCli(['node', 'cote', 'plan', '--learner', 'ana', '--ics', '--today', '2026-12-01'], both.cli),
    ).to.equal(1);
    expect(both.err).to.deep.equal(['cote: --ics cannot be combined with --today or --json']);
  });

  it('ETag – asking again costs a 304 without planning; a logged solve changes the feed: same UIDs, newer DTSTAMP and SEQUENCE', async () => {
    const { agent } = await loggedIn(t.app(), 'ana');
    const path = await turnOn(agent);
    const before = await fetchFeed(path);
    const runs = await plannerRunsDuring(async () => {
      const again = await request(t.app()).get(path).set('If-None-Match', before.etag);
      expect(again.status).to.equal(304);
      // fetch() and some calendar apps add Cache-Control: no-cache to a conditional request: still a 304.
      const noCache = await request(t.app())
        .get(path)
        .set({ 'If-None-Match': `W/"x", ${before.etag}`, 'Cache-Control': 'no-cache' });
      expect(noCache.status).to.equal(304);
    });
    expect(runs, 'a 304 runs no planner').to.equal(0);

    const first = before.events.find((e) => e.uid.startsWith('plan-'))!;
    const problem = /boj:\d+/.exec(first.description)![0];
    t.clock.set('2026-11-28T05:00:00Z');
    recordAttempt(t.deps.db, {
      learnerId: 2,
      problemId: problem,
      day: '2026-11-27',
      outcome: 'solved',
      note: '',
      createdAt: '2026-11-28T05:00:00Z',
    });
    const changed = await request(t.app()).get(path).set('If-None-Match', before.etag);
    expect(changed.status).to.equal(200);
    const after = await fetchFeed(path);
    expect(after.etag).to.not.equal(before.etag);
    const uid = first.uid;
    const later = after.events.find((e) => e.uid === uid)!;
    expect(later, 'the day keeps its UID').to.not.equal(undefined);
    expect(later.sequence).to.be.greaterThan(first.sequence);
    expect(later.stamp > first.stamp).to.equal(true);
  });

  it('revoking – the old URL answers 404, a new one works; an unknown token is a 404 and needs no login', async () => {
    const { agent } = await loggedIn(t.app(), 'ana');
    const path = await turnOn(agent);
    const page = await agent.get('/settings/calendar');
    await agent
      .post('/settings/calendar/revoke')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    expect((await request(t.app()).get(path)).status).to.equal(404);
    const renewed = await turnOn(agent);
    expect(renewed).to.not.equal(path);
    expect((await request(t.app()).get(renewed)).status).to.equal(200);
    expect((await request(t.app()).get(path)).status).to.equal(404);
    expect((await request(t.app()).get(`/calendar/${'a'.repeat(43)}.ics`)).status).to.equal(404);
    expect((await request(t.app()).get('/calendar/short.ics')).status).to.equal(404);
    expect((await request(t.app()).post('/settings/calendar').type('form').send({})).status).to.be.oneOf([
      302, 401, 403,
    ]);
  });
});
