import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import compression from 'compression';
import { csrfSync } from 'csrf-sync';
import type { AppDeps } from './context.ts';
import { SqliteSessionStore } from './web/sessionStore.ts';
import { loadLearner } from './web/auth.ts';
import { viewLocals } from './web/locals.ts';
import { errorHandler, pageNotFound } from './web/errorHandler.ts';
import { languageRoutes } from './web/languageRoutes.ts';
import { catalogRoutes } from './web/catalog/index.ts';
import { progressRoutes } from './web/progress/index.ts';
import { plannerRoutes } from './web/planner/index.ts';
import { digestRoutes } from './web/digest/index.ts';
import { isUnsubscribePost } from './web/digest/unsubscribe.ts';
import { staticAssets } from './web/assets.ts';
import { privateNoCache } from './web/caching.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the Express app without listening: main.ts listens, tests mount it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.set('views', path.join(ROOT, 'views'));
  app.set('view engine', 'ejs');
  // Compile each template (and each partial it includes) once, whatever NODE_ENV says: a checklist row is a partial.
  app.enable('view cache');
  app.disable('x-powered-by');
  const assets = staticAssets(path.join(ROOT, 'public'));
  app.locals.asset = assets.url;

  app.use(compression());
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"] } } }));
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));
  app.use('/static', assets.middleware);
  app.use(privateNoCache);
  app.use(express.urlencoded({ extended: false, limit: '2mb' }));
  app.use(express.json({ limit: '2mb' }));
  app.use(
    session({
      name: 'cote.sid',
      secret: deps.sessionSecret,
      store: new SqliteSessionStore(deps.db),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, maxAge: 30 * 24 * 3600 * 1000 },
    }),
  );
  const { csrfSynchronisedProtection } = csrfSync({
    getTokenFromRequest: (req) => (req.body?._csrf as string | undefined) ?? (req.headers['x-csrf-token'] as string | undefined),
    skipCsrfProtection: isUnsubscribePost,
  });
  app.use(csrfSynchronisedProtection);
  app.use(loadLearner(deps.db));
  app.use(viewLocals);

  app.use(languageRoutes(deps));
  app.use(catalogRoutes(deps));
  app.use(progressRoutes(deps));
  app.use(plannerRoutes(deps));
  app.use(digestRoutes(deps));

  app.use(pageNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
