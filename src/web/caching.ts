import type { NextFunction, Request, Response } from 'express';

/**
 * Pages and API answers are per learner: a shared cache must not keep them, and a browser asks again each time.
 * Express gives every res.send body a weak ETag and answers a matching If-None-Match with 304, so asking again is cheap.
 */
export function privateNoCache(_req: Request, res: Response, next: NextFunction) {
  res.set('Cache-Control', 'private, no-cache');
  next();
}
