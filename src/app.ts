import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import ejs from 'ejs';
import express from 'express';
import session from 'express-session';
import compression from 'compression';
import type { AppDeps } from './context.ts';
import { ANONYMOUS_SESSION_MS, renewSession, SqliteSessionStore } from './web/sessionStore.ts';
import { httpsDecision, securityHeaders } from './web/https.ts';
import { loadLearner } from './web/auth.ts';
import { csrfProtection } from './web/csrf.ts';
import { anonymousLimit } from './web/anonymousLimit.ts';
import { viewLocals } from './web/locals.ts';
import { requestSyntax, verifyBody } from './web/requestSyntax.ts';
import { bodyShape } from './web/validate.ts';
import { errorHandler, pageNotFound } from './web/errorHandler.ts';
import { languageRoutes } from './web/languageRoutes.ts';
import { catalogRoutes } from './web/catalog/index.ts';
import { progressRoutes } from './web/progress/index.ts';
import { plannerRoutes } from './web/planner/index.ts';
import { digestRoutes } from './web/digest/index.ts';
import { groupRoutes } from './web/groups/index.ts';
import { syncRoutes } from './web/sync/index.ts';
import { calendarRoutes } from './web/calendar/index.ts';
import { isUnsubscribePost } from './web/digest/unsubscribe.ts';
import { linkTemplatesOf, problemLinks, type ProblemLinks } from './judges/links.ts';
import { staticAssets } from './web/assets.ts';
import { privateNoCache } from './web/caching.ts';
import { accessLog } from './web/accessLog.ts';
import { planRefresh } from './web/planRefresh.ts';

const SESSION_COOKIE = 'cote.sid';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The chart library is served from the installed package (nothing vendored in git): uPlot.iife.min.js, uPlot.min.css.
const UPLOT_DIST = path.dirname(createRequire(import.meta.url).resolve('uplot'));

/**
 * A problem's links, made once per problem and kept (up to 10,000 problems, then made afresh): a page links every
 * item, entry and row through the judges' templates.
 */
function keptLinks(make: (id: string, fallback: string | null) => ProblemLinks) {
  const kept = new Map<string, ProblemLinks>();
  return (id: string, fallback: string | null = null): ProblemLinks => {
    const key = fallback === null ? id : `${id}\n${fallback}`;
    let links = kept.get(key);
    if (!links) {
      links = Object.freeze(make(id, fallback));
      if (kept.size >= 10_000) kept.clear();
      kept.set(key, links);
    }
    return links;
  };
}

/** Builds the Express app without listening: main.ts listens, tests mount it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const views = path.join(ROOT, 'views');
  app.set('views', views);
  // Each template (and each partial it includes) is compiled once, whatever NODE_ENV says: a checklist row is a
  // partial. Views include each other from the views folder's root ('/partials/header'): ejs resolves such a path
  // without asking the disk, where a relative include cost an existsSync call on every include of every row.
  // Without compileDebug: ejs's line tracking (a statement before each piece, and a try around the template) cost
  // 5–20 % of a page's CPU (bench:pagecost); an error in a template names the view it was rendering instead.
  app.engine('ejs', (file: string, data: object, done: (error: Error | null, html?: string) => void) =>
    ejs.renderFile(file, data, { root: views, views: [views], cache: true, compileDebug: false }, (error, html) => {
      if (error) error.message = `views/${path.relative(views, file)}: ${error.message}`;
      done(error, html);
    }),
  );
  app.set('view engine', 'ejs');
  app.enable('view cache');
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  // Every view links problems through the judges' templates (COTE_LINK_<JUDGE> points a group at a mirror).
  const templates = linkTemplatesOf(deps.config);
  app.locals.problemLinks = keptLinks((id, fallback) => problemLinks(id, templates, fallback));
  const assets = staticAssets(path.join(ROOT, 'public'));
  app.locals.asset = assets.url;

  // First: every request gets its access-log line, whatever answers it.
  app.use(accessLog(deps.logger));
  // Brotli's default 4 MB window is for large files: a page is under 150 KB, and 50 pages compressed at once with 4 MB
  // windows took 100 MB of native memory the process kept. A 64 KB window: at quality 1 a page over 64 KB (history,
  // 89 KB) took 0.85 ms with a 256 KB window and 0.35 ms with this one, for 3 % more bytes; smaller pages are alike.
  // Quality 1, not compression's 4: every page is compressed anew, and on cote's pages quality 4 took 0.1–0.9 ms of
  // CPU each (the history page 0.9 ms) against 0.03–0.2 ms for output 15–35 % larger (still smaller than gzip -6).
  app.use(
    compression({
      brotli: {
        params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 16, [zlib.constants.BROTLI_PARAM_QUALITY]: 1 },
      },
    }),
  );
  app.use(httpsDecision(deps.config));
  app.use(securityHeaders());
  app.use('/static/vendor/uplot', express.static(UPLOT_DIST, { maxAge: '1h', index: false }));
  app.use('/static', assets.middleware);
  const anonymous = anonymousLimit(deps.config.anonymousRequestsPerMinute, SESSION_COOKIE);
  app.use(anonymous.cookieless);
  app.use(privateNoCache);
  // A session is stored only once something is put in it: a login, a logged-in learner's CSRF token, a flash. An
  // anonymous visitor's forms are protected without one (web/csrf.ts). Anonymous sessions last an hour from the last
  // request, logged-in ones 30 days;
  // renewSession writes the new expiry only when the stored one is stale by more than its slack (an hour at most).
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: deps.sessionSecret,
      store: new SqliteSessionStore(deps.db),
      resave: false,
      saveUninitialized: false,
      rolling: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: ANONYMOUS_SESSION_MS },
    }),
  );
  app.use(renewSession);
  app.use(loadLearner(deps.db));
  // Before the body parsers, so that their errors (413, malformed JSON) are answered in the learner's language.
  app.use(viewLocals);
  app.use(anonymous.afterSession);
  // Bad syntax (a malformed escape in the query or a form, no form body on a POST …) is a 400 before anything reads it.
  app.use(requestSyntax(isUnsubscribePost));
  // After the locals: a malformed cote_lang cookie is refused here too.
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));
  app.use(express.urlencoded({ extended: false, limit: '2mb', verify: verifyBody }));
  app.use(express.json({ limit: '2mb', verify: verifyBody }));
  app.use(bodyShape(isUnsubscribePost));
  app.use(csrfProtection(deps.sessionSecret, isUnsubscribePost));
  // A learner's write stores today's list first and refreshes their stored plan after it; a GET never writes.
  app.use(planRefresh(deps));

  app.use(languageRoutes(deps));
  app.use(catalogRoutes(deps));
  app.use(progressRoutes(deps));
  app.use(plannerRoutes(deps));
  app.use(digestRoutes(deps));
  app.use(groupRoutes(deps));
  app.use(syncRoutes(deps));
  app.use(calendarRoutes(deps));

  app.use(pageNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
