import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { learnerById } from '../../learners/learnerRepository.ts';
import {
  calendarFeedOf,
  learnerOfCalendarToken,
  newCalendarToken,
  revokeCalendarToken,
} from '../../plans/calendarRepository.ts';
import { calendarEtag, calendarOf } from '../../plans/calendarService.ts';
import { currentLearner, requireLearner } from '../auth.ts';
import { flash } from '../progress/forms.ts';
import { field, parseParams } from '../validate.ts';

const CalendarParams = z.object({ file: field.text(200) });

/**
 * The learner's calendar feed: GET/POST /settings/calendar (show the private URL; make a new one), POST
 * /settings/calendar/revoke (turn it off), and GET /calendar/<token>.ics — public, its token is the credential (an
 * unknown or revoked token is a 404 that says nothing more). The feed carries an ETag of its inputs: a calendar app
 * asking again with If-None-Match gets a 304 after a few indexed reads, without the plan being made.
 */
export function calendarRoutes(deps: AppDeps): Router {
  const router = Router();
  const { db, config, now } = deps;
  const feedUrl = (token: string) => `${config.baseUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;

  router.get('/settings/calendar', requireLearner, (req: Request, res: Response) => {
    const feed = calendarFeedOf(db, currentLearner(req).id);
    const url = feed ? feedUrl(feed.token) : null;
    res.render('settings/calendar', {
      title: res.locals.t('reach.cal.title'),
      url,
      webcal: url?.replace(/^https?:/, 'webcal:') ?? null,
    });
  });

  router.post('/settings/calendar', requireLearner, (req, res) => {
    newCalendarToken(db, currentLearner(req).id, now());
    flash(req, 'ok', res.locals.t('reach.cal.created'));
    res.redirect('/settings/calendar');
  });

  router.post('/settings/calendar/revoke', requireLearner, (req, res) => {
    revokeCalendarToken(db, currentLearner(req).id);
    flash(req, 'ok', res.locals.t('reach.cal.revoked'));
    res.redirect('/settings/calendar');
  });

  router.get('/calendar/:file', (req, res) => {
    const { file } = parseParams(CalendarParams, req);
    const match = /^(.+)\.ics$/.exec(file);
    const learnerId = match ? learnerOfCalendarToken(db, match[1]) : undefined;
    const learner = learnerId === undefined ? undefined : learnerById(db, learnerId);
    if (!learner) throw new AppError('not_found', 'calendar not found', 404, { what: 'calendar' });
    const at = now();
    const etag = calendarEtag(db, config, learner, at);
    res.set({ ETag: etag, 'Cache-Control': 'private, no-cache', 'X-Robots-Tag': 'noindex' });
    if (matches(req.get('If-None-Match'), etag)) return res.status(304).end();
    res.type('text/calendar; charset=utf-8').send(calendarOf(db, config, learner, at));
  });
  return router;
}

/**
 * Does If-None-Match name `etag`? Not `req.fresh`: it answers 200 to a request with Cache-Control: no-cache, which
 * fetch() and some calendar apps send along with If-None-Match; that header speaks to caches, not to cote.
 */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => bare(tag) === etag);
}
