import fs from 'node:fs';
import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { attemptsForLearner, recordAttempt } from '../../src/progress/attemptRepository.ts';
import { allLearners, learnerByLogin, setDigestSettings, type Learner } from '../../src/learners/learnerRepository.ts';
import { outboxDir } from '../../src/digest/transport.ts';

/**
 * Malformed requests the web fuzz harness found accepted (each is one of its failure classes), answered here one by
 * one outside the harness: bad syntax is a 400 page naming what is wrong, and nothing is stored.
 */
const EN = { 'Accept-Language': 'en-US,en;q=0.9' };
const FORM = 'application/x-www-form-urlencoded';

describe('malformed requests the fuzz harness found – 400, nothing changed', () => {
  let t: ReturnType<typeof testDeps>;
  let admin: Learner;
  let mina: Learner;
  beforeEach(() => {
    t = testDeps();
    admin = seedLearner(t.deps.db, 'admin', { language: 'en' });
    mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
    seedProblems(t.deps.db);
  });
  afterEach(() => t.cleanup());

  const anAttempt = () =>
    recordAttempt(t.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1260',
      day: '2026-11-21',
      outcome: 'solved',
      minutes: 30,
      note: 'kept',
      createdAt: '2026-11-21T10:00:00Z',
    });

  describe('a malformed percent-escape or invalid UTF-8 in a query field the page reads', () => {
    const cases: Array<[string, string, string]> = [
      ['/?q=%E0%A4%A', 'q', 'learner'],
      ['/?type=math&recommended=%C0%AF', 'recommended', 'learner'],
      ['/history?day=%E0%A4%A', 'day', 'learner'],
      ['/history?day=abc%', 'day', 'learner'],
      ['/login?next=%C0%AF', 'next', 'anonymous'],
      ['/login?next=%ED%A0%80', 'next', 'learner'],
    ];
    for (const [url, field, who] of cases) {
      it(`GET ${url} (${who}) – 400 naming “${field}”`, async () => {
        const agent = who === 'anonymous' ? request.agent(t.app()) : (await loggedIn(t.app(), 'mina')).agent;
        const res = await agent.get(url).set(EN);
        expect(res.status).to.equal(400);
        expect(res.text).to.contain('data-code="request.bad_encoding"');
        expect(res.text).to.contain(`The field “${field}” has a malformed percent-escape or text that is not UTF-8.`);
      });
    }

    it('GET /?q=%ED%95%9C (a well-encoded 한) – still 200', async () => {
      const { agent } = await loggedIn(t.app(), 'mina');
      expect((await agent.get('/?q=%ED%95%9C').set(EN)).status).to.equal(200);
    });
  });

  describe('a malformed escape or invalid text in a form body', () => {
    it('POST /attempts with note=%E0%A4%A or note=%C0%AF – 400 naming “note”, nothing logged', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      for (const note of ['%E0%A4%A', '%C0%AF', '%ED%A0%80', 'abc%']) {
        const res = await agent
          .post('/attempts')
          .set(EN)
          .type('form')
          .send(`_csrf=${encodeURIComponent(csrf)}&problem=boj%3A1260&day=2026-11-27&outcome=solved&note=${note}`);
        expect(res.status, note).to.equal(400);
        expect(res.text, note).to.contain('The field “note” has a malformed percent-escape');
      }
      expect(attemptsForLearner(t.deps.db, mina.id)).to.have.length(0);
    });

    it('POST /learners with isAdmin=%E0%A4%A – 400, nobody added', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'admin');
      const res = await agent
        .post('/learners')
        .set(EN)
        .type('form')
        .send(
          `_csrf=${encodeURIComponent(csrf)}&login=newbie&password=long+enough+1&name=New&email=new%40example.com&isAdmin=%E0%A4%A`,
        );
      expect(res.status).to.equal(400);
      expect(learnerByLogin(t.deps.db, 'newbie')).to.equal(undefined);
    });

    it('a form body of raw bytes that are not UTF-8 – 400, nothing logged', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const body = Buffer.concat([
        Buffer.from(`_csrf=${encodeURIComponent(csrf)}&problem=boj%3A1260&outcome=solved&note=`),
        Buffer.from([0xc0, 0xaf, 0xff]),
      ]);
      // serialize: superagent would otherwise turn a Buffer into a form of its bytes.
      const res = await agent
        .post('/attempts')
        .set(EN)
        .set('content-type', FORM)
        .serialize((b: unknown) => b as string)
        .send(body);
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('data-code="request.not_utf8"');
      expect(attemptsForLearner(t.deps.db, mina.id)).to.have.length(0);
    });

    it('a JSON body with a lone surrogate in a string – 400 naming the field, nothing logged', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const res = await agent
        .post('/attempts')
        .set(EN)
        .set('content-type', 'application/json')
        .set('x-csrf-token', csrf)
        .send('{"problem":"boj:1260","outcome":"solved","note":"x\\ud800"}');
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('The field “note” has a malformed percent-escape');
      expect(attemptsForLearner(t.deps.db, mina.id)).to.have.length(0);
    });
  });

  describe('a POST without a form body', () => {
    it('POST /attempts/:id/delete without a body, or with text/plain / multipart / XML – 400, the entry is still there', async () => {
      const attempt = anAttempt();
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const bodies: Array<[string | undefined, string | undefined]> = [
        [undefined, undefined],
        ['text/plain', 'back=%2Fhistory'],
        ['multipart/form-data; boundary=x', '--x--'],
        ['application/xml', '<a/>'],
      ];
      for (const [type, body] of bodies) {
        const req = agent.post(`/attempts/${attempt.id}/delete`).set(EN).set('x-csrf-token', csrf);
        if (type) req.set('content-type', type);
        const res = await (body === undefined ? req : req.send(body));
        expect(res.status, type).to.equal(400);
        expect(res.text, type).to.contain('data-code="request.not_a_form"');
        expect(res.text, type).to.contain('This address takes a form');
      }
      expect(attemptsForLearner(t.deps.db, mina.id).map((a) => a.id)).to.deep.equal([attempt.id]);
    });

    it('POST /attempts/:id without a body – 400, the entry unchanged', async () => {
      const attempt = anAttempt();
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      expect((await agent.post(`/attempts/${attempt.id}`).set('x-csrf-token', csrf)).status).to.equal(400);
      expect(attemptsForLearner(t.deps.db, mina.id)[0]).to.deep.include({
        day: '2026-11-21',
        outcome: 'solved',
        minutes: 30,
        note: 'kept',
      });
    });

    it('POST /settings/email/test without a body – 400, no email written; with its form – written', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const outbox = () => (fs.existsSync(outboxDir(t.deps.config)) ? fs.readdirSync(outboxDir(t.deps.config)) : []);
      expect((await agent.post('/settings/email/test').set('x-csrf-token', csrf)).status).to.equal(400);
      expect(
        (await agent.post('/settings/email/test').set('x-csrf-token', csrf).type('text').send('x')).status,
      ).to.equal(400);
      expect(outbox()).to.deep.equal([]);
      expect((await agent.post('/settings/email/test').type('form').send({ _csrf: csrf })).status).to.equal(302);
      expect(outbox()).to.have.length(1);
    });

    it('POST /logout and POST /attempts/restore with a JSON array – 400; POST /logout without a body – 400, still logged in', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      for (const route of ['/logout', '/attempts/restore']) {
        const res = await agent
          .post(route)
          .set('x-csrf-token', csrf)
          .set('content-type', 'application/json')
          .send('[{}]');
        expect(res.status, route).to.equal(400);
      }
      expect((await agent.post('/logout').set('x-csrf-token', csrf)).status).to.equal(400);
      expect((await agent.get('/settings')).status).to.equal(200);
    });

    it('an empty form without a token – still the CSRF refusal (403), not a syntax error', async () => {
      const { agent } = await loggedIn(t.app(), 'mina');
      expect((await agent.post('/logout').type('form').send('')).status).to.equal(403);
    });

    it('POST /unsubscribe/:token as RFC 8058 one-click in multipart – still switches the digest off (exempt)', async () => {
      setDigestSettings(t.deps.db, mina.id, { enabled: true, time: '20:00' });
      const res = await request(t.app())
        .post(`/unsubscribe/${mina.unsubscribeToken}`)
        .set('content-type', 'multipart/form-data; boundary=b')
        .send('--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n');
      expect(res.status).to.equal(200);
      expect(learnerByLogin(t.deps.db, 'mina')?.digestEnabled).to.equal(false);
    });
  });

  describe('an empty or odd value of a checkbox is no "unticked"', () => {
    it('POST /settings/email with enabled= (empty), enabled=%20 or enabled=yes – 400, the digest settings unchanged', async () => {
      setDigestSettings(t.deps.db, mina.id, { enabled: true, time: '20:00' });
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      for (const enabled of ['', '%20', 'yes', 'on&enabled=on']) {
        const res = await agent
          .post('/settings/email')
          .type('form')
          .send(`_csrf=${encodeURIComponent(csrf)}&time=21%3A30&enabled=${enabled}`);
        expect(res.status, enabled).to.equal(400);
      }
      expect(learnerByLogin(t.deps.db, 'mina')).to.deep.include({ digestEnabled: true, digestTime: '20:00' });
      // The real form: unticked (no field) switches it off, ticked ("on") on.
      expect((await agent.post('/settings/email').type('form').send({ _csrf: csrf, time: '21:30' })).status).to.equal(
        302,
      );
      expect(learnerByLogin(t.deps.db, 'mina')).to.deep.include({ digestEnabled: false, digestTime: '21:30' });
    });

    it('POST /settings with studyDays= (empty) – 400, study days unchanged; no box ticked – none', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const before = learnerByLogin(t.deps.db, 'mina')!.studyDays;
      const form = `_csrf=${encodeURIComponent(csrf)}&name=Mina&email=mina%40example.com&timezone=Asia%2FSeoul&language=en&examDate=&dailyMinutes=60&profile=general`;
      expect((await agent.post('/settings').type('form').send(`${form}&studyDays=`)).status).to.equal(400);
      expect((await agent.post('/settings').type('form').send(`${form}&studyDays=1&studyDays=`)).status).to.equal(400);
      expect(learnerByLogin(t.deps.db, 'mina')!.studyDays).to.deep.equal(before);
      expect((await agent.post('/settings').type('form').send(form)).status).to.equal(302);
      expect(learnerByLogin(t.deps.db, 'mina')!.studyDays).to.deep.equal([]);
    });

    it('POST /history/import with partial=%20 – 400, nothing imported', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const csv = encodeURIComponent('problem,day,outcome,minutes\nboj:1000,2026-11-21,solved,20\n');
      const res = await agent
        .post('/history/import')
        .type('form')
        .send(`_csrf=${encodeURIComponent(csrf)}&csv=${csv}&partial=%20`);
      expect(res.status).to.equal(400);
      expect(attemptsForLearner(t.deps.db, mina.id)).to.have.length(0);
    });

    it('POST /learners with isAdmin=yes – 400, nobody added; isAdmin=1 – an admin', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'admin');
      const form = { _csrf: csrf, login: 'newbie', password: 'long enough 1', name: 'New', email: 'new@example.com' };
      expect(
        (
          await agent
            .post('/learners')
            .type('form')
            .send({ ...form, isAdmin: 'yes' })
        ).status,
      ).to.equal(400);
      expect(allLearners(t.deps.db)).to.have.length(2);
      expect(
        (
          await agent
            .post('/learners')
            .type('form')
            .send({ ...form, isAdmin: '1' })
        ).status,
      ).to.equal(302);
      expect(learnerByLogin(t.deps.db, 'newbie')?.isAdmin).to.equal(true);
    });
  });

  describe('a blank name where the form needs one', () => {
    it('POST /lists/types with a whitespace-only alias – 400, no mapping stored', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'admin');
      const res = await agent
        .post('/lists/types')
        .type('form')
        .send({ _csrf: csrf, alias: ' \t \u3000 ', type: 'graph_traversal' });
      expect(res.status).to.equal(400);
      expect(t.deps.db.prepare('SELECT count(*) FROM type_aliases').pluck().get()).to.equal(0);
    });
  });

  describe('no server path on a page', () => {
    it('GET /digest/preview – the outbox is described without the data directory, for a learner and an admin', async () => {
      for (const login of ['mina', 'admin']) {
        const { agent } = await loggedIn(t.app(), login);
        const res = await agent.get('/digest/preview').expect(200);
        expect(res.text, login).to.contain('the outbox folder in the data directory');
        expect(res.text, login).not.to.contain(t.deps.config.dataDir);
      }
    });

    it('POST /lists/import with source=%00 – 422 naming the field, no server path; a missing relative folder – named as typed', async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'admin');
      const nul = await agent.post('/lists/import').set(EN).type('form').send({ _csrf: csrf, source: '\u0000' });
      expect(nul.status).to.equal(422);
      expect(nul.text).to.contain('The list source (field “source”) contains control characters');
      expect(nul.text).not.to.contain(process.cwd());
      const missing = await agent
        .post('/lists/import')
        .set(EN)
        .type('form')
        .send({ _csrf: csrf, source: 'no/such/dir' });
      expect(missing.status).to.equal(422);
      expect(missing.text).to.contain('The directory no/such/dir does not exist on the server.');
      expect(missing.text).not.to.contain(process.cwd());
      expect(admin.isAdmin).to.equal(true);
    });
  });

  describe('GET /favicon.ico', () => {
    it('with a malformed cote_lang cookie – 400 and the cookie cleared, like every page; without – the 301 to the icon', async () => {
      const bad = await request(t.app()).get('/favicon.ico').set('Cookie', 'cote_lang=%E0%A4%A');
      expect(bad.status).to.equal(400);
      expect(String(bad.headers['set-cookie'])).to.match(/cote_lang=;/);
      const ok = await request(t.app()).get('/favicon.ico');
      expect(ok.status).to.equal(301);
      expect(ok.headers.location).to.equal('/static/favicon.svg');
    });
  });
});
