import { expect } from 'chai';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { missionFor } from '../../src/groups/mission.ts';
import { setMemberSettings } from '../../src/membership/memberRepository.ts';
import { startSmtp, type TestSmtp } from './digest.support.ts';
import { groupWorld, solve, withGroups } from './groups.support.ts';

describe('study groups: the nightly email', () => {
  let w: Awaited<ReturnType<typeof groupWorld>>;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    w = await groupWorld({ SMTP_URL: smtp.url, COTE_BASE_URL: 'https://cote.example.test' });
    await withGroups(w);
  });
  afterEach(async () => {
    w.t.cleanup();
    await smtp.close();
  });

  /** 21:00 in Seoul on 2026-11-28: every learner's digest is due. */
  const sendAll = async () => {
    const mailer = createMailer(w.t.deps.config);
    await sendDueDigests({ ...w.t.deps, mailer }, new Date('2026-11-28T12:00:00Z'));
    mailer.close();
  };
  const mailTo = (login: string) =>
    smtp.received.find((m) => String(m.to && 'text' in m.to ? m.to.text : '').includes(`${login}@`))!;

  it("sendDueDigests – three members, one did the whole mission, all solved two days running – 'done by 1 of 3', the group's streak, each problem marked; off for the member who switched it off", async () => {
    const { db, ana, bo, cy } = w;
    const group = groupByName(db, 'Alpha')!;
    const mission = missionFor(db, group, '2026-11-28', { store: true, now: new Date('2026-11-28T01:00:00Z') });
    expect(mission.length).to.be.at.least(1);
    for (const m of mission) solve(db, cy, m.problem, '2026-11-28');
    const others = ['boj:1260', 'boj:2178', 'boj:7576', 'boj:1012', 'boj:1978', 'boj:2609', 'boj:14891'].filter(
      (p) => !mission.some((m) => m.problem === p),
    );
    for (const who of [ana, bo, cy]) solve(db, who, others[0], '2026-11-27');
    solve(db, ana, others[1], '2026-11-28');
    solve(db, bo, others[1], '2026-11-28');
    setMemberSettings(db, bo.id, { hidden: false, digestSection: false });

    await sendAll();
    expect(smtp.received.length).to.be.at.least(4);
    const ana_ = mailTo('ana');
    expect(ana_.text).to.contain('== Group Alpha ==\nMission done by 1 of 3 · group streak: 2 days\n');
    const html = String(ana_.html);
    expect(html).to.contain('data-section="group">Mission done by 1 of 3 · group streak: 2 days</p>');
    for (const m of mission) expect(html).to.match(new RegExp(`data-section="mission">[\\s\\S]*?${m.problem} · to do`));
    expect(mailTo('cy').text).to.match(/solved today\) https?:\/\//);
    expect(mailTo('bo').text, 'switched off').not.to.contain('== Group Alpha ==');
    expect(String(mailTo('bo').html)).not.to.contain('data-section="group"');
    expect(mailTo('admin').text, 'in no group').not.to.contain('Mission done by');
  });

  it('sendDueDigests – no mission stored yet that day – the section shows the one the group would get, and stores nothing', async () => {
    await sendAll();
    expect(mailTo('ana').text).to.match(/== Group Alpha ==\nMission done by 0 of 3 · group streak: 0 days\n- /);
    expect(w.db.prepare('SELECT count(*) FROM group_missions').pluck().get()).to.equal(0);
    expect(w.db.prepare('SELECT count(*) FROM plan_days').pluck().get(), "nor anyone's plan").to.equal(0);
  });
});
