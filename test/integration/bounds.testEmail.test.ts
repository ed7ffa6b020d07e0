import fs from 'node:fs';
import { expect } from 'chai';
import { csrfFrom, testDeps } from '../support/app.ts';
import { outboxDir } from '../../src/digest/transport.ts';
import { loggedIn } from './digest.support.ts';

describe('send a test email – at most 3 an hour per learner', () => {
  let t: ReturnType<typeof testDeps>;
  // 11:00 UTC is 20:00 in Seoul.
  beforeEach(() => (t = testDeps({ SMTP_URL: '' }, new Date('2026-11-28T11:00:00Z'))));
  afterEach(() => t.cleanup());

  const testFiles = (learnerId: number) =>
    fs.existsSync(outboxDir(t.deps.config))
      ? fs.readdirSync(outboxDir(t.deps.config)).filter((f) => f.startsWith(`test-${learnerId}-`))
      : [];

  it('the 4th within the hour – 429 saying when to try again, in the learner’s language; after the hour – sent again', async () => {
    const app = t.app();
    const ana = await loggedIn(app, t.deps.db, 'ana', { language: 'en' });
    const bo = await loggedIn(app, t.deps.db, 'bo', { language: 'ko' });
    const csrf = async (who: typeof ana) => csrfFrom((await who.agent.get('/settings/email')).text);
    const send = async (who: typeof ana) =>
      who.agent
        .post('/settings/email/test')
        .type('form')
        .send({ _csrf: await csrf(who) });

    for (let i = 0; i < 3; i++) {
      t.clock.set(new Date(Date.parse('2026-11-28T11:00:00Z') + i * 60_000));
      expect((await send(ana)).status).to.equal(302);
    }
    t.clock.set('2026-11-28T11:30:00Z');
    const refused = await send(ana);
    expect(refused.status).to.equal(429);
    expect(refused.text).to.contain('You can send at most 3 test emails an hour. Try again after 21:00.');
    expect(refused.headers['retry-after']).to.equal(String(30 * 60));
    expect(testFiles(ana.learner.id)).to.have.length(3);

    // Another learner has their own count, and reads the answer in Korean when over it.
    for (let i = 0; i < 3; i++) expect((await send(bo)).status).to.equal(302);
    const boRefused = await send(bo);
    expect(boRefused.status).to.equal(429);
    expect(boRefused.text).to.contain(
      '테스트 메일은 한 시간에 3번까지 보낼 수 있습니다. 21:30 이후에 다시 시도하세요.',
    );

    t.clock.set('2026-11-28T12:00:00Z');
    expect((await send(ana)).status).to.equal(302);
    expect((await send(ana)).status).to.equal(429);
    expect(testFiles(ana.learner.id)).to.have.length(4);
  });
});
