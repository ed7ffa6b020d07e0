import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { findGroup } from '../../groups/groupAdmin.ts';
import { addWebhook, removeWebhook, setPostSettings } from '../../groups/webhookAdmin.ts';
import { requireAdmin } from '../auth.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { field, parseBody, parseParams } from '../validate.ts';
import { GroupParams, groupsPage } from './adminRoutes.ts';

const WebhookBody = z.object({ url: field.text(2000) });
const RemoveWebhookBody = z.object({ webhook: field.text(20) });
const PostsBody = z.object({
  sent: z.literal('1'),
  morningOn: field.checkbox('1'),
  morningAt: field.text(10),
  eveningOn: field.checkbox('1'),
  eveningAt: field.text(10),
  lang: field.text(5),
});

/**
 * The admin's POST /groups/:id/webhooks (add one), POST /groups/:id/webhooks/remove, POST /groups/:id/posts (times,
 * switches, language). A refused form re-renders /groups with the message (422 a bad URL or time, 404 unknown).
 * The URL typed is never shown back: it is a secret, and the page only shows saved ones masked.
 */
export function reachAdminRoutes({ db, now, config }: AppDeps): Router {
  const router = Router();
  router.use('/groups/:id', requireAdmin);
  const done = (req: Request, res: Response, text: string) => {
    flash(req, 'ok', text);
    res.redirect('/groups');
  };

  router.post('/groups/:id/webhooks', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const { url } = parseBody(WebhookBody, req);
    return withFormErrors(res, 'groups/index', groupsPage(db, res), () => {
      const group = findGroup(db, id);
      const added = addWebhook(db, group, url, config.allowPrivateSources, now());
      done(
        req,
        res,
        res.locals.t('reach.admin.added', { group: group.name, kind: res.locals.t(`reach.admin.kind.${added.kind}`) }),
      );
    });
  });

  router.post('/groups/:id/webhooks/remove', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const { webhook } = parseBody(RemoveWebhookBody, req);
    return withFormErrors(res, 'groups/index', groupsPage(db, res), () => {
      const group = findGroup(db, id);
      removeWebhook(db, group, /^\d{1,12}$/.test(webhook) ? Number(webhook) : -1);
      done(req, res, res.locals.t('reach.admin.removed', { group: group.name }));
    });
  });

  router.post('/groups/:id/posts', (req, res) => {
    const { id } = parseParams(GroupParams, req);
    const body = parseBody(PostsBody, req);
    return withFormErrors(res, 'groups/index', groupsPage(db, res), () => {
      const group = findGroup(db, id);
      setPostSettings(db, group, {
        morningOn: body.morningOn !== undefined,
        morningAt: body.morningAt,
        eveningOn: body.eveningOn !== undefined,
        eveningAt: body.eveningAt,
        lang: body.lang,
      });
      done(req, res, res.locals.t('reach.admin.posts_saved', { group: group.name }));
    });
  });
  return router;
}
