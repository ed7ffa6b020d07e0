import type { Request, Response } from 'express';
import { AppError } from '../../errors.ts';
import { disableDigest, learnerByUnsubscribeToken, type Learner } from '../../learners/learnerRepository.ts';
import type { AppDeps } from '../../context.ts';
import { z } from 'zod';
import { field, parseBody, parseParams } from '../validate.ts';

const UnsubscribeParams = z.object({ token: field.text(200) });
const UnsubscribeBody = z.object({ 'List-Unsubscribe': field.optional(100) });

const UNSUBSCRIBE_PATH = /^\/unsubscribe\/[^/]+\/?$/;

/**
 * POST /unsubscribe/:token is exempt from the session CSRF check (app.ts asks this function). It is authenticated by
 * the token alone — 24 random bytes that exist only in the learner's emails — which is also what protects it from
 * cross-site forgery: a forging page cannot know the token. It must work without a session, because RFC 8058
 * one-click unsubscribes are POSTed by the mail provider with no cookies. The only thing it can do is switch the
 * digest off, which is idempotent and undone on /settings/email.
 */
export function isUnsubscribePost(req: Request): boolean {
  return req.method === 'POST' && UNSUBSCRIBE_PATH.test(req.path);
}

function learnerForToken(deps: AppDeps, req: Request): Learner {
  const { token } = parseParams(UnsubscribeParams, req);
  const learner = learnerByUnsubscribeToken(deps.db, token);
  if (!learner) throw new AppError('digest.unknown_token', 'unknown unsubscribe token', 404);
  return learner;
}

// GET /unsubscribe/:token — a confirmation page: mail scanners follow links, so a GET never changes anything.
export function showUnsubscribePage(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = learnerForToken(deps, req);
    res.render('digest/unsubscribe', {
      title: res.locals.t('digest.unsubscribe.title'),
      name: learner.name,
      token: learner.unsubscribeToken,
      state: learner.digestEnabled ? 'confirm' : 'already',
    });
  };
}

// POST /unsubscribe/:token — the page's button, and RFC 8058 one-click (body `List-Unsubscribe=One-Click`).
export function unsubscribe(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const body = parseBody(UnsubscribeBody, req);
    const learner = learnerForToken(deps, req);
    disableDigest(deps.db, learner.id);
    deps.logger.info('digest: unsubscribed', {
      learner: learner.id,
      oneClick: body['List-Unsubscribe'] === 'One-Click',
    });
    res.render('digest/unsubscribe', {
      title: res.locals.t('digest.unsubscribe.title'),
      name: learner.name,
      token: learner.unsubscribeToken,
      state: 'done',
    });
  };
}
