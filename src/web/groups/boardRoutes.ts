import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { boardView } from '../../groups/board.ts';
import { findGroup } from '../../groups/groupAdmin.ts';
import type { Group } from '../../membership/groupRepository.ts';
import { groupTimeZone, groupToday } from '../../groups/groupDay.ts';
import { membersOf, membershipOf, setMemberSettings } from '../../membership/memberRepository.ts';
import { groupOfLearner } from '../../plans/planSettings.ts';
import { learnerToday } from '../../progress/logAttempt.ts';
import { currentLearner, requireLearner } from '../auth.ts';
import { parseBody, parseParams } from '../validate.ts';
import { flash } from '../progress/forms.ts';
import { GroupParams } from './adminRoutes.ts';

// Ticked boxes send '1', unticked ones nothing: `sent` tells an all-unticked form from a request without the form.
const Tick = z.literal('1').optional();
const MemberSettingsBody = z.object({ sent: z.literal('1'), hidden: Tick, digest: Tick });

/**
 * GET /group (the board of the learner's own group), GET /groups/:id/board (an admin: any group; a member: only their
 * own, anyone else 403), POST /group/settings (the member's own: hidden from the board, the group section of their
 * nightly email). The board's day is the viewer's local day (an admin viewing another group: the group's).
 */
export function groupBoardRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  router.use(['/group', '/groups/:id/board'], requireLearner);

  const render = (req: Request, res: Response, group: Group, day: string) => {
    const learner = currentLearner(req);
    const board = boardView(db, group, day, { lang: res.locals.lang, storeMission: false, now: now() });
    const membership = membershipOf(db, learner.id);
    const own = membership?.groupId === group.id ? membership : undefined;
    // Whose day the board shows: a member's own local day, an admin outside the group the group's usual zone. Members
    // elsewhere get their own day's mission at their own midnight: the board says so.
    const zone = own ? learner.timezone : groupTimeZone(db, group.id);
    const otherZones = [...new Set(membersOf(db, group.id).map((m) => m.timezone))].filter((z) => z !== zone).sort();
    res.render('group/board', {
      title: res.locals.t('group.board.title', { group: group.name }),
      board,
      own,
      me: learner.login,
      zone,
      otherZones,
      ownDay: Boolean(own),
    });
  };

  router.get('/group', (req, res) => {
    const learner = currentLearner(req);
    const group = groupOfLearner(db, learner.id);
    if (!group) return res.render('group/none', { title: res.locals.t('group.none.title') });
    render(req, res, group, learnerToday(learner, now()));
  });

  router.get('/groups/:id/board', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const learner = currentLearner(req);
    const own = groupOfLearner(db, learner.id);
    // A member may read only their own group's board: another group's is refused before anything is looked up.
    if (!learner.isAdmin && own?.id !== id)
      throw new AppError('group.not_yours', "only the group's members and admins can see its board", 403);
    const group = findGroup(db, id);
    render(req, res, group, own?.id === group.id ? learnerToday(learner, now()) : groupToday(db, group.id, now()));
  });

  router.post('/group/settings', (req, res) => {
    const body = parseBody(MemberSettingsBody, req);
    const learner = currentLearner(req);
    // Unticked checkboxes are not sent: no "hidden" means shown, no "digest" means no group section.
    if (
      !setMemberSettings(db, learner.id, {
        hidden: body.hidden !== undefined,
        digestSection: body.digest !== undefined,
      })
    ) {
      throw new AppError('group.not_in_group', 'you are not in a study group', 404);
    }
    flash(req, 'ok', res.locals.t('group.settings.saved'));
    res.redirect('/group');
  });
  return router;
}
