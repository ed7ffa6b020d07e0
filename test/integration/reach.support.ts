import { expect } from 'chai';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { setMemberSettings } from '../../src/membership/memberRepository.ts';
import { storeMission } from '../../src/groups/missionRepository.ts';
import { silentLogger } from '../../src/log.ts';
import { webhookReceiver } from '../support/webhookReceiver.ts';
import { groupWorld, solve, withGroups } from './groups.support.ts';

/** The receiver's paths: a Discord-, a Slack- and a generic-shaped webhook (their last parts are the secrets). */
export const DISCORD = '/api/webhooks/123/discord-secret-token';
export const SLACK = '/services/T0/B0/slack-secret';
export const GENERIC = '/hooks/generic-secret';
export const ARCHIVE = 'https://web.archive.org/web/2026/https://www.acmicpc.net/problem/';

/** Posts to the one local receiver 5 ms apart, not 250 ms (the default is tested once in reach.webhooks). */
export const FAST_WEBHOOK_GAP = '5';

/**
 * Groups Alpha (ana, bo, cy hidden) and Beta, Alpha's exam on 2026-12-25 and a known mission for 2026-11-28
 * (boj:1260, boj:1978: the chooser's own tests cover how it is picked), ana and cy having solved parts of it, and
 * Alpha posting in English to the three webhooks of a local receiver. Private addresses allowed (127.0.0.1).
 */
export async function reachWorld() {
  const w = await groupWorld({
    COTE_ALLOW_PRIVATE_SOURCES: 'true',
    COTE_BASE_URL: 'https://cote.example',
    COTE_WEBHOOK_GAP_MS: FAST_WEBHOOK_GAP,
  });
  await withGroups(w);
  const rx = await webhookReceiver();
  const alpha = groupByName(w.db, 'Alpha')!;
  w.db.prepare("UPDATE study_groups SET exam_date = '2026-12-25' WHERE id = ?").run(alpha.id);
  const mission = [
    { problem: 'boj:1260', category: 'graph_traversal' },
    { problem: 'boj:1978', category: 'math' },
  ];
  storeMission(w.db, alpha.id, '2026-11-28', mission, '2026-11-28T00:00:00Z');
  solve(w.db, w.ana, 'boj:1260', '2026-11-28');
  solve(w.db, w.ana, 'boj:1978', '2026-11-27');
  // cy solved the mission too, but hid from the board: no post may name them.
  solve(w.db, w.cy, 'boj:1260', '2026-11-28');
  setMemberSettings(w.db, w.cy.id, { hidden: true, digestSection: true });
  const set = await w.cli(
    'group',
    'set',
    'Alpha',
    '--lang',
    'en',
    '--webhook',
    `discord:${rx.base}${DISCORD}`,
    '--webhook',
    `slack:${rx.base}${SLACK}`,
    '--webhook',
    `${rx.base}${GENERIC}`,
  );
  expect(set.err).to.deep.equal([]);
  expect(set.out).to.not.include('secret');
  return {
    ...w,
    rx,
    alpha,
    /** What the delivery functions take. */
    reach: () => ({ db: w.db, config: w.t.deps.config, logger: silentLogger }),
    close: async () => {
      await rx.close();
      w.t.cleanup();
    },
  };
}
