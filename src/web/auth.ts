import type { NextFunction, Request, Response } from 'express';
import { learnerById, type Learner } from '../learners/learnerRepository.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';

declare module 'express-session' {
  interface SessionData {
    learnerId?: number;
    flash?: { kind: 'ok' | 'error'; text: string };
  }
}
declare module 'express-serve-static-core' {
  interface Request {
    learner?: Learner;
  }
}

/** Resolves the session's learner onto req.learner (a deleted learner logs the session out). */
export function loadLearner(db: Db) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const id = req.session?.learnerId;
    if (id !== undefined) {
      req.learner = learnerById(db, id);
      if (!req.learner) delete req.session.learnerId;
    }
    next();
  };
}

/** Every learner route goes through this: pages redirect to the login, API calls get 401. */
export function requireLearner(req: Request, res: Response, next: NextFunction) {
  if (req.learner) return next();
  if (wantsJson(req)) return next(new AppError('auth.required', 'log in first', 401));
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
}

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (!req.learner) return requireLearner(req, res, next);
  if (!req.learner.isAdmin) return next(new AppError('auth.admin_only', 'only an admin can do this', 403));
  next();
}

/** The learner of a route behind requireLearner. */
export function currentLearner(req: Request): Learner {
  if (!req.learner) throw new AppError('auth.required', 'log in first', 401);
  return req.learner;
}

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.xhr || req.accepts(['html', 'json']) === 'json';
}
