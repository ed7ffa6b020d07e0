import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import { allLists } from '../../catalog/listRepository.ts';
import { allLearners } from '../../learners/learnerRepository.ts';
import { addMember, createGroup, editGroup, findGroup, removeMember } from '../../groups/groupAdmin.ts';
import { GROUP_PROFILES } from '../../groups/groupFields.ts';
import { allGroups } from '../../membership/groupRepository.ts';
import { membersOf, membershipOf } from '../../membership/memberRepository.ts';
import { reachOfGroup } from '../../groups/webhookAdmin.ts';
import { requireAdmin } from '../auth.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { field, parseBody, parseParams } from '../validate.ts';

export const GroupBody = z.object({
  name: field.text(200),
  examDate: field.optional(40),
  profile: field.optional(40),
  lists: field.many(200, 100),
});
export const MemberBody = z.object({ login: field.text(200) });
export const GroupParams = z.object({ id: field.id() });

/**
 * The admin's GET /groups (every group with its members and shared settings, forms to create and edit groups and to
 * add or remove members), POST /groups, POST /groups/:id, POST /groups/:id/members, POST /groups/:id/members/remove.
 * A refused form re-renders the page with the message and its status (404 unknown group or learner, 409 a taken
 * name or a learner already in a group, 422 an invalid value); nothing is changed then.
 */
export function groupAdminRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  router.use('/groups', requireAdmin);
  const page = (res: Response, extra: Record<string, unknown> = {}) => groupsPage(db, res, extra);
  const done = (req: Request, res: Response, text: string) => {
    flash(req, 'ok', text);
    res.redirect('/groups');
  };

  router.get('/groups', (_req, res) => res.render('groups/index', page(res)));

  router.post('/groups', (req, res) => {
    const body = parseBody(GroupBody, req);
    const form = { ...body, lists: ([] as string[]).concat(body.lists ?? []) };
    return withFormErrors(res, 'groups/index', page(res, { form }), () => {
      const group = createGroup(db, body, now());
      done(req, res, res.locals.t('group.admin.created', { group: group.name }));
    });
  });

  router.post('/groups/:id', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const body = parseBody(GroupBody, req);
    return withFormErrors(res, 'groups/index', page(res), () => {
      const group = editGroup(db, id, body, now());
      done(req, res, res.locals.t('group.admin.saved', { group: group.name }));
    });
  });

  router.post('/groups/:id/members', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const { login } = parseBody(MemberBody, req);
    return withFormErrors(res, 'groups/index', page(res), () => {
      const group = findGroup(db, id);
      const learner = addMember(db, group, login, now());
      done(req, res, res.locals.t('group.admin.added', { learner: learner.login, group: group.name }));
    });
  });

  router.post('/groups/:id/members/remove', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const { login } = parseBody(MemberBody, req);
    return withFormErrors(res, 'groups/index', page(res), () => {
      const group = findGroup(db, id);
      const learner = removeMember(db, group, login);
      done(req, res, res.locals.t('group.admin.removed', { learner: learner.login, group: group.name }));
    });
  });
  return router;
}

/** The locals of the admin's groups page (views/groups/index.ejs); `extra` adds or overrides (a form, an error). */
export function groupsPage(db: Db, res: Response, extra: Record<string, unknown> = {}) {
  const groups = allGroups(db).map((g) => ({ ...g, members: membersOf(db, g.id), reach: reachOfGroup(db, g.id) }));
  const free = allLearners(db)
    .filter((l) => !membershipOf(db, l.id))
    .map((l) => l.login);
  return {
    title: res.locals.t('group.admin.title'),
    groups,
    free,
    lists: allLists(db),
    profiles: GROUP_PROFILES,
    form: { name: '', examDate: '', profile: '', lists: [] },
    ...extra,
  };
}
